import { findAll } from '../support/fakeBridge';
import { calls, click, elementProps, fail, ok, pick, rawKeys, renderApp, selectValue, tableRows, text, textOf, waitFor } from './helpers';
import { bulkJob, dashboard, page } from './fixtures';

type Handler = (payload: never) => unknown;
type ResultsPayload = { jobId: string; outcome?: string; after: string | null };

const bulkItem = (overrides: Record<string, unknown> = {}) => ({ ...bulkJob(), kind: 'bulk-action', createdByName: 'Ada Admin', ...overrides });
const syncItem = (overrides: Record<string, unknown> = {}) => ({
  kind: 'sync', runId: 'run-1', trigger: 'schedule', dataTypes: ['users', 'groups'], groupIds: [], status: 'succeeded', phase: 'done',
  startedAt: '2026-01-31T03:00:00.000Z', finishedAt: '2026-01-31T03:10:00.000Z', durationMs: 600_000, processed: 2400, estimatedTotal: 2400,
  percent: 100, apiCalls: 30, errors: 0, failureReason: null, counts: {}, steps: [], createdByName: null, ...overrides,
});
const rows = [
  { accountId: 'acc-1', name: 'User 1', email: null, outcome: 'failed', reason: 'UPSTREAM_FAILED', messageKey: 'errors.UPSTREAM_FAILED' },
  { accountId: 'acc-2', name: 'User 2', email: null, outcome: 'succeeded', reason: null, messageKey: 'bulk.outcomes.succeeded' },
  { accountId: 'acc-3', name: null, email: 'three@acme.test', outcome: 'skipped', reason: 'protected', messageKey: 'bulk.reasons.protected' },
];

/** Presses the Open button of the row at `index` of the jobs table. */
const openRow = (index: number): void => {
  const buttons = findAll('Button').filter((b) => textOf(b) === 'Open');
  (buttons[index]?.props.onClick as () => void)();
};

const openJobs = (handlers: Record<string, Handler>): Promise<void> =>
  renderApp({ 'dashboard.get': () => ok(dashboard()), ...handlers }, 'Jobs');

describe('Jobs view (B3)', () => {
  it('lists bulk actions and syncs with status, progress, who started them and when', async () => {
    await openJobs({
      'jobs.list': () => ok({ items: [bulkItem({ status: 'running' }), bulkItem({ jobId: 'job-0', createdByName: null, status: 'partially-failed', processed: 3, failed: 1, succeeded: 2 }), syncItem()] }),
    });
    await waitFor(() => findAll('DynamicTable').length > 0);
    expect(tableRows().map((r) => r.slice(0, 5))).toEqual([
      ['Deactivate', 'Running', '1 of 3 processed: 1 succeeded, 0 failed, 0 skipped', 'Ada Admin', expect.stringContaining('2026') as unknown],
      ['Deactivate', 'Partially failed', '3 of 3 processed: 2 succeeded, 1 failed, 0 skipped', 'An administrator no longer in the directory', expect.any(String) as unknown],
      ['Sync: All users, All groups', 'Succeeded', '2,400 of about 2,400 items processed', 'Daily schedule', expect.any(String) as unknown],
    ]);
    expect(rawKeys()).toEqual([]);
    expect(elementProps()).toEqual([]);
  });

  it('polls while a job runs, so a job started before a reload shows its progress and then its outcome', async () => {
    let item = bulkItem({ status: 'running' });
    await openJobs({ 'jobs.list': () => ok({ items: [item] }) });
    await waitFor(() => tableRows()[0]?.[1] === 'Running');
    item = bulkItem({ status: 'succeeded', processed: 3, succeeded: 3, percent: 100 });
    await waitFor(() => tableRows()[0]?.[1] === 'Succeeded');
    await new Promise((resolve) => setTimeout(resolve, 30));
    const polls = calls('jobs.list').length;
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(calls('jobs.list').length).toBe(polls);
  });

  it('opens a job: per-user results in words, filtered by outcome, paged', async () => {
    await openJobs({
      'jobs.list': () => ok({ items: [bulkItem({ status: 'partially-failed', processed: 3, succeeded: 1, failed: 1, skipped: 1, percent: 100 })] }),
      'jobs.results': (p: ResultsPayload) =>
        p.after === 'next-page'
          ? ok(page([{ ...rows[1], accountId: 'acc-9', name: 'User 9' }, { ...rows[1], accountId: 'acc-gone', name: null }]))
          : ok(page(rows.filter((r) => p.outcome === undefined || r.outcome === p.outcome), p.outcome === undefined ? 'next-page' : null)),
    });
    await waitFor(() => findAll('DynamicTable').length > 0);
    click('Open');
    await waitFor(() => findAll('DynamicTable')[0]?.props.caption === 'Results per user' && tableRows().length === 3);
    expect(text()).toContain('Started by Ada Admin');
    expect(findAll('SectionMessage')[0]?.props.title).toBe('Deactivate: finished, but some users could not be changed');
    expect(tableRows()).toEqual([
      ['User 1', 'Failed', 'Atlassian did not answer as expected. Try again later.'],
      ['User 2', 'Succeeded', ''],
      ['three@acme.test', 'Skipped', 'Protected by the email whitelist'],
    ]);
    click('Next');
    await waitFor(() => tableRows()[0]?.[0] === 'User 9');
    expect(tableRows()[1]?.[0]).toBe('A user no longer in the synced directory');
    pick('jobs-outcome', 'failed');
    await waitFor(() => tableRows().length === 1 && tableRows()[0]?.[0] === 'User 1');
    expect(calls('jobs.results').at(-1)).toEqual({ jobId: 'job-1', limit: 100, after: null, outcome: 'failed' });
    pick('jobs-outcome', 'skipped');
    await waitFor(() => tableRows()[0]?.[0] === 'three@acme.test');
    expect(rawKeys()).toEqual([]);
    click('Back to all jobs');
    await waitFor(() => findAll('DynamicTable')[0]?.props.caption === 'Running and recent jobs');
  });

  it('keeps the page and the outcome filter while a running job is polled, and refreshes the page on screen', async () => {
    let processed = 1;
    const failedOnPage2 = () => [
      { ...rows[0], accountId: 'acc-7', name: 'User 7' },
      ...(processed > 1 ? [{ ...rows[0], accountId: 'acc-8', name: 'User 8' }] : []),
    ];
    await openJobs({
      'jobs.list': () => ok({ items: [bulkItem({ status: 'running', processed, failed: processed, succeeded: 0 })] }),
      'jobs.results': (p: ResultsPayload) => {
        if (p.outcome !== 'failed') return ok(page(rows, 'all-2'));
        return p.after === 'failed-2' ? ok(page(failedOnPage2())) : ok(page([rows[0]], 'failed-2'));
      },
    });
    await waitFor(() => findAll('DynamicTable').length > 0);
    click('Open');
    await waitFor(() => tableRows().length === 3);
    pick('jobs-outcome', 'failed');
    await waitFor(() => tableRows().length === 1);
    click('Next');
    await waitFor(() => tableRows()[0]?.[0] === 'User 7');
    const before = calls('jobs.results').length;
    processed = 2;
    await waitFor(() => calls('jobs.results').length > before);
    expect(calls('jobs.results').slice(before)).toEqual([{ jobId: 'job-1', limit: 100, after: 'failed-2', outcome: 'failed' }]);
    await waitFor(() => tableRows().length === 2);
    expect(tableRows().map((r) => r[0])).toEqual(['User 7', 'User 8']);
    expect(text()).toContain('Page 2');
    expect(selectValue('jobs-outcome')).toBe('failed');
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(calls('jobs.results')).toHaveLength(before + 1);
  });

  it('retries the failed users: the plan over the failed items first, then the new job', async () => {
    let items = [bulkItem({ status: 'partially-failed', processed: 3, succeeded: 2, failed: 1, percent: 100 })];
    await openJobs({
      'jobs.list': () => ok({ items }),
      'jobs.results': () => ok(page(rows)),
      'bulk.plan': () =>
        ok({
          action: { type: 'deactivate' },
          summary: { total: 1, willChange: 1, skipped: 0, byMethod: { 'lifecycle-disable': 1 }, skippedByReason: {} },
          items: [{ accountId: 'acc-1', name: 'User 1', email: null, decision: 'will-change', method: 'lifecycle-disable', reason: null, messageKey: 'bulk.methods.lifecycle-disable', groups: [], groupDirectories: [] }],
          moreItems: false,
        }),
      'bulk.start': () => {
        items = [bulkItem({ jobId: 'job-2', status: 'queued', total: 1, processed: 0, succeeded: 0, percent: 0 }), ...items];
        return ok(items[0]);
      },
    });
    await waitFor(() => findAll('DynamicTable').length > 0);
    click('Open');
    await waitFor(() => text().includes('Retry failed users'));
    expect(text()).toContain('for the 1 user who failed');
    click('Retry failed users');
    await waitFor(() => findAll('Modal').length > 0);
    expect(calls('bulk.plan')[0]).toEqual({ action: { type: 'deactivate' }, selection: { kind: 'failed-in-job', jobId: 'job-1' }, itemsLimit: 100 });
    expect(calls('bulk.start')).toEqual([]);
    click('Deactivate 1 user');
    await waitFor(() => text().includes('Deactivate: in progress'));
    expect(calls('bulk.start')[0]).toEqual({ action: { type: 'deactivate' }, selection: { kind: 'failed-in-job', jobId: 'job-1' } });
    expect(findAll('Modal')).toEqual([]);
    expect(text()).not.toContain('Retry failed users');
  });

  it('offers no retry while a job runs or when nothing failed; a sync shows its progress and no per-user results', async () => {
    await openJobs({
      'jobs.list': () => ok({ items: [bulkItem({ status: 'succeeded', processed: 3, succeeded: 3, percent: 100 }), syncItem({ status: 'running', phase: 'groups', trigger: 'manual', percent: 40 })] }),
      'jobs.results': () => ok(page([])),
    });
    await waitFor(() => findAll('DynamicTable').length > 0);
    click('Open');
    await waitFor(() => text().includes('No users with this outcome.'));
    expect(text()).not.toContain('Retry failed users');
    click('Back to all jobs');
    await waitFor(() => tableRows().length === 2);
    openRow(1);
    await waitFor(() => text().includes('A sync keeps no per-user results'));
    expect(text()).toContain('Sync: All users, All groups');
    expect(text()).toContain('Started by Manual sync');
    expect(text()).toContain('Step: Groups');
    expect(findAll('ProgressBar')).toHaveLength(1);
    expect(calls('jobs.results')).toHaveLength(1);
    expect(rawKeys()).toEqual([]);
  });

  it('shows an empty state, and an error with Try again', async () => {
    await openJobs({ 'jobs.list': () => ok({ items: [] }) });
    await waitFor(() => findAll('EmptyState')[0]?.props.header === 'No jobs yet');
    let answer = fail('INTERNAL');
    await openJobs({ 'jobs.list': () => answer });
    await waitFor(() => text().includes('Try again'));
    answer = ok({ items: [syncItem()] }) as unknown as typeof answer;
    click('Try again');
    await waitFor(() => tableRows().length === 1);
  });
});
