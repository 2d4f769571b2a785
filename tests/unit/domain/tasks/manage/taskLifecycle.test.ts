import { DomainError } from '../../../../../src/domain/model/errors';
import { proposalExpiry, type TaskProposal } from '../../../../../src/domain/model/taskRecords';
import { listTasks } from '../../../../../src/domain/usecases/tasks/manage/listTasks';
import { saveTask } from '../../../../../src/domain/usecases/tasks/manage/saveTask';
import { deleteTask, duplicateTask, getTask, setTaskEnabled } from '../../../../../src/domain/usecases/tasks/manage/taskLifecycle';
import { NOW } from '../../fixtures';
import { aTask } from '../taskSupport';
import { ADMIN, manageRig, type ManageRig } from './manageSupport';

const create = async (rig: ManageRig, overrides: Parameters<typeof aTask>[0] = {}) =>
  (await saveTask({ id: null, expectedUpdatedAt: null, task: aTask(overrides) }, ADMIN, rig)).task;

const codeOf = (promise: Promise<unknown>): Promise<unknown> => promise.then(() => 'resolved', (e: unknown) => (e instanceof DomainError ? e.code : e));

const pending = (id: string, taskId: string): TaskProposal => ({
  id, taskId, runId: `run-${id}`, change: { type: 'deactivate' }, accountIds: ['u-1'], createdAt: NOW, expiresAt: proposalExpiry(NOW),
  status: 'pending', decidedAt: null, decidedBy: null, jobId: null,
});

describe('duplicate, enable / disable, delete (T4)', () => {
  it('duplicates a task as a disabled copy under the new name', async () => {
    const rig = manageRig();
    const original = await create(rig, { noticeDays: 2 });
    const { task: copy } = await duplicateTask({ id: original.id, name: 'Copy of Clean up' }, ADMIN, rig);
    expect(copy).toMatchObject({ name: 'Copy of Clean up', enabled: false, noticeDays: 2, rule: original.rule });
    expect(copy.id).not.toBe(original.id);
    expect((await getTask(original.id, rig)).enabled).toBe(true);
    expect(rig.audit.list.at(-1)?.details).toEqual({ taskId: copy.id, taskName: 'Copy of Clean up', change: 'duplicate', fromTaskId: original.id });
    expect(await codeOf(duplicateTask({ id: original.id, name: 'x'.repeat(101) }, ADMIN, rig))).toBe('VALIDATION_FAILED');
  });

  it('disabling clears the notices and always works; enabling checks the task against the sync hour as it is now', async () => {
    const rig = manageRig();
    const task = await create(rig, { schedule: { days: 'daily', hour: 5 }, noticeDays: 1 });
    await rig.notices.add([{ taskId: task.id, accountId: 'u-1', announcedAt: NOW, plannedChangeAt: null }]);
    const off = await setTaskEnabled({ id: task.id, enabled: false }, ADMIN, rig);
    expect(off.task.enabled).toBe(false);
    expect(rig.notices.rows).toEqual([]);
    expect((await listTasks(rig)).items[0]?.nextRunAt).toBeNull();
    rig.settings.settings.sync.hour = 5;
    expect(await codeOf(setTaskEnabled({ id: task.id, enabled: true }, ADMIN, rig))).toBe('VALIDATION_FAILED');
    expect((await getTask(task.id, rig)).enabled).toBe(false);
    rig.settings.settings.sync.hour = 3;
    expect((await setTaskEnabled({ id: task.id, enabled: true }, ADMIN, rig)).task.enabled).toBe(true);
    rig.settings.settings.sync.hour = 5;
    expect((await setTaskEnabled({ id: task.id, enabled: false }, ADMIN, rig)).task.enabled).toBe(false);
    expect(rig.audit.list.map((e) => e.details.change)).toEqual(['create', 'disable', 'enable', 'disable']);
  });

  it('deletes a task: gone from the list, its record kept, notices cleared, its pending proposals rejected, audited once', async () => {
    const rig = manageRig();
    const task = await create(rig, { action: { type: 'propose', change: { type: 'deactivate' } } });
    const other = await create(rig, { name: 'Other' });
    await rig.notices.add([
      { taskId: task.id, accountId: 'u-1', announcedAt: NOW, plannedChangeAt: null },
      { taskId: other.id, accountId: 'u-1', announcedAt: NOW, plannedChangeAt: null },
    ]);
    await rig.proposals.create(pending('p-1', task.id));
    await rig.proposals.create(pending('p-2', other.id));
    expect(await deleteTask(task.id, ADMIN, rig)).toEqual({ deleted: true });
    expect((await listTasks(rig)).items.map((i) => i.name)).toEqual(['Other']);
    expect(await codeOf(getTask(task.id, rig))).toBe('NOT_FOUND');
    expect((await rig.tasks.get(task.id))?.deletedAt).toEqual(NOW);
    expect(rig.notices.rows.map((n) => n.taskId)).toEqual([other.id]);
    expect([(await rig.proposals.get('p-1'))?.status, (await rig.proposals.get('p-1'))?.decidedBy, (await rig.proposals.get('p-2'))?.status]).toEqual(['rejected', ADMIN, 'pending']);
    await deleteTask(task.id, ADMIN, rig);
    expect(rig.audit.list.filter((e) => e.details.change === 'delete').map((e) => e.details)).toEqual([
      { taskId: task.id, taskName: 'Clean up', change: 'delete', proposalsRejected: 1 },
    ]);
    expect(await codeOf(setTaskEnabled({ id: task.id, enabled: false }, ADMIN, rig))).toBe('NOT_FOUND');
    expect(await codeOf(deleteTask('nope', ADMIN, rig))).toBe('NOT_FOUND');
  });
});
