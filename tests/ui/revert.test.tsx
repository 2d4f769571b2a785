import React from 'react';
import { findAll } from '../support/fakeBridge';
import { calls, click, elementProps, mount, ok, pick, rawKeys, renderApp, tableRows, text, waitFor } from './helpers';
import { bulkJob, dashboard, page } from './fixtures';
import { TaskRunsPanel } from '../../src/ui/screens/tasks/runs/TaskRunsPanel';

type Handler = (payload: never) => unknown;

const revertState = (overrides: Record<string, unknown> = {}) => ({ blocked: null, revertedBy: null, ...overrides });
const finished = (overrides: Record<string, unknown> = {}) => ({
  ...bulkJob({ status: 'succeeded', processed: 3, succeeded: 3, percent: 100 }),
  kind: 'bulk-action',
  createdByName: 'Ada Admin',
  revert: revertState(),
  ...overrides,
});
const plan = {
  jobId: 'job-1',
  action: { type: 'reactivate' },
  blocked: null,
  total: 3,
  summary: { checked: 3, willChange: 2, skipped: 1, byMethod: { 'lifecycle-enable': 1, 'group-add': 1 }, skippedByReason: { 'already-active': 1 } },
  items: [
    { accountId: 'acc-1', name: 'User 1', email: null, decision: 'will-change', method: 'lifecycle-enable', reason: null, messageKey: 'revert.methods.lifecycle-enable', groups: [] },
    { accountId: 'acc-2', name: 'User 2', email: null, decision: 'will-change', method: 'group-add', reason: null, messageKey: 'revert.methods.group-add', groups: ['jira-users'] },
    { accountId: 'acc-3', name: 'User 3', email: null, decision: 'skip', method: null, reason: 'already-active', messageKey: 'bulk.reasons.already-active', groups: [] },
  ],
  moreItems: false,
};

const openJob = async (handlers: Record<string, Handler>): Promise<void> => {
  await renderApp({ 'dashboard.get': () => ok(dashboard()), 'jobs.results': () => ok(page([])), ...handlers }, 'Jobs');
  await waitFor(() => findAll('DynamicTable').length > 0);
  click('Open');
  await waitFor(() => text().includes('Started by'));
};

describe('Revert (B5) in the Jobs view', () => {
  it('shows the plan — who is restored and how, who is skipped and why — and starts the revert as a job, then opens it', async () => {
    let items = [finished()];
    await openJob({
      'jobs.list': () => ok({ items }),
      'revert.plan': () => ok(plan),
      'revert.start': () => {
        items = [finished({ jobId: 'job-2', action: { type: 'reactivate' }, revertsJobId: 'job-1', status: 'running', processed: 0, succeeded: 0 }), ...items];
        return ok(bulkJob({ jobId: 'job-2', action: { type: 'reactivate' }, status: 'queued' }));
      },
    });
    click('Revert');
    await waitFor(() => findAll('Modal').length > 0);
    expect(text()).toContain('Revert Deactivate: 3 users were changed');
    expect(text()).toContain('2 users will be restored:');
    expect(text()).toContain('1 — reactivate the managed account');
    expect(text()).toContain('1 — Already active');
    expect(tableRows(findAll('DynamicTable').find((t) => t.props.label === 'Users in this plan'))).toEqual([
      ['User 1', 'Will be restored', 'reactivate the managed account'],
      ['User 2', 'Will be restored', 'Add back to group jira-users'],
      ['User 3', 'Skipped', 'Already active'],
    ]);
    expect(calls('revert.plan')).toEqual([{ jobId: 'job-1', itemsLimit: 50 }]);
    expect(rawKeys()).toEqual([]);
    const confirm = findAll('LoadingButton').find((b) => b.props.appearance === 'warning');
    (confirm?.props.onClick as () => void)();
    await waitFor(() => calls('revert.start').length === 1 && text().includes('Revert: Reactivate'));
    expect(calls('revert.start')).toEqual([{ jobId: 'job-1' }]);
    expect(elementProps()).toEqual([]);
  });

  it('says who reverted a job and when, and why a job cannot be reverted', async () => {
    await openJob({
      'jobs.list': () => ok({ items: [finished({ revert: revertState({ blocked: 'expired', revertedBy: { jobId: 'job-2', status: 'succeeded', at: '2026-02-01T10:00:00.000Z', byName: 'Bea Admin' } }) })] }),
    });
    expect(text()).toMatch(/Reverted by Bea Admin on .*2026.* \(Succeeded\)\./);
    expect(text()).toContain('This job finished more than 90 days ago and can no longer be reverted.');
    expect(findAll('Button').some((b) => b.props.children === 'Revert')).toBe(false);
    expect(rawKeys()).toEqual([]);
  });

  it('offers Revert on a task run, for the part shown (one job per product of a revoke)', async () => {
    const run = {
      runId: 'run-1', taskId: 'task-1', trigger: 'schedule', slotAt: null, startedAt: '2026-01-31T05:00:10.000Z', finishedAt: '2026-01-31T05:02:00.000Z',
      status: 'succeeded', reason: null, reasonKey: null, counts: { matched: 2, changed: 2, failed: 0, skipped: 0, announced: 0 }, hasResults: true,
    };
    const jira = { type: 'revoke-product', productKey: 'jira-software', resourceId: 'res-jira' };
    await mount(<TaskRunsPanel taskId="task-1" taskName="Idle cleanup" />, {
      'dashboard.get': () => ok(dashboard()),
      'tasks.runs': () => ok(page([run])),
      'tasks.runDetail': () =>
        ok({
          run,
          taskName: 'Idle cleanup',
          parts: [jira, { ...jira, productKey: 'confluence', resourceId: 'res-conf' }],
          partJobs: [
            { jobId: 'run-1:p0', revert: revertState() },
            { jobId: 'run-1:p1', revert: revertState({ blocked: 'nothing-to-revert' }) },
          ],
          results: page([]),
        }),
      'revert.plan': () => ok({ ...plan, jobId: 'run-1:p0', action: { ...jira, type: 'assign-product' } }),
    });
    await waitFor(() => tableRows().length === 1);
    click('Open');
    await waitFor(() => text().includes('Idle cleanup: run of'));
    click('Revert');
    await waitFor(() => findAll('Modal').length > 0);
    expect(calls('revert.plan')).toEqual([{ jobId: 'run-1:p0', itemsLimit: 50 }]);
    expect(text()).toContain('Revert Revoke access to Jira: 3 users were changed');
    click('Cancel');
    pick('task-run-part', '1');
    await waitFor(() => text().includes('Nothing to revert: this job changed nobody.'));
    expect(rawKeys()).toEqual([]);
  });
});
