import { DomainError } from '../../../../../src/domain/model/errors';
import { listTasks } from '../../../../../src/domain/usecases/tasks/manage/listTasks';
import { saveTask } from '../../../../../src/domain/usecases/tasks/manage/saveTask';
import { NOW } from '../../fixtures';
import { aTask } from '../taskSupport';
import { ADMIN, manageRig, type ManageRig } from './manageSupport';

const HOUR = 60 * 60 * 1000;

const create = (rig: ManageRig, overrides: Parameters<typeof aTask>[0] = {}) =>
  saveTask({ id: null, expectedUpdatedAt: null, task: aTask(overrides) }, ADMIN, rig);

const failure = async (promise: Promise<unknown>): Promise<DomainError> => {
  const error: unknown = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
};

describe('saving a task (T4)', () => {
  it('creates a task, audits it without personal data, and lists it', async () => {
    const rig = manageRig();
    const saved = await create(rig, { name: 'Contractors out', filter: { includeGroupIds: ['g-contractors'], excludeGroupIds: [], accountTypes: ['external'], billableOnly: true } });
    expect(saved.task).toMatchObject({ id: 'task-1', name: 'Contractors out', createdAt: NOW, updatedAt: NOW, groupNames: { 'g-contractors': 'Contractors' } });
    expect(saved.warnings).toEqual([]);
    expect((await rig.tasks.get('task-1'))?.createdBy).toBe('acc-admin');
    expect(rig.audit.list.map((e) => [e.action, e.actor, e.targetAccountId, e.details])).toEqual([
      ['task.update', ADMIN, null, { taskId: 'task-1', taskName: 'Contractors out', change: 'create' }],
    ]);
  });

  it('refuses bad input with a named rule per field and saves nothing', async () => {
    const rig = manageRig();
    const error = await failure(create(rig, { name: ' ', schedule: { days: 'daily', hour: 3 }, noticeDays: 31 }));
    expect(error.code).toBe('VALIDATION_FAILED');
    const issues = (error.details?.issues ?? []) as { path: string; messageKey: string }[];
    expect(issues.map((i) => [i.path, i.messageKey])).toEqual(expect.arrayContaining([['name', 'validation.task.name-required'], ['noticeDays', 'validation.task.notice-out-of-range']]));
    expect(await failure(create(rig, { schedule: { days: 'daily', hour: 3 } }))).toMatchObject({
      details: { issues: [{ path: 'schedule.hour', messageKey: 'validation.task.schedule-in-sync-slot' }] },
    });
    expect(rig.tasks.tasks.size).toBe(0);
    expect(rig.audit.list).toEqual([]);
  });

  it('saves a schedule right after the sync of a large organization, with a warning', async () => {
    const rig = manageRig({ userCount: 50_000 });
    const saved = await create(rig, { schedule: { days: 'daily', hour: 4 } });
    expect(saved.warnings).toEqual([{ code: 'task.schedule-after-sync', path: 'schedule.hour', hoursAfterSync: 1 }]);
    expect(rig.tasks.tasks.size).toBe(1);
  });

  it('edits a task: audits the fields changed; CONFLICT when someone saved it since the editor loaded it', async () => {
    const rig = manageRig();
    const { task } = await create(rig);
    rig.clock.advance(HOUR);
    const edited = await saveTask({ id: task.id, expectedUpdatedAt: task.updatedAt, task: aTask({ name: 'Renamed', safetyCap: 20 }) }, ADMIN, rig);
    expect(edited.task).toMatchObject({ name: 'Renamed', safetyCap: 20, createdAt: NOW, updatedAt: new Date(NOW.getTime() + HOUR) });
    expect(rig.audit.list.at(-1)?.details).toEqual({ taskId: task.id, taskName: 'Renamed', change: 'edit', fields: 'name,safetyCap' });
    const stale = await failure(saveTask({ id: task.id, expectedUpdatedAt: task.updatedAt, task: aTask({ name: 'Mine' }) }, ADMIN, rig));
    expect(stale.code).toBe('CONFLICT');
    expect((await rig.tasks.get(task.id))?.name).toBe('Renamed');
    expect(rig.audit.list).toHaveLength(2);
  });

  it('saving an unchanged task changes and audits nothing', async () => {
    const rig = manageRig();
    const { task } = await create(rig);
    rig.clock.advance(HOUR);
    const again = await saveTask({ id: task.id, expectedUpdatedAt: task.updatedAt, task: aTask() }, ADMIN, rig);
    expect(again.task.updatedAt).toEqual(NOW);
    expect(rig.audit.list).toHaveLength(1);
  });

  it('clears the notices when the rule, action or notice period changes, not when the name or schedule does', async () => {
    const rig = manageRig();
    const { task } = await create(rig, { noticeDays: 3 });
    const announce = () => rig.notices.add([{ taskId: task.id, accountId: 'u-1', announcedAt: NOW, plannedChangeAt: null }]);
    await announce();
    let updatedAt = task.updatedAt;
    const edit = async (overrides: Parameters<typeof aTask>[0]): Promise<number> => {
      rig.clock.advance(HOUR);
      ({ updatedAt } = (await saveTask({ id: task.id, expectedUpdatedAt: updatedAt, task: aTask({ noticeDays: 3, ...overrides }) }, ADMIN, rig)).task);
      const left = rig.notices.rows.length;
      await announce();
      return left;
    };
    expect(await edit({ name: 'Other name', schedule: { days: [1, 3], hour: 6 } })).toBe(1);
    expect(await edit({ name: 'Other name', schedule: { days: [1, 3], hour: 6 }, rule: { kind: 'inactive', minInactiveDays: 60, products: 'all' } })).toBe(0);
    expect(await edit({ name: 'Other name', schedule: { days: [1, 3], hour: 6 }, rule: { kind: 'inactive', minInactiveDays: 60, products: 'all' }, noticeDays: 5 })).toBe(0);
  });

  it('an edit of a deleted or unknown task is NOT_FOUND', async () => {
    const rig = manageRig();
    expect((await failure(saveTask({ id: 'nope', expectedUpdatedAt: null, task: aTask() }, ADMIN, rig))).code).toBe('NOT_FOUND');
  });
});

describe('the task list (T4)', () => {
  it('shows each task with its next run in the site zone (none while disabled) and its last outcome', async () => {
    const rig = manageRig({ settings: { sync: { hour: 3, timeZone: 'Europe/Berlin' } } });
    const daily = (await create(rig, { name: 'B daily', schedule: { days: 'daily', hour: 5 } })).task;
    await create(rig, { name: 'A off', enabled: false });
    await rig.tasks.startRun({
      id: 'run-1', taskId: daily.id, trigger: 'schedule', slotAt: NOW, startedAt: NOW, finishedAt: NOW, status: 'failed', reason: 'safety-cap-exceeded', jobId: null,
      counts: { matched: 0, changed: 0, failed: 0, skipped: 0, announced: 0 },
    });
    const list = await listTasks(rig);
    expect(list).toMatchObject({ timeZone: 'Europe/Berlin', syncHour: 3 });
    expect(list.items.map((i) => [i.name, i.nextRunAt, i.lastRun])).toEqual([
      ['A off', null, null],
      // 2025-06-15 12:00 UTC is 14:00 in Berlin (summer time): the next 05:00 there is 03:00 UTC the next day.
      ['B daily', new Date('2025-06-16T03:00:00Z'), { status: 'failed', reason: 'safety-cap-exceeded', startedAt: NOW, finishedAt: NOW }],
    ]);
  });
});
