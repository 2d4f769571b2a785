import { handoffList } from '../../../../src/domain/usecases/bulk/handoffList';
import { planBulk } from '../../../../src/domain/usecases/bulk/planBulk';
import { MAX_FILTER_SELECTION } from '../../../../src/domain/usecases/bulk/selection';
import { aUser, JIRA_SITE } from '../fixtures';
import { bulkDeps, idpGroup, jiraAccess, people, viaGroup } from './bulkSupport';

const accounts = (...accountIds: string[]) => ({ kind: 'accounts' as const, accountIds });

describe('bulk plan (B2)', () => {
  it('says who changes and how, who is skipped and why; protected users first', async () => {
    const plan = await planBulk(
      { action: { type: 'deactivate' }, selection: accounts('u-managed', 'u-external', 'u-vip', 'u-off', 'u-suspended', 'nobody'), itemsLimit: 3 },
      bulkDeps(),
    );
    expect(plan.summary).toEqual({
      total: 5,
      willChange: 2,
      skipped: 3,
      byMethod: { 'lifecycle-disable': 1, 'directory-suspend': 1 },
      skippedByReason: { protected: 1, 'already-deactivated': 2 },
    });
    expect(plan.moreItems).toBe(true);
    expect(plan.items).toEqual([
      { accountId: 'u-managed', name: 'Managed', email: expect.any(String) as unknown, decision: 'will-change', method: 'lifecycle-disable', reason: null, messageKey: 'bulk.methods.lifecycle-disable', groups: [], groupDirectories: [] },
      expect.objectContaining({ accountId: 'u-external', method: 'directory-suspend' }),
      expect.objectContaining({ accountId: 'u-vip', decision: 'skip', reason: 'protected', messageKey: 'bulk.reasons.protected' }),
    ]);
  });

  it('revokes product access directly, through the granting group, and refuses IdP-synced groups', async () => {
    const plan = await planBulk(
      { action: { type: 'revoke-product', productKey: 'jira-software', resourceId: JIRA_SITE }, selection: accounts('u-direct', 'u-group', 'u-idp', 'u-managed'), itemsLimit: 10 },
      bulkDeps(),
    );
    expect(plan.items.map((i) => [i.accountId, i.method ?? i.reason])).toEqual([
      ['u-direct', 'role-revoke'],
      ['u-group', 'group-remove'],
      ['u-idp', 'idp-synced-group'],
      ['u-managed', 'no-product-access'],
    ]);
  });

  it('names the groups a revoke removes the user from, and the IdP-synced group that blocks it', async () => {
    const plan = await planBulk(
      { action: { type: 'revoke-product', productKey: 'jira-software', resourceId: JIRA_SITE }, selection: accounts('u-direct', 'u-group', 'u-idp'), itemsLimit: 10 },
      bulkDeps(),
    );
    expect(plan.items.map((i) => [i.accountId, i.method ?? i.reason, i.groups])).toEqual([
      ['u-direct', 'role-revoke', []],
      ['u-group', 'group-remove', [viaGroup.name]],
      ['u-idp', 'idp-synced-group', [idpGroup.name]],
    ]);
    expect(plan.items.map((i) => i.groupDirectories)).toEqual([[], [], []]);
  });

  it('names the directory an IdP-synced group is synced into, once, when a groups sync stored it', async () => {
    const deps = bulkDeps();
    await deps.groups.upsertMany([{ ...idpGroup, directory: { id: 'dir-idp', name: 'Okta sync' } }, { ...viaGroup, directory: { id: 'dir-x', name: '' } }], 0);
    const plan = await planBulk(
      { action: { type: 'revoke-product', productKey: 'jira-software', resourceId: JIRA_SITE }, selection: accounts('u-group', 'u-idp'), itemsLimit: 10 },
      deps,
    );
    expect(plan.items.map((i) => [i.accountId, i.groups, i.groupDirectories])).toEqual([
      ['u-group', [viaGroup.name], []],
      ['u-idp', [idpGroup.name], ['Okta sync']],
    ]);
  });

  it('skips accounts provisioned by an identity provider with their own reason', async () => {
    const deps = bulkDeps([...people(), aUser({ accountId: 'u-scim', name: 'Scim', managementSource: 'synced' })]);
    const plan = await planBulk({ action: { type: 'deactivate' }, selection: accounts('u-scim', 'u-managed'), itemsLimit: 10 }, deps);
    expect(plan.summary).toMatchObject({ willChange: 1, skipped: 1, skippedByReason: { 'idp-managed': 1 } });
    expect(plan.items[0]).toMatchObject({ accountId: 'u-scim', decision: 'skip', reason: 'idp-managed', messageKey: 'bulk.reasons.idp-managed' });
  });

  it('lists the users the identity provider owns, one line per synced group, for the IdP team', async () => {
    const both = aUser({
      accountId: 'u-both', name: 'Both', productAccess: [jiraAccess], groups: [{ id: 'okta', name: 'okta' }, { id: 'okta-2', name: 'okta-2' }],
      directory: { id: 'dir-okta', name: 'Okta' },
    });
    const scim = aUser({ accountId: 'u-scim', name: 'Scim', email: 'scim@acme.test', managementSource: 'synced', directory: { id: 'dir-main', name: '' } });
    const deps = bulkDeps([...people(), both, scim]);
    // The second group's directory is known (a groups sync stored it), the first's is not.
    await deps.groups.upsertMany([{ ...idpGroup, id: 'okta-2', name: 'okta-2', directory: { id: 'dir-idp', name: 'Okta sync' } }], 0);
    const revoke = { type: 'revoke-product' as const, productKey: 'jira-software', resourceId: JIRA_SITE };
    const selection = accounts('u-idp', 'u-group', 'u-both', 'u-direct');
    const first = await handoffList({ action: revoke, selection, limit: 2, after: null }, deps);
    expect(first.items).toEqual([
      {
        accountId: 'u-both', name: 'Both', email: expect.any(String) as unknown, reason: 'idp-synced-group', group: 'okta', groupDirectory: null, groupDirectoryId: null,
        directory: 'Okta', directoryId: 'dir-okta',
      },
      {
        accountId: 'u-both', name: 'Both', email: expect.any(String) as unknown, reason: 'idp-synced-group', group: 'okta-2', groupDirectory: 'Okta sync', groupDirectoryId: 'dir-idp',
        directory: 'Okta', directoryId: 'dir-okta',
      },
    ]);
    const rest = await handoffList({ action: revoke, selection, limit: 2, after: first.next }, deps);
    expect(rest).toEqual({ items: [expect.objectContaining({ accountId: 'u-idp', group: 'okta', directory: null, directoryId: null })], next: null });
    const accounts2 = await handoffList({ action: { type: 'deactivate' }, selection: accounts('u-scim', 'u-managed'), limit: 10, after: null }, deps);
    expect(accounts2.items).toEqual([
      { accountId: 'u-scim', name: 'Scim', email: 'scim@acme.test', reason: 'idp-managed', group: null, groupDirectory: null, groupDirectoryId: null, directory: null, directoryId: 'dir-main' },
    ]);
  });

  it('plans every user matching a filter, and refuses a match too large for one job', async () => {
    const deps = bulkDeps();
    const plan = await planBulk({ action: { type: 'reactivate' }, selection: { kind: 'filter', filter: { accountStatus: ['inactive'] } }, itemsLimit: 10 }, deps);
    expect(plan.summary).toMatchObject({ total: 1, willChange: 1, byMethod: { 'lifecycle-enable': 1 } });
    const many = bulkDeps(Array.from({ length: MAX_FILTER_SELECTION + 1 }, (_, i) => aUser({ accountId: `m${String(i)}`, name: `m${String(i).padStart(6, '0')}` })));
    await expect(planBulk({ action: { type: 'deactivate' }, selection: { kind: 'filter', filter: {} }, itemsLimit: 10 }, many)).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: { issues: [expect.objectContaining({ messageKey: 'validation.bulk.selection-too-large' })] },
    });
  });
});
