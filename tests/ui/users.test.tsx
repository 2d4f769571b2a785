import { findAll } from '../support/fakeBridge';
import { calls, check, click, elementProps, fail, ok, openTab, pick, pressEnter, rawKeys, renderApp, tableRows, text, textOf, type, waitFor } from './helpers';
import { auditEntry, bulkJob, dashboard, multiSiteDashboard, page, user } from './fixtures';

type ListPayload = { filter: Record<string, unknown>; sort: { key: string; direction: string }; after: string | null; limit: number };

const usersHandlers = (overrides: Record<string, (payload: never) => unknown> = {}) => ({
  'dashboard.get': () => ok(dashboard()),
  'groups.search': () => ok(page([{ id: 'g-1', name: 'jira-users', userCount: 10, idpSynced: false, modifiable: true }])),
  'bulk.status': () => ok(null),
  'users.count': () => ok({ count: 1234 }),
  'users.list': (p: ListPayload) => ok(p.after === null ? page([user(1), user(2), user(3, { protected: true })], 'cursor-2') : page([user(51)], null)),
  ...overrides,
});

const openUsers = async (overrides: Record<string, (payload: never) => unknown> = {}): Promise<void> => {
  await renderApp(usersHandlers(overrides), 'Users');
  await waitFor(() => text().includes('User 1') && text().includes('1,234 users match'));
};

const lastList = (): ListPayload => calls('users.list').at(-1) as ListPayload;

describe('Users — organization users', () => {
  it('lists users with the U1 columns; the name links to the user in admin.atlassian.com', async () => {
    await openUsers();
    const [first] = tableRows();
    expect(first?.slice(1)).toEqual(['User 1 user1@example.com', 'Active Managed', '1 product', '1 group', 'Jun 1, 2025', 'Overdue 200 days', 'Yes', 'Details']);
    const link = findAll('Link').find((l) => l.props.href === 'https://admin.atlassian.com/o/org-1/users/acc-1');
    expect(link).toBeDefined();
    expect(text()).toContain('Rows 1–3 of 1,234');
  });

  it('pages with keyset cursors: Next sends the cursor, Previous goes back', async () => {
    await openUsers();
    click('Next');
    await waitFor(() => text().includes('User 51'));
    expect(lastList().after).toBe('cursor-2');
    expect(text()).toContain('Page 2');
    click('Previous');
    await waitFor(() => text().includes('User 2'));
    expect(lastList().after).toBeNull();
  });

  it('filters on the server and starts again at page 1 with a fresh count', async () => {
    await openUsers();
    click('Next');
    await waitFor(() => text().includes('User 51'));
    pick('users-status', 'inactive');
    await waitFor(() => lastList().filter.accountStatus !== undefined);
    expect(lastList()).toMatchObject({ filter: { accountStatus: ['inactive'] }, after: null });
    expect(calls('users.count').at(-1)).toEqual({ filter: { accountStatus: ['inactive'] } });
    type('users-search', 'ada');
    click('Apply');
    await waitFor(() => lastList().filter.search === 'ada');
    pick('users-billable', 'no');
    pick('users-managed', 'external');
    await waitFor(() => lastList().filter.managed === false);
    expect(lastList().filter).toEqual({ search: 'ada', accountStatus: ['inactive'], managed: false, billable: false });
  });

  it('applies the search on Enter in the search field, as on Apply (U6)', async () => {
    await openUsers();
    type('users-search', 'reichert');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(lastList().filter.search).toBeUndefined();
    pressEnter('users-search');
    await waitFor(() => lastList().filter.search === 'reichert');
    expect(lastList()).toMatchObject({ filter: { search: 'reichert' }, after: null });
  });

  it('sorts on the server with our own controls', async () => {
    await openUsers();
    pick('users-sort-key', 'lastActiveAt');
    pick('users-sort-direction', 'desc');
    await waitFor(() => lastList().sort.direction === 'desc');
    expect(lastList().sort).toEqual({ key: 'lastActiveAt', direction: 'desc' });
  });

  it('shows the empty and error states', async () => {
    await renderApp(usersHandlers({ 'users.list': () => ok(page([])) }), 'Users');
    await waitFor(() => findAll('EmptyState').length > 0);
    expect(findAll('EmptyState')[0]!.props.header).toBe('No users match');
    await renderApp(usersHandlers({ 'users.list': () => fail('API_KEY_REJECTED') }), 'Users');
    await waitFor(() => text().includes('Atlassian rejected the organization API key'));
    expect(text()).toContain('Check the organization API key in Settings.');
  });

  it('opens a user detail panel with the user audit history (U5)', async () => {
    await openUsers({
      'users.detail': () =>
        ok({ user: user(2), platformRoles: ['product-admin'], protectedBy: [], accessPaths: [], audit: page([auditEntry(1, { targetAccountId: 'acc-2' })]) }),
    });
    const detailButtons = findAll('Button').filter((b) => b.children.some((c) => c.props.text === 'Details'));
    (detailButtons[1]!.props.onClick as () => void)();
    await waitFor(() => text().includes('Audit history') && text().includes('Deactivate user'));
    expect(calls('users.detail')[0]).toMatchObject({ accountId: 'acc-2' });
    expect(text()).toContain('Platform roles: product-admin');
    expect(text()).toContain('Ada Admin');
  });
});

describe('Users — new users (I1) and state colours (D3)', () => {
  const newcomer = user(4, {
    inactivity: 'new',
    lastActiveAt: null,
    inactiveDays: 1,
    products: [{ productKey: 'jira-software', resourceId: 'res-jira', productName: 'Jira', lastActiveAt: null, inactivity: 'new' }],
  });
  const never = user(5, { inactivity: 'never-active', lastActiveAt: null, inactiveDays: 400, products: [] });

  it('shows a user added recently without activity as New, in the information colour, and never-active as danger', async () => {
    await renderApp(usersHandlers({ 'users.list': () => ok(page([newcomer, never, user(6, { inactivity: 'warning' })])) }), 'Users');
    await waitFor(() => text().includes('User 6'));
    const lozenges = findAll('Lozenge').map((l) => [textOf(l), l.props.appearance]);
    expect(lozenges).toContainEqual(['New', 'inprogress']);
    expect(lozenges).toContainEqual(['Never active', 'removed']);
    expect(lozenges).toContainEqual(['Warning', 'moved']);
    expect(lozenges).not.toContainEqual(['Never active', 'new']);
  });

  it('filters on the New state', async () => {
    await openUsers();
    pick('users-inactivity', 'new');
    await waitFor(() => JSON.stringify(lastList().filter.inactivity) === '["new"]');
    expect(calls('users.count').at(-1)).toEqual({ filter: { inactivity: ['new'] } });
  });
});

describe('Users — product names', () => {
  /** The option labels of the Select whose input id ends with `id`. */
  const options = (id: string): string[] => {
    const select = findAll('Select').find((node) => typeof node.props.inputId === 'string' && node.props.inputId.endsWith(`-${id}`));
    if (!select) throw new Error(`No Select #${id}: ${findAll('Select').map((node) => String(node.props.inputId)).join(', ')}`);
    return (select.props.options as { label: string }[]).map((o) => o.label);
  };
  const onTwoSites = user(1, {
    products: [
      { productKey: 'jira-software', resourceId: 'res-jira', productName: 'Jira (acme)', lastActiveAt: '2025-06-01T12:00:00.000Z', inactivity: 'overdue' },
      { productKey: 'jira-software', resourceId: 'res-jira-eu', productName: 'Jira (acme-eu)', lastActiveAt: null, inactivity: 'never-active' },
    ],
  });

  it('with one site, names the product filter and the product picker without the site', async () => {
    const oneSite = dashboard({ products: [{ ...dashboard().products[0]!, name: 'Jira (acme)' }] });
    await openUsers({
      'dashboard.get': () => ok(oneSite),
      'users.list': () => ok(page([user(1, { products: [{ ...user(1).products[0]!, productName: 'Jira (acme)' }] })])),
    });
    await waitFor(() => tableRows()[0]?.[3] === '1 product');
    pick('users-bulk-action', 'revoke-product');
    expect(options('users-product')).toEqual(['All products', 'Jira']);
    await waitFor(() => findAll('Select').some((node) => typeof node.props.inputId === 'string' && node.props.inputId.endsWith('-users-bulk-product')));
    expect(options('users-bulk-product')).toEqual(['Choose a product', 'Jira']);
  });

  it('with several sites, names the site where a product name alone is ambiguous: detail, filter, picker, plan', async () => {
    await openUsers({
      'dashboard.get': () => ok(multiSiteDashboard()),
      'users.list': () => ok(page([onTwoSites])),
      'users.detail': () => ok({ user: onTwoSites, platformRoles: [], protectedBy: [], accessPaths: [], audit: page([]) }),
      'bulk.plan': () =>
        ok({
          action: { type: 'revoke-product', productKey: 'jira-software', resourceId: 'res-jira-eu' },
          summary: { total: 1, willChange: 1, skipped: 0, byMethod: { 'role-revoke': 1 }, skippedByReason: {} },
          items: [],
          moreItems: false,
        }),
    });
    await waitFor(() => tableRows()[0]?.[3] === '2 products');
    expect(options('users-product')).toEqual(['All products', 'Jira', 'Confluence', 'Bitbucket']);
    pick('users-bulk-action', 'revoke-product');
    await waitFor(() => findAll('Select').some((node) => typeof node.props.inputId === 'string' && node.props.inputId.endsWith('-users-bulk-product')));
    expect(options('users-bulk-product')).toEqual([
      'Choose a product',
      'Jira (acme.atlassian.net)',
      'Confluence (acme.atlassian.net)',
      'Jira (acme-eu.atlassian.net)',
      'Bitbucket (bitbucket.org/acme)',
    ]);
    check('Select User 1');
    pick('users-bulk-product', 'jira-software|res-jira-eu');
    click('Review plan');
    await waitFor(() => findAll('Modal').length > 0);
    expect(text()).toContain('Revoke access to Jira (acme-eu.atlassian.net): 1 user selected');
    click('Cancel');
    await waitFor(() => findAll('Modal').length === 0);
    click('Details');
    await waitFor(() => text().includes('Audit history'));
    expect(text()).toContain('Jira (acme.atlassian.net): Jun 1, 2025 (Overdue) Jira (acme-eu.atlassian.net): No activity (Never active)');
  });
});

describe('Users — bulk deactivate (B1–B3)', () => {
  it('plans, confirms in a modal that names the action and count, follows progress and shows per-user results', async () => {
    let status = bulkJob();
    await openUsers({
      'bulk.plan': () =>
        ok({
          action: { type: 'deactivate' },
          summary: { total: 2, willChange: 1, skipped: 1, byMethod: { 'lifecycle-disable': 1 }, skippedByReason: { protected: 1 } },
          items: [
            { accountId: 'acc-1', name: 'User 1', email: null, decision: 'will-change', method: 'lifecycle-disable', reason: null, messageKey: 'bulk.methods.lifecycle-disable', groups: [], groupDirectories: [] },
            { accountId: 'acc-3', name: 'User 3', email: null, decision: 'skip', method: null, reason: 'protected', messageKey: 'bulk.reasons.protected', groups: [], groupDirectories: [] },
          ],
          moreItems: false,
        }),
      'bulk.start': () => ok(bulkJob({ status: 'queued', processed: 0, succeeded: 0, percent: 0 })),
      'bulk.status': (p: { jobId?: string }) => ok(p.jobId === undefined ? null : status),
      'jobs.results': () =>
        ok(page([
          { accountId: 'acc-1', name: 'User 1', email: null, outcome: 'failed', reason: 'UPSTREAM_FAILED', messageKey: 'errors.UPSTREAM_FAILED' },
          { accountId: 'acc-3', name: 'User 3', email: null, outcome: 'skipped', reason: 'protected', messageKey: 'bulk.reasons.protected' },
        ])),
    });
    check('Select User 1');
    check('Select User 3');
    await waitFor(() => text().includes('2 users selected'));
    click('Review plan');
    await waitFor(() => findAll('Modal').length > 0);
    expect(calls('bulk.plan')[0]).toEqual({ action: { type: 'deactivate' }, selection: { kind: 'accounts', accountIds: ['acc-1', 'acc-3'] }, itemsLimit: 100 });
    expect(text()).toContain('Deactivate: 2 users selected');
    expect(text()).toContain('1 user will change');
    expect(text()).toContain('1 — Protected by the email whitelist');
    expect(rawKeys()).toEqual([]);
    expect(elementProps()).toEqual([]);
    click('Deactivate 1 user');
    await waitFor(() => findAll('ProgressBar').length > 0);
    expect(calls('bulk.start')[0]).toEqual({ action: { type: 'deactivate' }, selection: { kind: 'accounts', accountIds: ['acc-1', 'acc-3'] } });
    expect(text()).toContain('Deactivate: in progress');
    status = bulkJob({ status: 'succeeded', processed: 2, total: 2, succeeded: 0, failed: 1, skipped: 1, percent: 100 });
    await waitFor(() => findAll('SectionMessage').some((m) => m.props.title === 'Deactivate: finished, but some users could not be changed'));
    await waitFor(() => text().includes('Atlassian did not answer as expected'));
    expect(text()).toContain('0 succeeded, 1 failed, 1 skipped of 2.');
    expect(findAll('SectionMessage').find((m) => typeof m.props.title === 'string' && m.props.title.includes('finished'))!.props.appearance).toBe('error');
  });

  it('selects all users matching the filter and sends the filter, not ids', async () => {
    await openUsers({ 'bulk.plan': () => fail('LOCK_HELD') });
    check('Select all 1,234 users matching the filter');
    await waitFor(() => text().includes('All 1,234 matching users selected'));
    pick('users-bulk-action', 'revoke-product');
    pick('users-bulk-product', 'jira-software|res-jira');
    click('Review plan');
    await waitFor(() => text().includes('This is already running.'));
    expect(calls('bulk.plan')[0]).toMatchObject({
      action: { type: 'revoke-product', productKey: 'jira-software', resourceId: 'res-jira' },
      selection: { kind: 'filter', filter: {} },
    });
  });
});

describe('Users — project users and JSM customers', () => {
  it('lists project role members (U2) and customers with organizations (U3)', async () => {
    await openUsers({
      'projectUsers.list': () =>
        ok(page([{ projectKey: 'OPS', roleName: 'Developers', accountId: 'acc-9', viaGroupId: 'g-1', viaGroupName: 'devs', person: { name: 'Nia', email: null, accountStatus: 'active' } }])),
      'customers.list': () =>
        ok(page([{ serviceDeskId: '7', serviceDeskName: 'Client support', accountId: 'cust-1', displayName: null, email: null, person: { name: 'Cleo', email: 'cleo@client.com', accountStatus: 'active' }, organizations: [{ id: 'o1', name: 'Client Ltd' }] }])),
    });
    openTab('Project users');
    await waitFor(() => text().includes('Nia'));
    expect(tableRows()[0]).toEqual(['OPS', 'Developers Via group devs', 'Nia', 'Active']);
    const headings = (): string[] => findAll('DynamicTable')[0]?.children.find((c) => c.props.name === 'head')?.children.flatMap((row) => row.children.map((cell) => textOf(cell))) ?? [];
    expect(headings()).toEqual(['Project', 'Role', 'User', 'Account status']);
    openTab('JSM customers');
    await waitFor(() => text().includes('Cleo'));
    expect(tableRows()[0]).toEqual(['Client support', 'Cleo cleo@client.com', 'Active', 'Client Ltd']);
    expect(headings()).toEqual(['Service desk', 'Customer', 'Account status', 'Organizations']);
  });

  it('sends each screen\'s own filters: project, service desk and organization picked by name at once, role on Apply or Enter (U2, U3)', async () => {
    await openUsers({
      'projectUsers.list': () => ok(page([])),
      'customers.list': () => ok(page([])),
      'projectUsers.projects': () => ok({ items: [{ id: 'OPS', name: 'Operations' }, { id: 'WEB', name: 'Website' }] }),
      'customers.serviceDesks': () => ok({ items: [{ id: '7', name: 'IT help desk' }] }),
      'customers.organizations': () => ok({ items: [{ id: 'o-1', name: 'Client Ltd' }] }),
    });
    openTab('Project users');
    await waitFor(() => findAll('EmptyState').some((e) => e.props.header === 'No project users'));
    const options = (id: string): unknown => findAll('Select').find((s) => String(s.props.inputId).endsWith(id))?.props.options;
    await waitFor(() => Array.isArray(options('project-users-project')) && (options('project-users-project') as unknown[]).length === 3);
    expect(options('project-users-project')).toEqual([{ value: '', label: 'Any' }, { value: 'OPS', label: 'Operations (OPS)' }, { value: 'WEB', label: 'Website (WEB)' }]);
    pick('project-users-project', 'OPS');
    await waitFor(() => calls('projectUsers.list').length === 2);
    expect(calls('projectUsers.list').at(-1)).toEqual({ projectKey: 'OPS', limit: 25, after: null });
    type('project-users-role', 'Developers');
    pressEnter('project-users-role');
    await waitFor(() => calls('projectUsers.list').length === 3);
    expect(calls('projectUsers.list').at(-1)).toEqual({ projectKey: 'OPS', roleName: 'Developers', limit: 25, after: null });
    openTab('JSM customers');
    await waitFor(() => findAll('EmptyState').some((e) => e.props.header === 'No customers'));
    await waitFor(() => Array.isArray(options('customers-desk')) && (options('customers-desk') as unknown[]).length === 2);
    expect(options('customers-desk')).toEqual([
      { value: '', label: 'Any' }, { value: '7', label: 'IT help desk' },
    ]);
    expect(options('customers-org')).toEqual([{ value: '', label: 'Any' }, { value: 'o-1', label: 'Client Ltd' }]);
    expect(text()).not.toContain('Apply'); // pickers only: nothing to apply
    pick('customers-desk', '7');
    await waitFor(() => calls('customers.list').length === 2);
    pick('customers-org', 'o-1');
    await waitFor(() => calls('customers.list').length === 3);
    expect(calls('customers.list').at(-1)).toEqual({ serviceDeskId: '7', organizationId: 'o-1', limit: 25, after: null });
  });

  it('shows 25 rows a page by default and 50 or 100 when picked, in both lists (U6)', async () => {
    await openUsers({ 'projectUsers.list': () => ok(page([])), 'customers.list': () => ok(page([])) });
    const lists = [
      { tab: 'Project users', key: 'projectUsers.list', picker: 'project-users-page-size', size: 50 },
      { tab: 'JSM customers', key: 'customers.list', picker: 'customers-page-size', size: 100 },
    ];
    for (const list of lists) {
      openTab(list.tab);
      await waitFor(() => calls(list.key).length === 1);
      expect(calls(list.key)[0]).toEqual({ limit: 25, after: null });
      pick(list.picker, String(list.size));
      await waitFor(() => calls(list.key).length === 2);
      expect(calls(list.key)[1]).toEqual({ limit: list.size, after: null });
    }
  });
});
