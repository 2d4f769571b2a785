import { SIM_KEY, useAppRig } from './support/harness';
import { SqlAuditLog } from '../../../src/adapters/forge-sql/audit/sqlAuditLog';
import { SqlTaskNoticeRepository } from '../../../src/adapters/forge-sql/tasks/sqlTaskNoticeRepository';
import { SqlTaskProposalRepository } from '../../../src/adapters/forge-sql/tasks/sqlTaskProposalRepository';
import { SqlTaskRepository } from '../../../src/adapters/forge-sql/tasks/sqlTaskRepository';
import type { TaskDefinitionDto, TaskSavedDto, TasksListDto } from '../../../src/contract';
import { proposalExpiry } from '../../../src/domain/model/taskRecords';

const rig = useAppRig(5);
let admin = '';

const definition = (overrides: Partial<TaskDefinitionDto> = {}): TaskDefinitionDto => ({
  name: 'Overdue contractors',
  enabled: true,
  rule: { kind: 'inactive', minInactiveDays: 60, products: 'all' },
  filter: { includeGroupIds: [], excludeGroupIds: [], accountTypes: ['external'], billableOnly: true },
  action: { type: 'deactivate' },
  schedule: { days: [1, 4], hour: 9 },
  noticeDays: 2,
  safetyCap: 25,
  ...overrides,
});

const save = async (payload: unknown): Promise<TaskSavedDto> => (await rig.ok(admin, 'tasks.save', payload)) as TaskSavedDto;
const taskAudit = async () => (await new SqlAuditLog().query({ actions: ['task.update'], limit: 100, after: null })).items;

beforeAll(async () => {
  admin = rig.sim.state.org.users[0]?.accountId ?? '';
  rig.jiraAdmins.add(admin);
  await rig.ok(admin, 'apiKey.save', { key: SIM_KEY, orgId: rig.sim.state.org.id });
}, 60_000);

describe('tasks.* resolvers through the runtime, over Forge SQL (T4)', () => {
  it('creates, lists with its next run, edits with a conflict guard, and audits each change', async () => {
    const { task } = await save({ id: null, expectedUpdatedAt: null, task: definition() });
    const list = (await rig.ok(admin, 'tasks.list')) as TasksListDto;
    expect(list).toMatchObject({ timeZone: 'UTC', syncHour: 3 });
    const listed = list.items.find((i) => i.id === task.id);
    expect(listed).toMatchObject({ name: 'Overdue contractors', noticeDays: 2, safetyCap: 25, lastRun: null });
    expect(new Date(listed?.nextRunAt ?? '').getUTCHours()).toBe(9);
    expect([1, 4]).toContain(new Date(listed?.nextRunAt ?? '').getUTCDay());
    expect(await rig.ok(admin, 'tasks.get', { id: task.id })).toEqual(task);

    const edited = await save({ id: task.id, expectedUpdatedAt: task.updatedAt, task: definition({ safetyCap: 10 }) });
    expect(edited.task.safetyCap).toBe(10);
    expect(await rig.invoke(admin, 'tasks.save', { id: task.id, expectedUpdatedAt: task.updatedAt, task: definition({ name: 'Stale' }) })).toMatchObject({
      ok: false, error: { code: 'CONFLICT' },
    });
    const again = await save({ id: task.id, expectedUpdatedAt: edited.task.updatedAt, task: definition({ safetyCap: 10, name: 'Renamed' }) });
    expect(again.task.name).toBe('Renamed');
    const details = (await taskAudit()).filter((e) => e.details.taskId === task.id).map((e) => [e.actor, e.details.change, e.details.fields ?? null]);
    expect(details).toEqual([
      [{ kind: 'admin', accountId: admin }, 'edit', 'name'],
      [{ kind: 'admin', accountId: admin }, 'edit', 'safetyCap'],
      [{ kind: 'admin', accountId: admin }, 'create', null],
    ]);
  });

  it('refuses a task in the sync hour with the translated rule, and saves nothing', async () => {
    const before = ((await rig.ok(admin, 'tasks.list')) as TasksListDto).items.length;
    expect(await rig.invoke(admin, 'tasks.save', { id: null, expectedUpdatedAt: null, task: definition({ schedule: { days: 'daily', hour: 3 }, safetyCap: 0 }) })).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        details: { issues: expect.arrayContaining([{ path: 'safetyCap', messageKey: 'validation.task.safety-cap-out-of-range', message: expect.any(String) as unknown }]) as unknown },
      },
    });
    expect(((await rig.ok(admin, 'tasks.list')) as TasksListDto).items.length).toBe(before);
  });

  it('duplicates as a disabled copy, disables, and deletes: history kept, notices cleared, pending proposals rejected', async () => {
    const { task } = await save({ id: null, expectedUpdatedAt: null, task: definition({ name: 'To delete', action: { type: 'propose', change: { type: 'deactivate' } } }) });
    const copy = (await rig.ok(admin, 'tasks.duplicate', { id: task.id, name: 'Copy of To delete' })) as TaskSavedDto;
    expect(copy.task).toMatchObject({ name: 'Copy of To delete', enabled: false, rule: task.rule });
    const off = (await rig.ok(admin, 'tasks.setEnabled', { id: task.id, enabled: false })) as TaskSavedDto;
    expect(off.task.enabled).toBe(false);

    const now = new Date();
    await new SqlTaskNoticeRepository().add([{ taskId: task.id, accountId: admin, announcedAt: now, plannedChangeAt: null }]);
    const proposals = new SqlTaskProposalRepository();
    await proposals.create({
      id: `p-${task.id}`, taskId: task.id, runId: `r-${task.id}`, change: { type: 'deactivate' }, accountIds: [admin], createdAt: now,
      expiresAt: proposalExpiry(now), status: 'pending', decidedAt: null, decidedBy: null, jobId: null,
    });
    expect(await rig.ok(admin, 'tasks.delete', { id: task.id })).toEqual({ deleted: true });
    expect(((await rig.ok(admin, 'tasks.list')) as TasksListDto).items.map((i) => i.id)).not.toContain(task.id);
    expect(await rig.invoke(admin, 'tasks.get', { id: task.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect((await new SqlTaskRepository().get(task.id))?.deletedAt).not.toBeNull();
    expect(await new SqlTaskNoticeRepository().forTask(task.id)).toEqual([]);
    expect(await proposals.get(`p-${task.id}`)).toMatchObject({ status: 'rejected', decidedBy: { kind: 'admin', accountId: admin } });
    const changes = (await taskAudit()).filter((e) => e.details.taskId === task.id || e.details.taskId === copy.task.id).map((e) => e.details.change);
    expect(changes).toEqual(['delete', 'disable', 'duplicate', 'create']);
  });
});
