import { SIM_KEY, useAppRig } from './support/harness';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import { aUser } from '../../unit/domain/fixtures';

const rig = useAppRig(8);
const ORG_ADMIN = 'atlassian/org-admin';

describe('gate 2 reads the caller\'s roles from the directory, not the synced copy (P5)', () => {
  it('refuses an org admin demoted in the directory since the last sync, and admits one promoted since', async () => {
    const [first, demoted, promoted] = rig.sim.state.org.users;
    if (first === undefined || demoted === undefined || promoted === undefined) throw new Error('the simulated org is too small');
    first.platformRoles = [ORG_ADMIN];
    demoted.platformRoles = [ORG_ADMIN];
    promoted.platformRoles = [];
    for (const u of [first, demoted, promoted]) rig.jiraAdmins.add(u.accountId);
    await rig.ok(first.accountId, 'apiKey.save', { key: SIM_KEY, orgId: rig.sim.state.org.id });
    // The synced copy as the last sync left it: `demoted` still an org admin, `promoted` not yet.
    await new SqlUserRepository().upsertMany(
      [aUser({ accountId: demoted.accountId, platformRoles: [ORG_ADMIN] }), aUser({ accountId: promoted.accountId, platformRoles: [] })],
      1,
    );
    demoted.platformRoles = [];
    promoted.platformRoles = [ORG_ADMIN];
    expect(await rig.invoke(demoted.accountId, 'dashboard.get', {})).toMatchObject({ ok: false, error: { code: 'ROLE_NOT_ALLOWED' } });
    expect(await rig.invoke(promoted.accountId, 'dashboard.get', {})).toMatchObject({ ok: true });
  }, 60_000);
});
