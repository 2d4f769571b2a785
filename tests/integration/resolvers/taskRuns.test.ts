import { useAppRig } from './support/harness';
import { adminWithSeededOrg } from './support/seed';
import { SqlTaskProposalRepository } from '../../../src/adapters/forge-sql/tasks/sqlTaskProposalRepository';
import { SqlTaskRepository } from '../../../src/adapters/forge-sql/tasks/sqlTaskRepository';
import type { DryRunDto, JobListItemDto, ProposalDto, TaskProposalDetailDto, TaskRunDetailDto, TaskRunDto } from '../../../src/contract';
import type { Task } from '../../../src/domain/model/task';
import { proposalExpiry, type TaskProposal } from '../../../src/domain/model/taskRecords';
import type { User } from '../../../src/domain/model/user';

const rig = useAppRig(60);
let admin = '';
let users: User[] = [];
const tasks = new SqlTaskRepository();
const proposals = new SqlTaskProposalRepository();

const definition = {
  name: 'Idle cleanup',
  enabled: true,
  rule: { kind: 'inactive' as const, minInactiveDays: 30, products: 'all' as const },
  filter: { includeGroupIds: [], excludeGroupIds: [], accountTypes: ['managed' as const, 'external' as const], billableOnly: false },
  action: { type: 'deactivate' as const },
  schedule: { days: 'daily' as const, hour: 5 },
  noticeDays: 0,
  safetyCap: 10_000,
};
const saved = (id: string, overrides: Partial<Task> = {}): Task => ({ ...definition, id, createdAt: new Date(), updatedAt: new Date(), createdBy: admin, deletedAt: null, ...overrides });

const aProposal = (id: string, accountIds: string[]): TaskProposal => {
  const createdAt = new Date();
  return { id, taskId: 'review-task', runId: `run-${id}`, change: { type: 'deactivate' }, accountIds, createdAt, expiresAt: proposalExpiry(createdAt), status: 'pending', decidedAt: null, decidedBy: null, jobId: null };
};

beforeAll(async () => {
  ({ admin, users } = await adminWithSeededOrg(rig));
  await tasks.save(saved('idle-task'), null);
  await tasks.save(saved('review-task', { name: 'Reviewed cleanup', action: { type: 'propose', change: { type: 'deactivate' } } }), null);
}, 60_000);

/** Every page of a dry run, following `next` as the screen and the CSV export do. */
const allPages = async (payload: Record<string, unknown>): Promise<DryRunDto[]> => {
  const pages: DryRunDto[] = [];
  let after: string | null = null;
  do {
    const page = (await rig.ok(admin, 'tasks.dryRun', { ...payload, limit: 7, after })) as DryRunDto;
    pages.push(page);
    after = page.next;
  } while (after !== null);
  return pages;
};

describe('a task\'s dry run, Run now, run history and proposals through the resolvers (T2, T3, T4, T6)', () => {
  it('dry-runs a saved task over the synced users: counts by reason, every user once across the pages, filters', async () => {
    const pages = await allPages({ taskId: 'idle-task' });
    const { summary } = pages[0]!;
    const items = pages.flatMap((p) => p.items);
    expect(summary.total).toBeGreaterThan(7);
    expect(summary.willChange).toBeGreaterThan(0);
    expect(summary.willChange + summary.skipped).toBe(summary.total);
    expect(new Set(items.map((i) => i.accountId)).size).toBe(summary.total);
    const names = new Map(users.map((u) => [u.accountId, u.name]));
    expect(items.every((i) => i.name === names.get(i.accountId))).toBe(true);

    const willChange = (await allPages({ taskId: 'idle-task', decision: 'will-change' })).flatMap((p) => p.items);
    expect(willChange).toHaveLength(summary.willChange);
    expect(willChange.every((i) => i.decision === 'will-change' && i.methods.length > 0 && (i.inactiveDays ?? 0) >= 30)).toBe(true);
    const [reason, count] = Object.entries(summary.skippedByReason)[0]!;
    const skipped = (await allPages({ taskId: 'idle-task', decision: 'skip', reason })).flatMap((p) => p.items);
    expect(skipped.map((i) => i.reason)).toEqual(Array.from({ length: count }, () => reason));
  }, 120_000);

  it('dry-runs the editor\'s unsaved definition, refusing it with translated issues when invalid', async () => {
    const draft = (await rig.ok(admin, 'tasks.dryRun', { definition: { ...definition, safetyCap: 1 } })) as DryRunDto;
    expect(draft.safety).toMatchObject({ status: 'over-cap', cap: 1 });
    expect(draft.summary.willChange).toBe(0);
    expect(await rig.invoke(admin, 'tasks.dryRun', { definition: { ...definition, schedule: { days: 'daily', hour: 3 } } })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'schedule.hour', messageKey: 'validation.task.schedule-in-sync-slot' }] } },
    });
    expect(await rig.invoke(admin, 'tasks.dryRun', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await rig.invoke(admin, 'tasks.dryRun', { taskId: 'none-such' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  }, 60_000);

  it('runs a task now: the run is in its history and detail; a second Run now while it runs is refused', async () => {
    const run = (await rig.ok(admin, 'tasks.runNow', { taskId: 'idle-task' })) as TaskRunDto;
    expect(run).toMatchObject({ taskId: 'idle-task', trigger: 'manual', status: 'running', slotAt: null, hasResults: false });
    expect(run).not.toHaveProperty('jobId');
    expect(await rig.invoke(admin, 'tasks.runNow', { taskId: 'idle-task' })).toMatchObject({ ok: false, error: { code: 'LOCK_HELD' } });
    const history = (await rig.ok(admin, 'tasks.runs', { taskId: 'idle-task' })) as { items: TaskRunDto[]; next: string | null };
    expect(history.items.map((r) => r.runId)).toEqual([run.runId]);
    const detail = (await rig.ok(admin, 'tasks.runDetail', { runId: run.runId })) as TaskRunDetailDto;
    expect(detail).toMatchObject({ taskName: 'Idle cleanup', run: { runId: run.runId, status: 'running' } });

    await rig.rt.runtime.queue.drain();
    const finished = (await rig.ok(admin, 'tasks.runDetail', { runId: run.runId, limit: 500 })) as TaskRunDetailDto;
    expect(finished.run.status).not.toBe('running');
    expect(finished.run.hasResults).toBe(true);
    const { changed, failed, skipped } = finished.run.counts;
    expect(changed).toBeGreaterThan(0);
    expect(finished.results.items).toHaveLength(changed + failed + skipped);
    const succeeded = (await rig.ok(admin, 'tasks.runDetail', { runId: run.runId, limit: 500, outcome: 'succeeded' })) as TaskRunDetailDto;
    expect(succeeded.results.items).toHaveLength(changed);
    expect(succeeded.results.items.every((r) => r.messageKey === 'bulk.outcomes.succeeded')).toBe(true);
    const jobs = ((await rig.ok(admin, 'jobs.list', {})) as { items: JobListItemDto[] }).items;
    expect(jobs.find((j) => j.kind === 'bulk-action')).toMatchObject({ startedByTask: { id: 'idle-task', name: 'Idle cleanup' }, succeeded: changed });
  }, 120_000);

  it('lists proposals waiting for review, opens one with its users, rejects one and approves another, each once', async () => {
    const [a, b, c] = users;
    await proposals.create(aProposal('p-reject', [a!.accountId, b!.accountId]));
    await proposals.create(aProposal('p-approve', [c!.accountId]));
    const pending = (await rig.ok(admin, 'tasks.proposals', {})) as { items: ProposalDto[] };
    expect(pending.items.map((p) => [p.proposalId, p.taskName, p.users]).sort()).toEqual([['p-approve', 'Reviewed cleanup', 1], ['p-reject', 'Reviewed cleanup', 2]]);
    const opened = (await rig.ok(admin, 'tasks.proposal', { proposalId: 'p-reject', limit: 1 })) as TaskProposalDetailDto;
    expect(opened.items).toEqual([{ accountId: a!.accountId, name: a!.name, email: a!.email }]);
    expect(opened.next).toBe('1');

    const rejected = (await rig.ok(admin, 'tasks.decideProposal', { proposalId: 'p-reject', decision: 'reject' })) as ProposalDto;
    expect(rejected).toMatchObject({ status: 'rejected', decidedByName: rig.sim.state.user(admin)?.name, jobId: null });
    expect(await rig.invoke(admin, 'tasks.decideProposal', { proposalId: 'p-reject', decision: 'approve' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const approved = (await rig.ok(admin, 'tasks.decideProposal', { proposalId: 'p-approve', decision: 'approve' })) as ProposalDto;
    expect(approved.status).toBe('approved');
    expect(((await rig.ok(admin, 'tasks.proposals', {})) as { items: ProposalDto[] }).items).toEqual([]);
    const decided = (await rig.ok(admin, 'tasks.proposals', { status: 'rejected' })) as { items: ProposalDto[] };
    expect(decided.items.map((p) => p.proposalId)).toEqual(['p-reject']);
  }, 60_000);
});
