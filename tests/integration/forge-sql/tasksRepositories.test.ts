import { useForgeRuntime } from '../../support/forgeRuntime';
import type { Task } from '../../../src/domain/model/task';
import { proposalExpiry, type TaskProposal, type TaskRun } from '../../../src/domain/model/taskRecords';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { SqlTaskNoticeRepository } from '../../../src/adapters/forge-sql/tasks/sqlTaskNoticeRepository';
import { SqlTaskProposalRepository } from '../../../src/adapters/forge-sql/tasks/sqlTaskProposalRepository';
import { SqlTaskRepository } from '../../../src/adapters/forge-sql/tasks/sqlTaskRepository';
import { NOW } from './support/seedDirectory';

useForgeRuntime();
const tasks = new SqlTaskRepository();
const notices = new SqlTaskNoticeRepository();
const proposals = new SqlTaskProposalRepository();

const at = (minutes: number): Date => new Date(NOW.getTime() + minutes * 60_000 + 123);
const HOUR = 60;

const aTask = (id: string, overrides: Partial<Task> = {}): Task => ({
  id,
  name: `Task ${id}`,
  enabled: true,
  rule: { kind: 'inactive', minInactiveDays: 90, products: ['jira-software', 'confluence'] },
  filter: { includeGroupIds: ['g-1'], excludeGroupIds: [], accountTypes: ['managed'], billableOnly: true },
  action: { type: 'propose', change: { type: 'revoke', products: [{ productKey: 'jira-software', resourceId: 'ari:site/1' }] } },
  schedule: { days: [1, 3], hour: 5 },
  noticeDays: 7,
  safetyCap: 250,
  createdAt: at(0),
  updatedAt: at(0),
  createdBy: 'admin-1',
  deletedAt: null,
  ...overrides,
});

const aRun = (id: string, overrides: Partial<TaskRun> = {}): TaskRun => ({
  id,
  taskId: 'task-a',
  trigger: 'schedule',
  slotAt: at(HOUR),
  startedAt: at(HOUR + 1),
  finishedAt: null,
  status: 'running',
  reason: null,
  counts: { matched: 0, changed: 0, failed: 0, skipped: 0, announced: 0 },
  jobId: null,
  ...overrides,
});

beforeAll(async () => {
  await ensureSchema();
});

describe('SqlTaskRepository: tasks (T4)', () => {
  it('stores a task as given and lists those not deleted by name', async () => {
    await tasks.save(aTask('task-b', { name: 'Beta' }), null);
    await tasks.save(aTask('task-a', { name: 'Alpha', rule: { kind: 'seat-cap', product: { productKey: 'confluence', resourceId: 'ari:site/1' }, maxSeats: 10 } }), null);
    await tasks.save(aTask('task-c', { name: 'Alpha', action: { type: 'notify' }, schedule: { days: 'daily', hour: 23 } }), null);
    expect(await tasks.get('task-b')).toEqual(aTask('task-b', { name: 'Beta' }));
    expect(await tasks.get('missing')).toBeNull();
    expect((await tasks.list()).map((t) => t.id)).toEqual(['task-a', 'task-c', 'task-b']);
  });

  it('creating the same task again is accepted, a different one under a taken ID is a CONFLICT', async () => {
    await expect(tasks.save(aTask('task-b', { name: 'Beta' }), null)).resolves.toBeUndefined();
    await expect(tasks.save(aTask('task-b', { name: 'Other', updatedAt: at(5) }), null)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await tasks.get('task-b'))?.name).toBe('Beta');
  });

  it('an edit saved against a stale updatedAt is a CONFLICT and changes nothing', async () => {
    const first = aTask('task-b', { name: 'Beta 2', enabled: false, noticeDays: 0, updatedAt: at(10) });
    await tasks.save(first, at(0));
    await tasks.save(first, at(0)); // a retried request whose first attempt landed
    const second = aTask('task-b', { name: 'Beta 3', updatedAt: at(11) });
    await expect(tasks.save(second, at(0))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await tasks.get('task-b')).toEqual(first);
    await expect(tasks.save(aTask('nope', { updatedAt: at(12) }), at(0))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a deleted task keeps its record, is no longer listed nor editable; deleting is idempotent', async () => {
    await tasks.markDeleted('task-c', at(20));
    await tasks.markDeleted('task-c', at(30));
    expect((await tasks.get('task-c'))?.deletedAt).toEqual(at(20));
    expect((await tasks.list()).map((t) => t.id)).toEqual(['task-a', 'task-b']);
    await expect(tasks.save(aTask('task-c', { updatedAt: at(31) }), at(0))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(tasks.markDeleted('nope', at(20))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('SqlTaskRepository: runs (T3)', () => {
  it('records a scheduled run once per (task, slot): a second tick gets the first run back', async () => {
    const first = await tasks.startRun(aRun('run-1'));
    expect(first).toEqual({ run: aRun('run-1'), created: true });
    const second = await tasks.startRun(aRun('run-2', { startedAt: at(HOUR + 2) }));
    expect(second).toEqual({ run: aRun('run-1'), created: false });
    const racing = await Promise.all([tasks.startRun(aRun('run-3', { slotAt: at(2 * HOUR) })), tasks.startRun(aRun('run-4', { slotAt: at(2 * HOUR) }))]);
    expect(racing.filter((r) => r.created)).toHaveLength(1);
    expect(racing[0].run.id).toBe(racing[1].run.id);
    const ofSlot = (await tasks.runs('task-a', 50, null)).items.filter((r) => r.slotAt?.getTime() === at(2 * HOUR).getTime());
    expect(ofSlot.map((r) => r.id)).toEqual([racing[0].run.id]);
    expect(await tasks.getRun('run-2')).toBeNull();
  });

  it('records every manual run, and a repeated start of the same run only once', async () => {
    const manual = aRun('run-m1', { trigger: 'manual', slotAt: null, startedAt: at(3 * HOUR) });
    expect((await tasks.startRun(manual)).created).toBe(true);
    expect(await tasks.startRun(manual)).toEqual({ run: manual, created: false });
    expect((await tasks.startRun(aRun('run-m2', { trigger: 'caller', slotAt: null, startedAt: at(3 * HOUR + 1) }))).created).toBe(true);
  });

  it('updates status, reason, counts, job and finish time only', async () => {
    const done = aRun('run-1', {
      status: 'failed', reason: 'safety-cap-exceeded', finishedAt: at(HOUR + 9), jobId: 'job-1',
      counts: { matched: 120, changed: 0, failed: 0, skipped: 20, announced: 0 },
    });
    await tasks.updateRun({ ...done, taskId: 'ignored', slotAt: null, trigger: 'manual' });
    expect(await tasks.getRun('run-1')).toEqual(done);
    await expect(tasks.updateRun(aRun('nope'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('pages history newest first, knows the latest scheduled run, the latest per task and runs by status', async () => {
    await tasks.startRun(aRun('run-b1', { taskId: 'task-b', slotAt: at(HOUR), startedAt: at(HOUR + 5) }));
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof tasks.runs>> = await tasks.runs('task-a', 2, after);
      seen.push(...page.items.map((r) => r.id));
      after = page.next;
    } while (after !== null);
    const history = ['run-m2', 'run-m1', seen.find((id) => id === 'run-3' || id === 'run-4') ?? '', 'run-1'];
    expect(seen).toEqual(history);
    expect((await tasks.latestScheduledRun('task-a'))?.slotAt).toEqual(at(2 * HOUR));
    expect(await tasks.latestScheduledRun('task-z')).toBeNull();
    const latest = await tasks.latestRuns(['task-a', 'task-b', 'task-z']);
    expect([...latest].map(([id, run]) => [id, run.id])).toEqual(expect.arrayContaining([['task-a', 'run-m2'], ['task-b', 'run-b1']]));
    expect(latest.size).toBe(2);
    expect((await tasks.runsWithStatus(['failed'], 10)).map((r) => r.id)).toEqual(['run-1']);
    expect((await tasks.runsWithStatus(['running', 'failed'], 10)).length).toBe(5);
    await expect(tasks.runs('task-a', 0, null)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(tasks.runs('task-a', 10, 'garbage')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('SqlTaskNoticeRepository (T5)', () => {
  it('keeps the first notice of a user, clears some or all of a task', async () => {
    const notice = (accountId: string, announcedAt: Date, taskId = 'task-a') => ({ taskId, accountId, announcedAt, plannedChangeAt: at(7 * 24 * HOUR) });
    await notices.add([notice('u-1', at(0)), notice('u-2', at(0)), notice('u-1', at(0), 'task-b')]);
    await notices.add([notice('u-1', at(24 * HOUR)), notice('u-3', at(24 * HOUR)), { ...notice('u-4', at(24 * HOUR)), plannedChangeAt: null }]);
    expect(await notices.forTask('task-a')).toEqual([notice('u-1', at(0)), notice('u-2', at(0)), notice('u-3', at(24 * HOUR)), { ...notice('u-4', at(24 * HOUR)), plannedChangeAt: null }]);
    await notices.clear('task-a', ['u-2', 'u-9', 'u-2']);
    expect((await notices.forTask('task-a')).map((n) => n.accountId)).toEqual(['u-1', 'u-3', 'u-4']);
    await notices.clearTask('task-a');
    expect(await notices.forTask('task-a')).toEqual([]);
    expect((await notices.forTask('task-b')).map((n) => n.accountId)).toEqual(['u-1']);
  });

  it('reads more notices than one page holds', async () => {
    const many = Array.from({ length: 25_000 }, (_, i) => ({ taskId: 'task-many', accountId: `557058:${String(i).padStart(36, '0')}`, announcedAt: at(0), plannedChangeAt: null }));
    await notices.add(many);
    expect(await notices.forTask('task-many')).toEqual(many);
  }, 120_000);
});

describe('SqlTaskProposalRepository (T6)', () => {
  const aProposal = (id: string, runId: string, createdAt: Date, accountIds = ['u-1', 'u-2']): TaskProposal => ({
    id, taskId: 'task-a', runId, change: { type: 'deactivate' }, accountIds, createdAt, expiresAt: proposalExpiry(createdAt),
    status: 'pending', decidedAt: null, decidedBy: null, jobId: null,
  });
  const admin = (accountId: string) => ({ kind: 'admin' as const, accountId });

  it('creates a proposal once per run: a re-delivered run gets the stored one back', async () => {
    const big = Array.from({ length: 10_000 }, (_, i) => `557058:${String(i).padStart(36, '0')}`);
    expect(await proposals.create(aProposal('p-1', 'run-1', at(0), big))).toEqual(aProposal('p-1', 'run-1', at(0), big));
    expect(await proposals.create(aProposal('p-1b', 'run-1', at(5)))).toEqual(aProposal('p-1', 'run-1', at(0), big));
    await expect(proposals.create(aProposal('p-1', 'run-other', at(5)))).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await proposals.get('p-1b')).toBeNull();
  });

  it('decides once: of two racing decisions exactly one wins', async () => {
    await proposals.create(aProposal('p-2', 'run-2', at(10)));
    const decisions = await Promise.all([
      proposals.decide('p-2', { status: 'approved', by: admin('a-1'), at: at(20), jobId: 'job-9' }, at(20)),
      proposals.decide('p-2', { status: 'rejected', by: admin('a-2'), at: at(20), jobId: null }, at(20)),
    ]);
    const won = decisions.filter((d) => d !== null);
    expect(won).toHaveLength(1);
    expect(await proposals.get('p-2')).toEqual(won[0]);
    expect(won[0]?.decidedAt).toEqual(at(20));
    expect(await proposals.decide('p-2', { status: 'rejected', by: admin('a-3'), at: at(30), jobId: null }, at(30))).toBeNull();
  });

  it('refuses to decide an expired proposal, and expiry marks each pending one once', async () => {
    await proposals.create(aProposal('p-3', 'run-3', at(40)));
    const late = new Date(proposalExpiry(at(40)).getTime());
    expect(await proposals.decide('p-3', { status: 'approved', by: admin('a-1'), at: late, jobId: 'job-1' }, late)).toBeNull();
    expect((await proposals.get('p-3'))?.status).toBe('pending');
    const justBefore = new Date(proposalExpiry(at(0)).getTime() - 1);
    expect(await proposals.expire(justBefore)).toEqual([]);
    const expired = await proposals.expire(late);
    expect(expired.map((p) => [p.id, p.status, p.decidedAt])).toEqual([['p-1', 'expired', late], ['p-3', 'expired', late]]);
    expect(await proposals.expire(late)).toEqual([]);
  });

  it('lists proposals by status, newest first', async () => {
    await proposals.create(aProposal('p-4', 'run-4', at(50)));
    await proposals.create(aProposal('p-5', 'run-5', at(60)));
    expect((await proposals.list('pending', 10)).map((p) => p.id)).toEqual(['p-5', 'p-4']);
    expect((await proposals.list('pending', 1)).map((p) => p.id)).toEqual(['p-5']);
    expect((await proposals.list('expired', 10)).map((p) => p.id)).toEqual(['p-3', 'p-1']);
    await expect(proposals.list('pending', 0)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
