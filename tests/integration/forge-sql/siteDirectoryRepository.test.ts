import { useForgeRuntime } from '../../support/forgeRuntime';
import { sql } from '@forge/sql';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { SqlSiteDirectoryQueries } from '../../../src/adapters/forge-sql/site/sqlSiteDirectoryQueries';
import { SqlSiteDirectoryRepository } from '../../../src/adapters/forge-sql/site/sqlSiteDirectoryRepository';

useForgeRuntime();
const repo = new SqlSiteDirectoryRepository();

const rows = async (query: string): Promise<unknown[]> => (await sql.prepare<unknown>(query).execute()).rows;

beforeAll(async () => {
  await ensureSchema();
});

describe('SqlSiteDirectoryRepository (U2 project users, U3 JSM customers)', () => {
  it('stores project role members idempotently and deletes those a complete walk did not see', async () => {
    const members = [
      { projectKey: 'OPS', projectName: 'Operations', roleName: 'Developers', accountId: 'a-1', viaGroupId: null },
      { projectKey: 'OPS', projectName: 'Operations', roleName: 'Developers', accountId: 'a-2', viaGroupId: 'grp-1' },
      { projectKey: 'WEB', projectName: 'Website', roleName: 'Administrators', accountId: 'a-1', viaGroupId: null },
    ];
    await repo.upsertProjectRoleMembers(members, 1);
    await repo.upsertProjectRoleMembers(members, 1);
    expect(await rows('SELECT COUNT(*) AS n FROM project_role_members')).toEqual([{ n: 3 }]);
    await repo.upsertProjectRoleMembers(members.slice(1), 2);
    expect(await repo.deleteProjectRoleMembersNotSeenSince(2)).toBe(1);
    expect(await rows('SELECT project_key, via_group_id FROM project_role_members ORDER BY project_key')).toEqual([
      { project_key: 'OPS', via_group_id: 'grp-1' },
      { project_key: 'WEB', via_group_id: '' },
    ]);
  });

  it('stores customers with their organizations and prunes both', async () => {
    await repo.upsertCustomers(
      [
        { serviceDeskId: '1', serviceDeskName: 'IT help', accountId: 'c-1', organizationIds: ['org-a', 'org-b'] },
        { serviceDeskId: '2', serviceDeskName: 'HR', accountId: 'c-2', organizationIds: [] },
      ],
      1,
    );
    await repo.upsertCustomers([{ serviceDeskId: '2', serviceDeskName: 'HR', accountId: 'c-2', organizationIds: ['org-b'] }], 2);
    expect(await repo.deleteCustomersNotSeenSince(2)).toBe(1);
    expect(await rows('SELECT service_desk_id, account_id FROM jsm_customers')).toEqual([{ service_desk_id: '2', account_id: 'c-2' }]);
    expect(await rows('SELECT organization_id, account_id FROM jsm_organization_members')).toEqual([
      { organization_id: 'org-b', account_id: 'c-2' },
    ]);
  });

  it('lists the projects and service desks the rows name, by name, with the name a later walk gives', async () => {
    const queries = new SqlSiteDirectoryQueries();
    await repo.upsertProjectRoleMembers([{ projectKey: 'ZED', projectName: 'Accounts', roleName: 'Users', accountId: 'a-3', viaGroupId: null }], 2);
    expect(await queries.projects()).toEqual([
      { id: 'ZED', name: 'Accounts' },
      { id: 'OPS', name: 'Operations' },
      { id: 'WEB', name: 'Website' },
    ]);
    await repo.upsertProjectRoleMembers([{ projectKey: 'WEB', projectName: 'Web shop', roleName: 'Administrators', accountId: 'a-1', viaGroupId: null }], 3);
    expect((await queries.projects()).find((p) => p.id === 'WEB')).toEqual({ id: 'WEB', name: 'Web shop' });
    expect(await queries.serviceDesks()).toEqual([{ id: '2', name: 'HR' }]);
  });

  it('lists the synced JSM organizations by name for the organization picker (U3)', async () => {
    await repo.upsertCustomers(
      [{ serviceDeskId: '5', serviceDeskName: 'Sales', accountId: 'qm:5', organizationIds: ['org-z', 'org-a'], displayName: null, email: null, organizationNames: { 'org-z': 'Acme', 'org-a': 'Zeta partners' } }],
      4,
    );
    const names = (await new SqlSiteDirectoryQueries().organizations()).filter((o) => o.id === 'org-z' || o.id === 'org-a');
    expect(names).toEqual([{ id: 'org-z', name: 'Acme' }, { id: 'org-a', name: 'Zeta partners' }]);
  });

  it('matches the role name whatever its case', async () => {
    const queries = new SqlSiteDirectoryQueries();
    const page = await queries.projectRoleMembers({ projectKey: 'OPS', roleName: 'developers' }, 50, null);
    expect(page.items.map((r) => r.accountId)).toEqual(['a-2']);
    expect((await queries.projectRoleMembers({ roleName: 'ADMINISTRATORS' }, 50, null)).items.map((r) => r.projectKey)).toEqual(['WEB']);
  });

  it('keeps the names JSM gives customers and organizations, and reads them back (U3)', async () => {
    const named = { serviceDeskId: '3', serviceDeskName: 'Clients', accountId: 'qm:1', organizationIds: ['org-c'], displayName: 'Cleo Client', email: 'cleo@client.com', organizationNames: { 'org-c': 'Client Ltd' } };
    await repo.upsertCustomers([named], 3);
    await repo.upsertCustomers([{ serviceDeskId: '3', serviceDeskName: 'Clients', accountId: 'qm:1', organizationIds: [] }], 3);
    const page = await new SqlSiteDirectoryQueries().customers({ serviceDeskId: '3' }, 10, null);
    expect(page.items).toEqual([
      { serviceDeskId: '3', serviceDeskName: 'Clients', accountId: 'qm:1', displayName: 'Cleo Client', email: 'cleo@client.com', person: null, organizations: [{ id: 'org-c', name: 'Client Ltd' }] },
    ]);
    await repo.deleteCustomersNotSeenSince(4);
    expect(await rows("SELECT COUNT(*) AS n FROM jsm_organizations WHERE organization_id = 'org-c'")).toEqual([{ n: 0 }]);
    expect(await rows("SELECT COUNT(*) AS n FROM jsm_customers WHERE account_id = 'qm:1'")).toEqual([{ n: 0 }]);
  });
});
