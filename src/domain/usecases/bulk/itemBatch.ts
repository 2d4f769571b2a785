import type { DomainError, ErrorCode } from '../../model/errors';
import type { User } from '../../model/user';
import { recheckItem } from '../../policy/actionEligibility';
import { errorResponse } from '../../policy/errorPolicy';
import type { ItemIntent, JobRepository } from '../../ports/jobRepository';
import type { UserRepository } from '../../ports/userRepository';
import { changedUser, changeIsThere, executeChange, stateBefore } from './executeChange';
import { failureOf, groupDetails, processedItem, type ItemEnv, type ProcessedItem } from './itemOutcome';
import { liveUsers } from './liveUsers';

/**
 * Why a batch stopped early (errorPolicy): wait and continue later, end the job failing what is left, or (a failure
 * of the slice rather than of one user's change) count a failed attempt and try again with backoff.
 */
export type Halt =
  | { kind: 'retry-later'; error: unknown }
  | { kind: 'stop-job'; code: ErrorCode }
  | { kind: 'attempt-failed'; code: ErrorCode; error: unknown };

const haltFor = (code: ErrorCode, error: unknown): Halt | null => {
  const response = errorResponse(code);
  if (response === 'retry-later') return { kind: 'retry-later', error };
  return response === 'stop-job' ? { kind: 'stop-job', code } : null;
};

/** What a typed failure of the slice itself (a live read, storage) does: the policy's wait or stop, else a failed attempt. */
export const sliceHalt = (error: DomainError): Halt => haltFor(error.code, error) ?? { kind: 'attempt-failed', code: error.code, error };

type Decision = { kind: 'done'; item: ProcessedItem } | { kind: 'call'; intent: ItemIntent; user: User; synced: User };

/**
 * A started item decided again (its call died partway) keeps what it first found, and for the same group change
 * every group of both decisions: the groups an earlier delivery already changed stay in the record a revert reads.
 */
const sameItem = (earlier: ItemIntent | undefined, next: ItemIntent): ItemIntent => {
  if (earlier === undefined || earlier.method !== next.method || earlier.before === null) return next;
  const known = earlier.before.groups;
  const groups = [...known, ...(next.before?.groups ?? []).filter((g) => !known.some((k) => k.id === g.id))];
  return { ...next, groupIds: [...new Set([...earlier.groupIds, ...next.groupIds])], before: { ...earlier.before, groups } };
};

/**
 * What to do with one item. A started item (its intent recorded by an earlier delivery, whose call may have landed)
 * is judged on the user's live state: when the change is there it is `changed` without a second call. Anything
 * else is re-checked (protected emails first) on the live user, or on the synced copy for an item not started.
 */
const decide = (accountId: string, synced: User | undefined, intent: ItemIntent | undefined, live: User | undefined, env: ItemEnv): Decision => {
  const done = (item: ProcessedItem): Decision => ({ kind: 'done', item });
  // Protected by either address (the synced or the live one): a protected user is never changed.
  if (synced !== undefined && env.context.protectedEmails.isProtected(synced.email)) {
    return done(processedItem(env, accountId, { kind: 'skipped', reason: 'protected' }));
  }
  if (intent !== undefined && live !== undefined && changeIsThere(intent.method, live, intent.groupIds, env.action)) {
    const updated = changedUser(intent.method, synced ?? live, intent.groupIds, env.action, intent.before?.groups);
    return done(processedItem(env, accountId, { kind: 'changed', method: intent.method }, updated, groupDetails(env, intent.groupIds)));
  }
  const user = intent === undefined && env.recheck === undefined ? synced : live;
  if (user === undefined) return done(processedItem(env, accountId, { kind: 'skipped', reason: 'left-org' }));
  const item = env.recheck?.check(user) ?? recheckItem(env.action, user, env.context);
  if (item.decision === 'skip') return done(processedItem(env, accountId, { kind: 'skipped', reason: item.reason }));
  const before = stateBefore(user, item.groupIds, env.action, env.context.groupsById);
  return { kind: 'call', intent: sameItem(intent, { accountId, method: item.method, groupIds: item.groupIds, before }), user, synced: synced ?? user };
};

/**
 * After 5xx answers or time-outs (UPSTREAM_FAILED), or a group add's 409, a change may still have landed (or have
 * been there): the live user tells. When the
 * live read fails too, nobody can tell: null, and the item stays started for a later attempt to read again.
 */
const landedAnyway = async ({ accountId, method, groupIds }: ItemIntent, env: ItemEnv): Promise<boolean | null> => {
  const users = await liveUsers([accountId], env.target).catch(() => null);
  if (users === null) return null;
  const user = users.get(accountId);
  return user !== undefined && changeIsThere(method, user, groupIds, env.action);
};

/** Makes the change; a failure is the item's outcome, unless the policy says to wait or nobody can tell (the item stays started). */
const call = async (d: Decision & { kind: 'call' }, env: ItemEnv): Promise<{ item: ProcessedItem | null; halt: Halt | null }> => {
  const { accountId, method, groupIds, before } = d.intent;
  const groups = groupDetails(env, groupIds);
  const updated = (): User => changedUser(method, d.synced, groupIds, env.action, before?.groups);
  const changed = () => ({ item: processedItem(env, accountId, { kind: 'changed', method }, updated(), groups), halt: null });
  try {
    await executeChange(method, d.user, groupIds, env.action, env.target);
  } catch (error) {
    const { code, ...api } = failureOf(error);
    // A group no directory knows (404 in each) was deleted since the groups were last synced: nothing to re-add it to.
    if (code === 'NOT_FOUND' && method === 'group-add') return { item: processedItem(env, accountId, { kind: 'skipped', reason: 'group-deleted' }), halt: null };
    const halt = haltFor(code, error);
    if (halt?.kind === 'retry-later') return { item: null, halt };
    // A 409 on a group add means "already in the group" or "no free seat": the live user tells which.
    if (code === 'UPSTREAM_FAILED' || (code === 'CONFLICT' && method === 'group-add')) {
      const landed = await landedAnyway(d.intent, env);
      if (landed === true) return changed();
      if (landed === null) return { item: null, halt: { kind: 'attempt-failed', code, error } };
    }
    return { item: processedItem(env, accountId, { kind: 'failed', code, method }, null, { ...api, ...groups }), halt };
  }
  return changed();
};

/**
 * B3: one batch of a job's pending items. Reads the synced copies and the recorded intents (and, for started
 * items or every item of a task's job, the live users), decides every item, records the intent of each change it is about to make in one write,
 * then makes the calls one by one. Returns the items done, in order, and why it stopped early, if it did: the
 * caller writes them (sliceRecords) before anything else. A failed read (the live users, storage) throws.
 */
export const runBatch = async (
  ids: readonly string[],
  env: ItemEnv,
  deps: { users: UserRepository; jobs: JobRepository },
): Promise<{ done: ProcessedItem[]; halt: Halt | null }> => {
  const [synced, intents] = await Promise.all([deps.users.getMany(ids), deps.jobs.intents(env.jobId, ids)]);
  const live = env.recheck
    ? await env.recheck.readLive(ids)
    : intents.length === 0
      ? new Map<string, User>()
      : await liveUsers(intents.map((i) => i.accountId), env.target);
  const syncedById = new Map(synced.map((u) => [u.accountId, u]));
  const recorded = new Map(intents.map((i) => [i.accountId, i]));
  const decisions = ids.map((id) => decide(id, syncedById.get(id), recorded.get(id), live.get(id), env));
  const planned = decisions.flatMap((d) => (d.kind === 'call' ? [d.intent] : []));
  if (planned.length > 0) await deps.jobs.recordIntents(env.jobId, planned);
  const done: ProcessedItem[] = [];
  for (const d of decisions) {
    const { item, halt } = d.kind === 'done' ? { item: d.item, halt: null } : await call(d, env);
    if (item !== null) done.push(item);
    if (halt !== null) return { done, halt };
  }
  return { done, halt: null };
};
