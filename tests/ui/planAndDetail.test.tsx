import { findAll } from '../support/fakeBridge';
import { calls, check, click, elementProps, ok, pick, rawKeys, renderApp, text, waitFor } from './helpers';
import { dashboard, page, user } from './fixtures';

const revokeJira = { type: 'revoke-product', productKey: 'jira-software', resourceId: 'res-jira' };
const item = (n: number, fields: Record<string, unknown>) => ({ accountId: `acc-${n}`, name: `User ${n}`, email: null, ...fields });

const handlers = (overrides: Record<string, (payload: never) => unknown> = {}) => ({
  'dashboard.get': () => ok(dashboard()),
  'groups.search': () => ok(page([])),
  'bulk.status': () => ok(null),
  'users.count': () => ok({ count: 3 }),
  'users.list': () => ok(page([user(1), user(2), user(3)])),
  ...overrides,
});

const openUsers = async (overrides: Record<string, (payload: never) => unknown> = {}): Promise<void> => {
  await renderApp(handlers(overrides), 'Users');
  await waitFor(() => text().includes('User 3'));
};

describe('the revoke plan names what it removes (B2)', () => {
  const plan = {
    action: revokeJira,
    summary: { total: 3, willChange: 2, skipped: 1, byMethod: { 'group-remove': 1, 'role-revoke': 1 }, skippedByReason: { 'idp-synced-group': 1 } },
    items: [
      item(1, { decision: 'will-change', method: 'group-remove', reason: null, messageKey: 'bulk.methods.group-remove', groups: ['jira-users-acme'], groupDirectories: [] }),
      item(2, { decision: 'will-change', method: 'role-revoke', reason: null, messageKey: 'bulk.methods.role-revoke', groups: [], groupDirectories: [] }),
      item(3, { decision: 'skip', method: null, reason: 'idp-synced-group', messageKey: 'bulk.reasons.idp-synced-group', groups: ['okta-jira'], groupDirectories: ['Okta sync'] }),
    ],
    moreItems: false,
  };

  it('shows per user the group or role removed, the synced group that blocks it, and offers the IdP hand-off list', async () => {
    await openUsers({ 'bulk.plan': () => ok(plan) });
    for (const n of [1, 2, 3]) check(`Select User ${String(n)}`);
    pick('users-bulk-action', 'revoke-product');
    await waitFor(() => findAll('Select').some((node) => typeof node.props.inputId === 'string' && node.props.inputId.endsWith('-users-bulk-product')));
    pick('users-bulk-product', 'jira-software|res-jira');
    click('Review plan');
    await waitFor(() => findAll('Modal').length > 0);
    expect(text()).toContain('Remove from group jira-users-acme');
    expect(text()).toContain('Revoke the product role');
    expect(text()).toContain('Access comes from okta-jira, a group your identity provider syncs into the directory Okta sync');
    expect(text()).toContain('Hand-off to your identity provider team');
    expect(text()).toContain('1 user is skipped because your identity provider manages the account or the group');
    expect(rawKeys()).toEqual([]);
    expect(elementProps()).toEqual([]);
    click('Export CSV');
    await waitFor(() => findAll('Frame').length > 0);
    expect(calls('bulk.plan')[0]).toMatchObject({ action: revokeJira, selection: { kind: 'accounts', accountIds: ['acc-1', 'acc-2', 'acc-3'] } });
  });

  it('offers no hand-off list when the identity provider owns nothing in the plan', async () => {
    const noIdp = { ...plan, summary: { ...plan.summary, skipped: 0, skippedByReason: {} }, items: plan.items.slice(0, 2) };
    await openUsers({ 'bulk.plan': () => ok({ ...noIdp, action: { type: 'deactivate' } }) });
    check('Select User 1');
    click('Review plan');
    await waitFor(() => findAll('Modal').length > 0);
    expect(text()).not.toContain('Hand-off');
  });
});

describe('why each product is billable (U5)', () => {
  it('names per product the granting groups, marking IdP-synced ones, or a direct role', async () => {
    const confluence = { productKey: 'confluence', resourceId: 'res-conf', productName: 'Confluence', lastActiveAt: null, inactivity: 'never-active' as const };
    const detailUser = user(2, { products: [...user(2).products, confluence] });
    await openUsers({
      'users.detail': () =>
        ok({
          user: detailUser,
          platformRoles: [],
          protectedBy: [],
          accessPaths: [
            {
              productKey: 'jira-software', resourceId: 'res-jira', productName: 'Jira',
              groups: [
                { id: 'g-1', name: 'jira-users', idpSynced: false, directory: null },
                { id: 'g-2', name: 'okta-jira', idpSynced: true, directory: 'Okta sync' },
                { id: 'g-3', name: 'azure-jira', idpSynced: true, directory: null },
              ],
            },
            { productKey: 'confluence', resourceId: 'res-conf', productName: 'Confluence', groups: [] },
          ],
          audit: page([]),
        }),
    });
    const details = findAll('Button').filter((b) => b.children.some((c) => c.props.text === 'Details'));
    (details[1]!.props.onClick as () => void)();
    await waitFor(() => text().includes('Why each product is billable'));
    expect(text()).toContain(
      'Jira: through groups jira-users, okta-jira (synced from your identity provider into the directory Okta sync), azure-jira (synced from your identity provider)',
    );
    expect(text()).toContain('Confluence: a product role given to the user directly');
    expect(rawKeys()).toEqual([]);
  });
});
