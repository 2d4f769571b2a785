import { useAppRig } from './support/harness';
import { adminWithSeededOrg } from './support/seed';
import { ForgeJobQueue } from '../../../src/adapters/events/jobQueue';
import { buildTaskRunnerDeps } from '../../../src/composition';
import type { AuditPageDto } from '../../../src/contract';
import type { Task } from '../../../src/domain/model/task';
import { evaluateTask } from '../../../src/domain/usecases/tasks/evaluateTask';
import { startTaskRun } from '../../../src/domain/usecases/tasks/run/startTaskRun';
import type { User } from '../../../src/domain/model/user';
import { aTask } from '../../unit/domain/tasks/taskSupport';

const rig = useAppRig(40);
let admin = '';
let users: User[] = [];

beforeAll(async () => {
  ({ admin, users } = await adminWithSeededOrg(rig));
}, 60_000);

const task: Task = {
  ...aTask({ name: 'Inactive 30 days', schedule: { days: 'daily', hour: 12 }, safetyCap: 10_000 }),
  id: 'task-it-1',
  createdAt: new Date('2026-01-01T00:00:00Z'),
  updatedAt: new Date('2026-01-01T00:00:00Z'),
  createdBy: null,
  deletedAt: null,
};

describe('a task run on the real queue, storage and Admin API simulator (T3)', () => {
  it('changes exactly the users its plan picks, never a protected one, audited with the task as actor; a re-delivery repeats nothing', async () => {
    const deps = buildTaskRunnerDeps();
    await deps.tasks.save(task, null);
    const plan = await evaluateTask(task, deps);
    const picked = plan.items.flatMap((i) => (i.decision === 'will-change' ? [i.accountId] : []));
    expect(picked.length).toBeGreaterThan(1);
    const [guarded, ...rest] = picked.map((id) => users.find((u) => u.accountId === id) as User);
    await rig.ok(admin, 'settings.save', { protectedEmails: [guarded?.email] });

    const run = await rig.rt.runtime.invoke({ accountId: admin, functionKey: 'resolver' }, () =>
      startTaskRun({ taskId: task.id, trigger: 'manual', slotAt: null, actor: { kind: 'admin', accountId: admin } }, buildTaskRunnerDeps()),
    );
    await rig.rt.runtime.queue.drain();

    const ended = await deps.tasks.getRun(run.id);
    expect(ended).toMatchObject({ status: 'succeeded', counts: { changed: rest.length, failed: 0 }, jobId: `${run.id}:p0` });
    for (const u of rest) {
      const live = rig.sim.state.user(u.accountId);
      expect(u.managed ? live?.accountStatus : live?.membershipStatus).toBe(u.managed ? 'inactive' : 'suspended');
    }
    expect(rig.sim.state.user(guarded?.accountId ?? '')?.accountStatus).toBe('active');
    const untouched = users.filter((u) => !picked.includes(u.accountId));
    for (const u of untouched) expect(rig.sim.state.user(u.accountId)?.accountStatus).toBe(u.accountStatus);

    const audit = (await rig.ok(admin, 'audit.list', { jobId: ended?.jobId, limit: 100 })) as AuditPageDto;
    const items = audit.items.filter((e) => e.targetAccountId !== null);
    expect(items.map((e) => [e.targetAccountId, e.outcome]).sort()).toEqual(rest.map((u) => [u.accountId, 'succeeded']).sort());
    expect(items.every((e) => e.actor.kind === 'task')).toBe(true);

    await rig.rt.runtime.invoke({ accountId: admin, functionKey: 'resolver' }, () =>
      new ForgeJobQueue().push({ kind: 'task-run', taskId: task.id, runId: run.id, slice: 1 }),
    );
    await rig.rt.runtime.queue.drain();
    const again = (await rig.ok(admin, 'audit.list', { jobId: ended?.jobId, limit: 100 })) as AuditPageDto;
    expect(again.items.filter((e) => e.targetAccountId !== null)).toHaveLength(rest.length);
    expect(await deps.tasks.getRun(run.id)).toEqual(ended);
  }, 120_000);
});
