import { DomainError } from '../../../../src/domain/model/errors';
import type { Job } from '../../../../src/domain/model/jobs';
import type { Task } from '../../../../src/domain/model/task';
import { proposalExpiry, type TaskProposal, type TaskRun } from '../../../../src/domain/model/taskRecords';
import { listProposals, proposalDetail, type ProposalViewDeps } from '../../../../src/domain/usecases/tasks/proposalViews';
import { runReasonKey, taskRunDetail, taskRunHistory } from '../../../../src/domain/usecases/tasks/runViews';
import { FakeClock, FakeJobRepository, FakeUserRepository, Tables } from '../fakes';
import { aUser, daysAgo, NOW } from '../fixtures';
import { aTask } from './taskSupport';

const task: Task = { ...aTask({ name: 'Idle cleanup' }), id: 'task-1', createdAt: NOW, updatedAt: NOW, createdBy: 'me', deletedAt: null };
const aRun = (id: string, overrides: Partial<TaskRun> = {}): TaskRun => ({
  id, taskId: 'task-1', trigger: 'schedule', slotAt: NOW, startedAt: NOW, finishedAt: NOW, status: 'succeeded', reason: null,
  counts: { matched: 2, changed: 2, failed: 0, skipped: 0, announced: 0 }, jobId: null, ...overrides,
});
const aJob = (id: string): Job => ({
  id, kind: 'bulk-action', spec: { kind: 'bulk-action', action: { type: 'deactivate' }, actor: { kind: 'task', taskId: 'task-1' } }, status: 'succeeded',
  createdAt: NOW, updatedAt: NOW, finishedAt: NOW, createdBy: null, phase: 'done', processed: 2, total: 2, succeeded: 1, failed: 0, skipped: 1, attempts: 0,
});
const aProposal = (id: string, overrides: Partial<TaskProposal> = {}): TaskProposal => ({
  id, taskId: 'task-1', runId: 'run-1', change: { type: 'deactivate' }, accountIds: ['a', 'b', 'c'], createdAt: daysAgo(1), expiresAt: proposalExpiry(daysAgo(1)),
  status: 'pending', decidedAt: null, decidedBy: null, jobId: null, ...overrides,
});

/** Run history pages newest first, two runs a page, as the SQL repository does. */
const tasksWith = (runs: TaskRun[], tasks: Task[] = [task]) => ({
  get: (id: string) => Promise.resolve(tasks.find((t) => t.id === id) ?? null),
  getRun: (id: string) => Promise.resolve(runs.find((r) => r.id === id) ?? null),
  runs: (taskId: string, limit: number, after: string | null) => {
    const mine = runs.filter((r) => r.taskId === taskId);
    const start = after === null ? 0 : mine.findIndex((r) => r.id === after) + 1;
    const items = mine.slice(start, start + limit);
    return Promise.resolve({ items, next: start + limit < mine.length ? (items.at(-1)?.id ?? null) : null });
  },
});

const codeOf = (promise: Promise<unknown>): Promise<string> =>
  promise.then(() => 'resolved', (error: unknown) => (error instanceof DomainError ? error.code : 'other'));

describe('run history and run detail (T3)', () => {
  it('lists a task\'s runs with the words for their reasons, and no job id', async () => {
    const runs = [aRun('r3', { status: 'failed', reason: 'safety-cap-exceeded' }), aRun('r2', { status: 'skipped', reason: 'sync-overlap' }), aRun('r1', { reason: 'API_KEY_MISSING', status: 'failed', jobId: 'job-1' })];
    const first = await taskRunHistory({ taskId: 'task-1', limit: 2, after: null }, { tasks: tasksWith(runs) });
    expect(first.items.map((r) => [r.runId, r.reasonKey])).toEqual([['r3', 'taskRunner.reasons.safety-cap-exceeded'], ['r2', 'taskRunner.reasons.sync-overlap']]);
    expect(first.items[0]).not.toHaveProperty('jobId');
    const second = await taskRunHistory({ taskId: 'task-1', limit: 2, after: first.next }, { tasks: tasksWith(runs) });
    expect(second.items).toMatchObject([{ runId: 'r1', reasonKey: 'errors.API_KEY_MISSING', hasResults: true }]);
    expect(second.next).toBeNull();
    expect(runReasonKey('something-new')).toBe('taskRuns.runReasons.other');
    expect(await codeOf(taskRunHistory({ taskId: 'nope', limit: 2, after: null }, { tasks: tasksWith(runs) }))).toBe('NOT_FOUND');
  });

  it('shows a run with its task\'s name and the per-user results of its job, by outcome', async () => {
    const jobs = new FakeJobRepository();
    const ida = aUser({ name: 'Ida' });
    const vip = aUser({ name: 'Vip' });
    await jobs.create(aJob('job-1'), [ida.accountId, vip.accountId]);
    await jobs.recordResults('job-1', [{ accountId: ida.accountId, outcome: 'succeeded', reason: null }, { accountId: vip.accountId, outcome: 'skipped', reason: 'protected' }]);
    const deps = { tasks: tasksWith([aRun('r1', { jobId: 'job-1' }), aRun('r0', { status: 'skipped', reason: 'sync-overlap' })]), jobs, users: new FakeUserRepository(new Tables(), [ida, vip]), clock: new FakeClock() };
    const detail = await taskRunDetail({ runId: 'r1', limit: 50, after: null }, deps);
    expect(detail.taskName).toBe('Idle cleanup');
    expect(detail.run).toMatchObject({ runId: 'r1', status: 'succeeded', hasResults: true });
    expect(detail.results.items.map((r) => [r.name, r.outcome, r.messageKey]).sort()).toEqual([['Ida', 'succeeded', 'bulk.outcomes.succeeded'], ['Vip', 'skipped', 'bulk.reasons.protected']]);
    const skippedOnly = await taskRunDetail({ runId: 'r1', limit: 50, after: null, outcome: 'skipped' }, deps);
    expect(skippedOnly.results.items.map((r) => r.name)).toEqual(['Vip']);
    expect((await taskRunDetail({ runId: 'r0', limit: 50, after: null }, deps)).results).toEqual({ items: [], next: null });
    expect(await codeOf(taskRunDetail({ runId: 'nope', limit: 50, after: null }, deps))).toBe('NOT_FOUND');
  });

  it('a revoke of several products: one part per product, each with its own results', async () => {
    const jobs = new FakeJobRepository();
    const ida = aUser({ name: 'Ida' });
    const products = [{ productKey: 'jira-software', resourceId: 'site-1' }, { productKey: 'confluence', resourceId: 'site-1' }];
    for (const [part, target] of products.entries()) {
      const action = { type: 'revoke-product' as const, ...target };
      await jobs.create({ ...aJob(`run-m:p${String(part)}`), kind: 'task-run', spec: { kind: 'task-run', taskId: 'task-1', runId: 'run-m', part, parts: 2, action, actor: { kind: 'task', taskId: 'task-1' } } }, [ida.accountId]);
    }
    await jobs.recordResults('run-m:p1', [{ accountId: ida.accountId, outcome: 'failed', reason: 'UPSTREAM_FAILED' }]);
    const deps = { tasks: tasksWith([aRun('run-m', { jobId: 'run-m:p0' })]), jobs, users: new FakeUserRepository(new Tables(), [ida]), clock: new FakeClock() };
    const first = await taskRunDetail({ runId: 'run-m', limit: 50, after: null }, deps);
    expect(first.parts).toEqual(products.map((target) => ({ type: 'revoke-product', ...target })));
    expect(first.results.items).toEqual([]);
    expect(first.partJobs).toEqual([
      { jobId: 'run-m:p0', revert: { blocked: null, revertedBy: null } },
      { jobId: 'run-m:p1', revert: { blocked: null, revertedBy: null } },
    ]);
    const second = await taskRunDetail({ runId: 'run-m', part: 1, limit: 50, after: null }, deps);
    expect(second.results.items).toMatchObject([{ name: 'Ida', outcome: 'failed', messageKey: 'errors.UPSTREAM_FAILED' }]);
  });
});

describe('proposals waiting for review (T6)', () => {
  const world = (proposals: TaskProposal[], now = NOW): ProposalViewDeps => ({
    proposals: {
      get: (id) => Promise.resolve(proposals.find((p) => p.id === id) ?? null),
      list: (status, limit) => Promise.resolve(proposals.filter((p) => p.status === status).slice(0, limit)),
    },
    tasks: tasksWith([]),
    users: new FakeUserRepository(new Tables(), [aUser({ accountId: 'a', name: 'Ann' }), aUser({ accountId: 'me', name: 'Ada Admin' })]),
    clock: new FakeClock(now),
  });

  it('lists pending proposals still open, with the task\'s name and the count of users; one past its expiry is expired', async () => {
    const open = aProposal('p1');
    const stale = aProposal('p0', { createdAt: daysAgo(8), expiresAt: proposalExpiry(daysAgo(8)) });
    const pending = await listProposals({ status: 'pending', limit: 10 }, world([open, stale]));
    expect(pending).toMatchObject([{ proposalId: 'p1', taskName: 'Idle cleanup', users: 3, status: 'pending', decidedByName: null }]);
    const decided = aProposal('p2', { status: 'approved', decidedAt: NOW, decidedBy: { kind: 'admin', accountId: 'me' }, jobId: 'job-9' });
    expect(await listProposals({ status: 'approved', limit: 10 }, world([decided]))).toMatchObject([{ status: 'approved', decidedByName: 'Ada Admin', jobId: 'job-9' }]);
  });

  it('opens a proposal: its users as proposed, paged, a user gone from the copy without a name', async () => {
    const deps = world([aProposal('p1')]);
    const first = await proposalDetail({ proposalId: 'p1', limit: 2, after: null }, deps);
    expect({ items: first.items, next: first.next }).toEqual({ items: [{ accountId: 'a', name: 'Ann', email: expect.any(String) as unknown }, { accountId: 'b', name: null, email: null }], next: '2' });
    const second = await proposalDetail({ proposalId: 'p1', limit: 2, after: '2' }, deps);
    expect({ items: second.items, next: second.next }).toEqual({ items: [{ accountId: 'c', name: null, email: null }], next: null });
    expect(await codeOf(proposalDetail({ proposalId: 'p1', limit: 2, after: 'x' }, deps))).toBe('VALIDATION_FAILED');
    expect(await codeOf(proposalDetail({ proposalId: 'nope', limit: 2, after: null }, deps))).toBe('NOT_FOUND');
  });
});
