import { planBulk } from '../../../../src/domain/usecases/bulk/planBulk';
import { MAX_FILTER_SELECTION } from '../../../../src/domain/usecases/bulk/selection';
import { aUser, JIRA_SITE } from '../fixtures';
import { bulkDeps } from './bulkSupport';

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
      { accountId: 'u-managed', name: 'Managed', email: expect.any(String) as unknown, decision: 'will-change', method: 'lifecycle-disable', reason: null, messageKey: 'bulk.methods.lifecycle-disable' },
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
