import type { Job } from '../../../../src/domain/model/jobs';
import { listJobs } from '../../../../src/domain/usecases/jobs/listJobs';
import { FakeClock, FakeJobRepository, FakeUserRepository, Tables } from '../fakes';
import { NOW } from '../fixtures';
import { aTask } from './taskSupport';

const job = (id: string, spec: Job['spec'], minutes: number): Job => ({
  id, kind: spec.kind, spec, status: 'succeeded', createdAt: new Date(NOW.getTime() + minutes * 60_000), updatedAt: NOW, finishedAt: NOW, createdBy: null, phase: 'done',
  processed: 1, total: 1, succeeded: 1, failed: 0, skipped: 0, attempts: 0,
});

describe('Jobs view (B3) with automated tasks (T3)', () => {
  it('shows each part of a task run as a bulk action started by its task, by name; a deleted task without one', async () => {
    const jobs = new FakeJobRepository();
    const deactivate = { type: 'deactivate' as const };
    await jobs.create(job('bulk-1', { kind: 'bulk-action', action: deactivate, actor: { kind: 'admin', accountId: 'me' } }, 0), ['a']);
    const taskPart = (id: string, taskId: string, minutes: number) =>
      job(id, { kind: 'task-run', taskId, runId: `run-${id}`, part: 0, parts: 1, action: deactivate, actor: { kind: 'task', taskId } }, minutes);
    await jobs.create(taskPart('task-1', 'idle', 1), ['b']);
    await jobs.create(taskPart('task-2', 'gone', 2), ['c']);
    const tasks = { get: (id: string) => Promise.resolve(id === 'idle' ? { ...aTask({ name: 'Idle cleanup' }), id, createdAt: NOW, updatedAt: NOW, createdBy: null, deletedAt: null } : null) };
    const deps = { jobs, runs: { history: () => Promise.resolve([]) }, users: new FakeUserRepository(new Tables(), []), clock: new FakeClock(NOW), tasks };
    const items = await listJobs(10, deps);
    expect(items.map((i) => (i.kind === 'bulk-action' ? [i.jobId, i.startedByTask] : []))).toEqual([
      ['task-2', { id: 'gone', name: null }],
      ['task-1', { id: 'idle', name: 'Idle cleanup' }],
      ['bulk-1', null],
    ]);
  });
});
