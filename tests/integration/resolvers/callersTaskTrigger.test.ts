import { responses, useAppRig } from './support/harness';
import { adminWithSeededOrg } from './support/seed';
import { SqlTaskRepository } from '../../../src/adapters/forge-sql/tasks/sqlTaskRepository';
import type { AuditPageDto, CallersCreateDto, CallersListDto } from '../../../src/contract';
import type { Task } from '../../../src/domain/model/task';

/** S10 + T2/T3: an automation runs or dry-runs an automated task through the callers' web trigger. */
const rig = useAppRig(40);
let admin = '';
let url = '';
let caller: CallersCreateDto;
let dryOnly: CallersCreateDto;

const post = async (token: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> => {
  const headers = { 'content-type': ['application/json'], authorization: [`Bearer ${token}`] };
  const answer = await rig.rt.runtime.webTriggers.call({ method: 'POST', url: new URL(url).pathname, headers, body: JSON.stringify(body) });
  responses.push(answer);
  return { status: answer.status, json: answer.body === '' ? {} : (JSON.parse(answer.body) as Record<string, unknown>) };
};

const task = (id: string, name: string): Task => ({
  id, name, enabled: true,
  rule: { kind: 'inactive', minInactiveDays: 60, products: 'all' },
  filter: { includeGroupIds: [], excludeGroupIds: [], accountTypes: ['managed', 'external'], billableOnly: false },
  action: { type: 'deactivate' }, schedule: { days: 'daily', hour: 5 }, noticeDays: 0, safetyCap: 100,
  createdAt: new Date(), updatedAt: new Date(), createdBy: null, deletedAt: null,
});

beforeAll(async () => {
  ({ admin } = await adminWithSeededOrg(rig));
  await rig.ok(admin, 'settings.save', { protectedEmails: [] });
  caller = (await rig.ok(admin, 'callers.create', { name: 'Nightly clean-up', actions: ['task-run', 'task-dry-run'] })) as CallersCreateDto;
  dryOnly = (await rig.ok(admin, 'callers.create', { name: 'Report', actions: ['task-dry-run'] })) as CallersCreateDto;
  url = ((await rig.ok(admin, 'callers.list')) as CallersListDto).url ?? '';
  await new SqlTaskRepository().save(task('t-idle', 'Idle for two months'), null);
  await new SqlTaskRepository().save(task('t-twin-1', 'Twin'), null);
  await new SqlTaskRepository().save(task('t-twin-2', 'twin'), null);
  jest.spyOn(console, 'log').mockImplementation(() => undefined);
}, 60_000);

afterAll(() => { jest.restoreAllMocks(); });

describe('automated tasks through the callers\' web trigger', () => {
  let changing: { accountId: string; email: string | null; methods: string[] }[] = [];

  it('dry-runs a task by name: counts and the users it would change, nothing changed', async () => {
    const answer = await post(dryOnly.token, { action: 'task-dry-run', task: 'idle for TWO months' });
    expect(answer).toMatchObject({ status: 200, json: { taskId: 't-idle', taskName: 'Idle for two months', truncated: false } });
    changing = answer.json.users as typeof changing;
    expect(changing.length).toBeGreaterThan(0);
    expect(answer.json.willChange).toBe(changing.length);
    expect(Number(answer.json.total)).toBe(Number(answer.json.willChange) + Number(answer.json.skipped));
    for (const user of changing) expect(rig.sim.state.user(user.accountId)?.accountStatus).toBe('active');
    expect(rig.rt.runtime.queue.pending).toHaveLength(0);
  });

  it('refuses a run to a caller that may only dry-run, an unknown task and a shared name', async () => {
    expect(await post(dryOnly.token, { action: 'task-run', task: 't-idle' })).toEqual({ status: 403, json: { code: 'ACTION_NOT_ALLOWED' } });
    expect(await post(caller.token, { action: 'task-run', task: 'No such task' })).toEqual({ status: 404, json: { code: 'TASK_NOT_FOUND' } });
    expect(await post(caller.token, { action: 'task-dry-run', task: 'TWIN' })).toMatchObject({ status: 400, json: { code: 'TASK_NAME_AMBIGUOUS' } });
  });

  it('starts the run: 202 with the run, the users changed in the directory, audited with the task and the caller', async () => {
    const answer = await post(caller.token, { action: 'task-run', task: 't-idle' });
    expect(answer).toMatchObject({ status: 202, json: { taskId: 't-idle', taskName: 'Idle for two months', status: 'running', reason: null } });
    await rig.rt.runtime.queue.drain();
    const run = await new SqlTaskRepository().getRun(String(answer.json.runId));
    expect(run).toMatchObject({ trigger: 'caller', status: 'succeeded', counts: { changed: changing.length, failed: 0 } });
    for (const user of changing) expect(rig.sim.state.user(user.accountId)?.membershipStatus === 'suspended' || rig.sim.state.user(user.accountId)?.accountStatus === 'inactive').toBe(true);
    const audit = (await rig.ok(admin, 'audit.list', { actions: ['task.run', 'user.deactivate', 'user.suspend'], limit: 100 })) as AuditPageDto;
    expect(audit.items.some((e) => e.action === 'task.run' && e.actor.kind === 'caller' && e.actor.callerId === caller.caller.id)).toBe(true);
    const changes = audit.items.filter((e) => e.action !== 'task.run' && e.outcome === 'succeeded');
    expect(changes.map((e) => e.targetAccountId).sort()).toEqual(changing.map((u) => u.accountId).sort());
    for (const entry of changes) expect(entry.actor).toMatchObject({ kind: 'task', taskId: 't-idle' });
  });
});
