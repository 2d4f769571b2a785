import { findAll } from '../support/fakeBridge';
import { calls, check, click, elementProps, ok, pick, rawKeys, renderApp, tableRows, text, waitFor } from './helpers';
import { bulkJob, dashboard, page, user } from './fixtures';

type ListPayload = { filter: Record<string, unknown>; sort: { key: string; direction: string }; after: string | null };

const handlers = (overrides: Record<string, (payload: never) => unknown> = {}) => ({
  'dashboard.get': () => ok(dashboard()),
  'groups.search': () => ok(page([])),
  'bulk.status': () => ok(null),
  'users.count': () => ok({ count: 2 }),
  'users.list': () => ok(page([user(1), user(2, { inactivity: 'never-active', lastActiveAt: null, inactiveDays: 45 })])),
  ...overrides,
});

const lastList = (): ListPayload => calls('users.list').at(-1) as ListPayload;

describe('Inactive users (I1, I2)', () => {
  it('lists warning, overdue and never-active users, least recently active first', async () => {
    await renderApp(handlers(), 'Inactive users');
    await waitFor(() => text().includes('User 2'));
    expect(lastList()).toMatchObject({ filter: { inactivity: ['warning', 'overdue', 'never-active'] }, sort: { key: 'lastActiveAt', direction: 'asc' } });
    expect(tableRows()[1]?.[5]).toBe('No activity');
    expect(tableRows()[1]?.[6]).toBe('Never active 45 days');
    expect(text()).toContain('2 users match');
    const stateSelect = findAll('Select').find((node) => String(node.props.inputId).endsWith('-inactive-inactivity'));
    expect((stateSelect?.props.options as { value: string }[]).map((o) => o.value)).not.toContain('new');
    expect(rawKeys()).toEqual([]);
    expect(elementProps()).toEqual([]);
  });

  it('narrows to one state for one product', async () => {
    await renderApp(handlers(), 'Inactive users');
    await waitFor(() => text().includes('User 2'));
    pick('inactive-inactivity', 'overdue');
    pick('inactive-product', 'jira-software');
    await waitFor(() => lastList().filter.productKey === 'jira-software');
    expect(lastList().filter).toEqual({ productKey: 'jira-software', inactivity: ['overdue'] });
    expect(calls('users.count').at(-1)).toEqual({ filter: { productKey: 'jira-software', inactivity: ['overdue'] } });
  });

  it('acts on every user matching the filter and reports success', async () => {
    let status = bulkJob({ total: 2, processed: 0, succeeded: 0, percent: 0 });
    await renderApp(
      handlers({
        'bulk.plan': () =>
          ok({
            action: { type: 'deactivate' },
            summary: { total: 2, willChange: 2, skipped: 0, byMethod: { 'lifecycle-disable': 1, 'directory-suspend': 1 }, skippedByReason: {} },
            items: [],
            moreItems: false,
          }),
        'bulk.start': () => ok(status),
        'bulk.status': (p: { jobId?: string }) => ok(p.jobId === undefined ? null : status),
        'jobs.results': () => ok(page([{ accountId: 'acc-1', name: 'User 1', email: null, outcome: 'succeeded', reason: null, messageKey: 'bulk.outcomes.succeeded' }])),
      }),
      'Inactive users',
    );
    await waitFor(() => text().includes('User 2'));
    check('Select all 2 users matching the filter');
    click('Review plan');
    await waitFor(() => findAll('Modal').length > 0);
    expect(text()).toContain('1 — suspend in the directory (account not managed by your organization)');
    expect(calls('bulk.plan')[0]).toMatchObject({ selection: { kind: 'filter', filter: { inactivity: ['warning', 'overdue', 'never-active'] } } });
    click('Deactivate 2 users');
    await waitFor(() => findAll('ProgressBar').length > 0);
    expect(findAll('Modal')).toHaveLength(0);
    status = bulkJob({ status: 'succeeded', total: 2, processed: 2, succeeded: 2, percent: 100 });
    await waitFor(() => findAll('SectionMessage').some((m) => m.props.title === 'Deactivate: finished'));
    await waitFor(() => text().includes('User 1 Succeeded'));
    expect(calls('users.list').length).toBeGreaterThan(1);
  });

  it('exports the current filter through the CSV frame (X1)', async () => {
    await renderApp(handlers(), 'Inactive users');
    await waitFor(() => text().includes('User 2'));
    expect(findAll('Frame')).toHaveLength(0);
    click('Export CSV');
    await waitFor(() => findAll('Frame').length > 0);
    expect(findAll('Frame')[0]!.props.resource).toBe('csv-export');
    click('Close export');
    await waitFor(() => findAll('Frame').length === 0);
  });

  it('says so when nobody is inactive', async () => {
    await renderApp(handlers({ 'users.list': () => ok(page([])), 'users.count': () => ok({ count: 0 }) }), 'Inactive users');
    await waitFor(() => findAll('EmptyState').length > 0);
    expect(findAll('EmptyState')[0]!.props.header).toBe('No inactive users');
  });
});
