import { useForgeRuntime } from '../support/forgeRuntime';
import { asUser, route } from '@forge/api';
import { JiraPermissionsAdapter } from '../../src/adapters/jira/jiraPermissions';
import { requestErrors } from '../integration/jira/support/jiraContract';
import { loadProductSpec, specOf } from '../integration/jira/support/jiraSpecs';
import { connect, walkAll } from '../integration/jira/support/siteHarness';

const rt = useForgeRuntime({ sql: false });

const SITE = { seed: 9, users: 220, groups: 5, projects: 60, serviceDesks: 3, organizationSize: [0, 70] as const, record: true, rateLimit: false as const };

describe('requests the Jira adapters send, against the official documents', () => {
  it('every request of a full site-directory read is valid for its operation', async () => {
    const { sim, directory } = connect(rt, SITE, { pageSize: 60, maxCallsPerPage: 4 });
    await walkAll((c) => directory.projectRoleMembers(c));
    await walkAll((c) => directory.serviceDeskCustomers(c));
    const admin = [...sim.site.admins][0]!;
    await rt.runtime.invoke({ accountId: admin }, () => new JiraPermissionsAdapter({ now: () => new Date() }).isJiraAdmin(admin));
    const problems: string[] = [];
    for (const e of sim.exchanges) {
      for (const error of await requestErrors(e.method, e.path, e.requestHeaders)) problems.push(`${e.method} ${e.path}: ${error}`);
    }
    expect(problems).toEqual([]);
    const operations = new Set(sim.exchanges.map((e) => e.operation));
    expect(operations.size).toBe(9);
    expect(sim.exchanges.every((e) => e.method === 'GET' && e.status === 200)).toBe(true);
  });

  it('opts in to every experimental operation it calls, and stays within each operation’s page limits', async () => {
    const { sim, directory } = connect(rt, SITE);
    await walkAll((c) => directory.serviceDeskCustomers(c));
    await walkAll((c) => directory.projectRoleMembers(c));
    for (const e of sim.exchanges) {
      const api = await loadProductSpec(specOf(e.path));
      const [pathname = ''] = e.path.split('?');
      const op = api.router.matchOperation({ method: 'get', path: pathname, headers: {} });
      if ((op as { 'x-experimental'?: boolean } | undefined)?.['x-experimental'] === true) {
        expect(e.requestHeaders['x-experimentalapi']).toBe('opt-in');
      }
      const query = new URL(e.path, 'https://x.invalid').searchParams;
      if (e.operation === 'getUsersFromGroup') expect(Number(query.get('maxResults'))).toBeLessThanOrEqual(50);
      if (e.operation === 'searchProjects') expect(Number(query.get('maxResults'))).toBeLessThanOrEqual(100);
    }
    expect(sim.exchanges.some((e) => e.operation === 'getCustomers')).toBe(true);
  });

  it('would notice an invalid request', async () => {
    expect(await requestErrors('GET', '/rest/api/3/project/search?maxResults=500')).not.toEqual([]);
    expect(await requestErrors('GET', '/rest/api/3/project/X/role/abc')).not.toEqual([]);
    expect(await requestErrors('GET', '/rest/servicedeskapi/organization/abc/user')).not.toEqual([]);
    expect(await requestErrors('GET', '/rest/api/3/issue/X-1')).not.toEqual([]);
  });

  it('asUser requests reach the simulator as the invoking account', async () => {
    const { sim } = connect(rt, SITE);
    const other = [...sim.site.people.values()].find((p) => !sim.site.admins.has(p.accountId) && p.accountType === 'atlassian')!;
    const response = await rt.runtime.invoke({ accountId: other.accountId }, () =>
      asUser().requestJira(route`/rest/api/3/mypermissions?permissions=ADMINISTER`),
    );
    expect(await response.json()).toMatchObject({ permissions: { ADMINISTER: { havePermission: false } } });
    expect(sim.exchanges.at(-1)?.accountId).toBe(other.accountId);
  });
});
