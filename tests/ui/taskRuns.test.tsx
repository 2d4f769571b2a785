import React from 'react';
import { findAll } from '../support/fakeBridge';
import { byId, calls, click, elementProps, fail, mount, ok, pick, rawKeys, renderApp, tableRows, text, waitFor } from './helpers';
import { bulkJob, dashboard, page } from './fixtures';
import type { DryRunDto, DryRunItemDto, ProposalDto, TaskRunDto } from '../../src/contract';
import { ProposalsPanel } from '../../src/ui/screens/tasks/runs/ProposalsPanel';
import { TaskRunsPanel } from '../../src/ui/screens/tasks/runs/TaskRunsPanel';

type Handler = (payload: never) => unknown;

const run = (overrides: Partial<TaskRunDto> = {}): TaskRunDto => ({
  runId: 'run-1', taskId: 'task-1', trigger: 'schedule', slotAt: '2026-01-31T05:00:00.000Z', startedAt: '2026-01-31T05:00:10.000Z', finishedAt: '2026-01-31T05:02:00.000Z',
  status: 'succeeded', reason: null, reasonKey: null, counts: { matched: 3, changed: 2, failed: 0, skipped: 1, announced: 0 }, hasResults: true, ...overrides,
});
const item = (n: number, overrides: Partial<DryRunItemDto>): DryRunItemDto => ({
  accountId: `acc-${String(n)}`, name: `User ${String(n)}`, email: `user${String(n)}@acme.test`, decision: 'skip', methods: [], reason: null, state: 'overdue', inactiveDays: null,
  seatRank: null, noticeUntil: null, noticeNow: false, groups: [], ...overrides,
});
const dry = (items: DryRunItemDto[], overrides: Partial<DryRunDto> = {}): DryRunDto => ({
  evaluatedAt: '2026-01-31T10:00:00.000Z',
  summary: { total: 4, keepSeat: 0, willChange: 2, skipped: 2, byMethod: { 'lifecycle-disable': 1, 'group-remove': 1 }, skippedByReason: { protected: 1, 'within-notice': 1 } },
  safety: { status: 'within-cap', cap: 100, wouldChange: null, wouldAnnounce: null },
  notices: { announce: 1, clear: 0 },
  matching: items.length,
  items,
  next: null,
  ...overrides,
});
const dryItems = [
  item(1, { decision: 'will-change', methods: ['lifecycle-disable'], inactiveDays: 45 }),
  item(2, { decision: 'will-change', methods: ['group-remove'], groups: ['jira-users'], inactiveDays: 200 }),
  item(3, { reason: 'protected', name: null }),
  item(4, { reason: 'within-notice', noticeUntil: '2026-02-01T05:00:00.000Z', inactiveDays: 31 }),
  item(5, { reason: 'within-notice', noticeUntil: '2026-02-03T05:00:00.000Z', noticeNow: true, inactiveDays: 40 }),
];

const renderPanel = async (handlers: Record<string, Handler>): Promise<void> => {
  await mount(<TaskRunsPanel taskId="task-1" taskName="Idle cleanup" />, handlers);
};

describe('a task\'s runs on the Automated tasks tab (T2, T3, T4)', () => {
  it('lists the run history in words and opens a run: its outcome and per-user results by outcome', async () => {
    const results = [
      { accountId: 'acc-1', name: 'User 1', email: null, outcome: 'succeeded', reason: null, messageKey: 'bulk.outcomes.succeeded' },
      { accountId: 'acc-3', name: 'User 3', email: null, outcome: 'skipped', reason: 'protected', messageKey: 'bulk.reasons.protected' },
    ];
    await renderPanel({
      'tasks.runs': () => ok(page([run(), run({ runId: 'run-0', trigger: 'manual', status: 'failed', reason: 'safety-cap-exceeded', reasonKey: 'taskRunner.reasons.safety-cap-exceeded', hasResults: false })])),
      'dashboard.get': () => ok(dashboard()),
      'tasks.runDetail': (p: { runId: string; part: number; outcome?: string }) =>
        ok({
          run: run(),
          taskName: 'Idle cleanup',
          parts: [{ type: 'revoke-product', productKey: 'jira-software', resourceId: 'res-jira' }, { type: 'revoke-product', productKey: 'confluence', resourceId: 'res-conf' }],
          results: page(p.part === 1 ? [] : results.filter((r) => p.outcome === undefined || r.outcome === p.outcome)),
        }),
    });
    await waitFor(() => tableRows().length === 2);
    expect(tableRows().map((r) => r.slice(1, 5))).toEqual([
      ['Schedule', 'Succeeded', '3 matched: 2 changed, 0 failed, 1 skipped, 0 announced', ''],
      ['Run now', 'Failed', '3 matched: 2 changed, 0 failed, 1 skipped, 0 announced', 'Would have changed more users than the safety cap allows; nothing was changed'],
    ]);
    expect(rawKeys()).toEqual([]);
    click('Open');
    await waitFor(() => findAll('DynamicTable')[0]?.props.caption === 'Results per user');
    expect(text()).toContain('Idle cleanup: run of');
    expect(tableRows()).toEqual([['User 1', 'Succeeded', ''], ['User 3', 'Skipped', 'Protected by the email whitelist']]);
    pick('task-run-outcome', 'skipped');
    await waitFor(() => tableRows().length === 1);
    expect(calls('tasks.runDetail').at(-1)).toEqual({ runId: 'run-1', part: 0, limit: 100, after: null, outcome: 'skipped' });
    expect((byId('Select', 'task-run-part', 'inputId').props.options as { label: string }[]).map((o) => o.label)).toEqual(['Revoke access to Jira', expect.stringContaining('Revoke access to') as unknown]);
    pick('task-run-part', '1');
    await waitFor(() => (calls('tasks.runDetail').at(-1) as { part: number }).part === 1);
    click('Back to the task');
    await waitFor(() => text().includes('Run history'));
    expect(elementProps()).toEqual([]);
  });

  it('dry-runs the task: counts by reason, each user\'s change or reason in words, filtered by reason, the CSV offered', async () => {
    await renderPanel({
      'tasks.runs': () => ok(page([])),
      'tasks.dryRun': (p: { reason: string | null }) => ok(dry(p.reason === 'protected' ? [dryItems[2]!] : dryItems)),
      'dashboard.get': () => ok(dashboard()),
    });
    await waitFor(() => text().includes('This task has not run yet.'));
    click('Dry run');
    await waitFor(() => findAll('DynamicTable').length > 0);
    expect(text()).toContain('2 users would change:');
    expect(text()).toContain('1 — Within the notice period (announced, or to be announced by this run)');
    expect(text()).toContain('1 user would be announced as to be changed (notice period).');
    expect(tableRows()).toEqual([
      ['User 1 user1@acme.test', 'Will change', 'deactivate the managed account (inactive 45 days)'],
      ['User 2 user2@acme.test', 'Will change', 'remove from jira-users (inactive 200 days)'],
      ['user3@acme.test', 'Skipped', 'Protected by the email whitelist (Overdue)'],
      ['User 4 user4@acme.test', 'Skipped', expect.stringMatching(/^Announced; changed at the run of .*2026.* if still matching \(inactive 31 days\)$/) as unknown],
      ['User 5 user5@acme.test', 'Skipped', expect.stringMatching(/^To be announced by this run; changed at the run of .*2026.* if still matching \(inactive 40 days\)$/) as unknown],
    ]);
    expect(findAll('Button').some((b) => b.props.iconBefore === 'download')).toBe(true);
    await waitFor(() => (byId('Select', 'dry-run-show', 'inputId').props.options as { value: string }[]).some((o) => o.value === 'skip:protected'));
    pick('dry-run-show', 'skip:protected');
    await waitFor(() => tableRows().length === 1);
    expect(calls('tasks.dryRun').at(-1)).toEqual({ taskId: 'task-1', definition: null, decision: 'skip', reason: 'protected', limit: 50, after: null });
    expect(rawKeys()).toEqual([]);
  });

  it('says how many other holders keep the product under a seat cap', async () => {
    const summary = { ...dry([]).summary, keepSeat: 71_234 };
    await renderPanel({ 'tasks.runs': () => ok(page([])), 'tasks.dryRun': () => ok(dry(dryItems, { summary })) });
    click('Dry run');
    await waitFor(() => text().includes('2 users would change:'));
    expect(text()).toContain('71,234 other users keep the product: the cap is reached with the longest-inactive users first, so these are not checked one by one.');
    expect(rawKeys()).toEqual([]);
  });

  it('warns when the safety cap would stop the run', async () => {
    await renderPanel({
      'tasks.runs': () => ok(page([])),
      'tasks.dryRun': () => ok(dry([item(1, { reason: 'over-cap' })], { safety: { status: 'over-cap', cap: 2, wouldChange: 3, wouldAnnounce: 0 } })),
    });
    click('Dry run');
    await waitFor(() => findAll('SectionMessage').length > 0);
    expect(findAll('SectionMessage')[0]?.props.title).toBe('The safety cap would stop this run');
    expect(text()).toContain('A run now would change 3 users and announce 0, more than the task\'s safety cap of 2.');
  });

  it('Run now shows the dry run first, runs only once confirmed, then shows the new run in the history', async () => {
    let runs: TaskRunDto[] = [];
    await renderPanel({
      'tasks.runs': () => ok(page(runs)),
      'tasks.dryRun': () => ok(dry(dryItems)),
      'tasks.runNow': () => {
        runs = [run({ runId: 'run-9', trigger: 'manual', status: 'running', finishedAt: null, hasResults: false })];
        return ok(runs[0]);
      },
    });
    await waitFor(() => text().includes('This task has not run yet.'));
    click('Run now…');
    await waitFor(() => text().includes('Run now (2 users would change)'));
    expect(findAll('ModalTitle')[0] && text()).toContain('Run Idle cleanup now?');
    expect(calls('tasks.runNow')).toEqual([]);
    click('Run now (2 users would change)');
    await waitFor(() => tableRows()[0]?.[2] === 'Running');
    expect(calls('tasks.runNow')).toEqual([{ taskId: 'task-1' }]);
    expect(findAll('Modal')).toEqual([]);
  });

  it('Run now refused (a sync is running) keeps the dialog open with the reason', async () => {
    await renderPanel({ 'tasks.runs': () => ok(page([])), 'tasks.dryRun': () => ok(dry(dryItems)), 'tasks.runNow': () => fail('LOCK_HELD') });
    await waitFor(() => text().includes('This task has not run yet.'));
    click('Run now…');
    await waitFor(() => text().includes('Run now (2 users would change)'));
    click('Run now (2 users would change)');
    await waitFor(() => findAll('SectionMessage').length > 0);
    expect(findAll('Modal')).toHaveLength(1);
  });
});

describe('proposals waiting for review (T6)', () => {
  const proposal = (overrides: Partial<ProposalDto> = {}): ProposalDto => ({
    proposalId: 'p-1', taskId: 'task-1', taskName: 'Reviewed cleanup', change: { type: 'deactivate' }, users: 2, createdAt: '2026-01-31T05:00:00.000Z',
    expiresAt: '2026-02-07T05:00:00.000Z', status: 'pending', decidedAt: null, decidedByName: null, jobId: null, ...overrides,
  });
  const people = [{ accountId: 'acc-1', name: 'User 1', email: 'user1@acme.test' }, { accountId: 'acc-2', name: null, email: null }];

  it('lists them, opens one with its users, and approves it once', async () => {
    await mount(<ProposalsPanel />, {
      'dashboard.get': () => ok(dashboard()),
      'tasks.proposals': () => ok({ items: [proposal()] }),
      'tasks.proposal': () => ok({ proposal: proposal(), items: people, next: null }),
      'tasks.decideProposal': () => ok(proposal({ status: 'approved', decidedAt: '2026-02-01T09:00:00.000Z', decidedByName: 'Ada Admin', jobId: 'job-7' })),
    });
    await waitFor(() => tableRows().length === 1);
    expect(tableRows()[0]?.slice(0, 3)).toEqual(['Reviewed cleanup', 'Deactivate', '2']);
    click('Review');
    await waitFor(() => text().includes('Deactivate: 2 users') && tableRows().length === 2);
    expect(tableRows()).toEqual([['User 1 user1@acme.test'], ['A user no longer in the synced directory']]);
    expect(text()).toContain('Deactivate: 2 users');
    click('Approve: change 2 users');
    await waitFor(() => findAll('SectionMessage').length > 0);
    expect(findAll('SectionMessage')[0]?.props.title).toBe('Approved: the change runs as a bulk job (see Jobs)');
    expect(text()).toContain('By Ada Admin');
    expect(calls('tasks.decideProposal')).toEqual([{ proposalId: 'p-1', decision: 'approve' }]);
    expect(findAll('LoadingButton').filter((b) => b.props.isDisabled !== true)).toEqual([]);
    expect(rawKeys()).toEqual([]);
  });

  it('a proposal decided meanwhile answers CONFLICT, shown in words', async () => {
    await mount(<ProposalsPanel />, {
      'tasks.proposals': () => ok({ items: [proposal()] }),
      'tasks.proposal': () => ok({ proposal: proposal(), items: people, next: null }),
      'tasks.decideProposal': () => fail('CONFLICT'),
    });
    await waitFor(() => tableRows().length === 1);
    click('Review');
    await waitFor(() => text().includes('Reject'));
    click('Reject');
    await waitFor(() => findAll('SectionMessage').length > 0);
    expect(rawKeys()).toEqual([]);
  });

  it('says so when nothing waits for review', async () => {
    await mount(<ProposalsPanel />, { 'tasks.proposals': () => ok({ items: [] }) });
    await waitFor(() => text().includes('No proposals are waiting for review.'));
  });
});

describe('the run panels on the Automated tasks tab', () => {
  const saved = {
    id: 't-1', name: 'Contractors out', enabled: true, rule: { kind: 'inactive', minInactiveDays: 60, products: 'all' },
    filter: { includeGroupIds: [], excludeGroupIds: [], accountTypes: ['managed', 'external'], billableOnly: false }, action: { type: 'deactivate' },
    schedule: { days: 'daily', hour: 6 }, noticeDays: 0, safetyCap: 50, createdAt: '2026-01-30T10:00:00.000Z', updatedAt: '2026-01-31T10:00:00.000Z', groupNames: {},
  };

  it('lists proposals under the tasks, and an opened task shows its runs and dry-runs the editor\'s unsaved settings', async () => {
    await renderApp({
      'dashboard.get': () => ok(dashboard()),
      'groups.search': () => ok(page([])),
      'tasks.list': () => ok({ timeZone: 'UTC', syncHour: 3, items: [{ ...saved, nextRunAt: null, lastRun: null }] }),
      'tasks.get': () => ok(saved),
      'tasks.proposals': () => ok({ items: [] }),
      'tasks.runs': () => ok(page([run({ taskId: 't-1' })])),
      'tasks.dryRun': () => ok(dry(dryItems)),
    }, 'Automated tasks');
    await waitFor(() => text().includes('No proposals are waiting for review.'));
    click('Open');
    await waitFor(() => text().includes('Run history') && text().includes('3 matched: 2 changed'));
    click('Dry run these settings');
    await waitFor(() => text().includes('2 users would change:'));
    expect(calls('tasks.dryRun')[0]).toMatchObject({ taskId: 't-1', definition: { name: 'Contractors out', rule: { kind: 'inactive', minInactiveDays: 60 }, safetyCap: 50 }, decision: 'all' });
    expect(rawKeys()).toEqual([]);
  });
});

describe('task runs in the Jobs view (T3)', () => {
  it('names the task that started a job, and offers no Retry for it (the task runs again on its schedule)', async () => {
    const item = { ...bulkJob({ status: 'partially-failed', processed: 3, succeeded: 2, failed: 1, percent: 100 }), kind: 'bulk-action', createdBy: null, createdByName: null, startedByTask: { id: 't-1', name: 'Idle cleanup' } };
    await renderApp({ 'dashboard.get': () => ok(dashboard()), 'jobs.list': () => ok({ items: [item] }), 'jobs.results': () => ok(page([])) }, 'Jobs');
    await waitFor(() => tableRows().length === 1);
    expect(tableRows()[0]?.[3]).toBe('Task Idle cleanup');
    click('Open');
    await waitFor(() => text().includes('Started by Task Idle cleanup'));
    expect(text()).not.toContain('Retry failed users');
  });
});
