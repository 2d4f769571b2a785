import { DomainError } from '../../model/errors';
import type { TaskDefinition } from '../../model/task';
import type { User } from '../../model/user';
import type { ActionMethod } from '../../policy/actionEligibility';
import type { InactivityState } from '../../policy/inactivityPolicy';
import type { TaskCandidates } from '../../ports/taskCandidates';
import type { TaskRepository } from '../../ports/taskRepository';
import { evaluateTask, type EvaluateTaskDeps } from './evaluateTask';
import type { TaskPlanSummary } from './planTask';
import type { SafetyVerdict } from './safetyCap';
import type { TaskPlanItem, TaskSkipReason } from './taskPlanItem';
import { offsetPage } from './offsetPage';
import { validateTask } from './validateTask';

/** What to dry-run: a saved task, the editor's unsaved definition (of a saved task when `taskId` is set too), or both. */
export interface DryRunSource {
  taskId: string | null;
  definition: unknown;
}

/** Which users to list: all, those who will change, or those skipped (for any reason, or for one). */
export interface DryRunFilter {
  decision: 'all' | 'will-change' | 'skip';
  reason: TaskSkipReason | null;
}

/** One user of the dry run as the admin recognises them: who, what changes and how, or why they are skipped. */
export interface DryRunItemView {
  accountId: string;
  name: string | null;
  email: string | null;
  decision: 'will-change' | 'skip';
  methods: (ActionMethod | 'notify')[];
  reason: TaskSkipReason | null;
  state: InactivityState | null;
  inactiveDays: number | null;
  seatRank: number | null;
  noticeUntil: Date | null;
  /** For `within-notice`: a run now would send this user's notice (not announced yet). */
  noticeNow: boolean;
  /** Names of the groups a revoke removes the user from, or of the IdP-synced groups behind an `idp-synced-group` skip. */
  groups: string[];
}

/** T2: the counts of the whole plan, and one page of its users matching the filter (`next`: the following page). */
export interface DryRunView {
  evaluatedAt: Date;
  summary: TaskPlanSummary;
  safety: { status: SafetyVerdict['status']; cap: number; wouldChange: number | null; wouldAnnounce: number | null };
  notices: { announce: number; clear: number };
  /** Users matching the filter, over every page. */
  matching: number;
  items: DryRunItemView[];
  next: string | null;
}

/** What a dry run reads: what evaluating a task reads, and the stored tasks. */
export interface DryRunDeps extends EvaluateTaskDeps {
  tasks: Pick<TaskRepository, 'get'>;
}

const invalid = (path: string, rule: string): DomainError =>
  new DomainError('VALIDATION_FAILED', 'Invalid dry run request', { issues: [{ path, messageKey: `taskRuns.validation.${rule}`, message: rule }] });

const definitionOf = async (source: DryRunSource, deps: DryRunDeps): Promise<{ id: string | null; task: TaskDefinition }> => {
  const saved = source.taskId === null ? null : await deps.tasks.get(source.taskId);
  if (source.taskId !== null && (saved === null || saved.deletedAt !== null)) throw new DomainError('NOT_FOUND', 'No such task', { taskId: source.taskId });
  if (source.definition === null || source.definition === undefined) {
    if (saved === null) throw invalid('definition', 'nothing-to-dry-run');
    return { id: saved.id, task: saved };
  }
  const settings = await deps.settings.load();
  const { task } = validateTask(source.definition, { syncHour: settings.sync.hour, userCount: 0 });
  return { id: saved?.id ?? null, task };
};

const matchesFilter = (item: TaskPlanItem, filter: DryRunFilter): boolean => {
  if (filter.decision === 'all') return true;
  if (item.decision !== filter.decision) return false;
  return filter.reason === null || (item.decision === 'skip' && item.reason === filter.reason);
};

const groupIdsOf = (item: TaskPlanItem): readonly string[] =>
  item.decision === 'skip' ? item.groupIds : item.changes.flatMap((c) => (c.method === 'group-remove' ? c.groupIds : []));

const toView = (item: TaskPlanItem, user: User | undefined, groupName: (id: string) => string | null, announced: ReadonlySet<string>): DryRunItemView => {
  const match = item.match;
  return {
    accountId: item.accountId,
    name: user?.name ?? null,
    email: user?.email ?? null,
    decision: item.decision,
    methods: item.decision === 'will-change' ? item.changes.map((c) => c.method) : [],
    reason: item.decision === 'skip' ? item.reason : null,
    state: match?.state ?? null,
    inactiveDays: match?.inactiveDays ?? null,
    seatRank: match?.seatRank ?? null,
    noticeUntil: item.decision === 'skip' ? item.noticeUntil : null,
    noticeNow: announced.has(item.accountId),
    groups: [...new Set(groupIdsOf(item))].flatMap((id) => groupName(id) ?? []),
  };
};

/**
 * T2 dry run: evaluates a saved task, or the editor's unsaved definition (validated as a save would), over the
 * synced copy now — who would change and how, who is skipped and why, counts by reason, the notices it would send
 * and whether the safety cap would stop it — and answers one page of its users. Changes nothing. Each page
 * evaluates again, so the counts are always of the moment the page was read.
 */
export const dryRun = async (
  request: { source: DryRunSource; filter: DryRunFilter; limit: number; after: string | null },
  deps: DryRunDeps,
): Promise<DryRunView> => {
  const { id, task } = await definitionOf(request.source, deps);
  const users = new Map<string, User>();
  const kept = (found: User[]): User[] => {
    for (const user of found) users.set(user.accountId, user);
    return found;
  };
  const candidates: TaskCandidates = {
    forRule: async (rule, context) => kept(await deps.candidates.forRule(rule, context)),
    seatHolders: (product) => deps.candidates.seatHolders(product),
    users: async (ids) => kept(await deps.candidates.users(ids)),
  };
  const notices = id === null ? { forTask: () => Promise.resolve([]) } : deps.notices;
  const plan = await evaluateTask({ ...task, id: id ?? '' }, { ...deps, candidates, notices });
  const filtered = plan.items.filter((item) => matchesFilter(item, request.filter));
  const page = offsetPage(filtered, request.limit, request.after);
  const groups = new Map((await deps.groups.getMany([...new Set(page.items.flatMap(groupIdsOf))])).map((g) => [g.id, g.name]));
  const { safety } = plan;
  const announced = new Set(plan.notices.announce.map((a) => a.accountId));
  return {
    evaluatedAt: deps.clock.now(),
    summary: plan.summary,
    safety: safety.status === 'over-cap'
      ? { status: safety.status, cap: safety.cap, wouldChange: safety.wouldChange, wouldAnnounce: safety.wouldAnnounce }
      : { status: safety.status, cap: safety.cap, wouldChange: null, wouldAnnounce: null },
    notices: { announce: plan.notices.announce.length, clear: plan.notices.clear.length },
    matching: filtered.length,
    items: page.items.map((item) => toView(item, users.get(item.accountId), (groupId) => groups.get(groupId) ?? null, announced)),
    next: page.next,
  };
};
