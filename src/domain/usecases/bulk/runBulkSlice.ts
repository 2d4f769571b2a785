import type { Job } from '../../model/jobs';
import { rateLimitDelay, syncLimits, type SliceBudget } from '../sync/budget';
import { bulkLimits, type BulkLimits, type SliceDeps } from './deps';
import { FATAL_CODES, processItem, SliceInterrupted, type ItemEnv, type ItemOutcome } from './itemOutcome';
import { isFinished } from './jobView';
import { planContextFor } from './planContext';
import { failRemaining, finishJob, recordBatch } from './sliceRecords';

export interface BulkMessage {
  kind: 'bulk-action';
  jobId: string;
  slice: number;
}

/** What a slice did, for the consumer's log and the tests. */
export type BulkSliceOutcome =
  | { kind: 'ignored'; reason: 'no-job' | 'finished' | 'busy' }
  | { kind: 'continued'; slice: number; delaySeconds: number }
  | { kind: 'finished'; status: Job['status'] };

const lockName = (jobId: string): string => `bulk-job:${jobId}`;

const itemEnv = async (job: Job, deps: SliceDeps): Promise<ItemEnv> => {
  const { spec } = job;
  const [settings, key] = await Promise.all([deps.settings.load(), deps.secrets.info()]);
  let directories: Promise<string[]> | null = null;
  return {
    jobId: job.id,
    action: spec.action,
    actor: spec.actor,
    context: await planContextFor(spec.action, settings, deps.clock.now(), deps.groups),
    target: {
      directory: deps.directory,
      orgId: key?.orgId ?? '',
      directoryIds: () => (directories ??= deps.directory.listDirectories(key?.orgId ?? '').then((ds) => ds.map((d) => d.id))),
    },
    now: () => deps.clock.now(),
  };
};

/** Runs one batch; stops early (keeping what was done) when the directory asks us to wait or refuses the key. */
const runBatch = async (ids: readonly string[], env: ItemEnv, deps: SliceDeps): Promise<{ done: ItemOutcome[]; stop: unknown }> => {
  const users = new Map((await deps.users.getMany(ids)).map((u) => [u.accountId, u]));
  const done: ItemOutcome[] = [];
  for (const id of ids) {
    try {
      const outcome = await processItem(id, users.get(id), env);
      done.push(outcome);
      if (outcome.result.outcome === 'failed' && FATAL_CODES.has(outcome.result.reason ?? '')) return { done, stop: null };
    } catch (error) {
      if (error instanceof SliceInterrupted) return { done, stop: error.reason };
      throw error;
    }
  }
  return { done, stop: null };
};

const continueLater = async (job: Job, message: BulkMessage, delaySeconds: number, deps: SliceDeps): Promise<BulkSliceOutcome> => {
  await deps.queue.push({ kind: 'bulk-action', jobId: job.id, slice: message.slice + 1 }, delaySeconds);
  return { kind: 'continued', slice: message.slice + 1, delaySeconds };
};

const work = async (job: Job, message: BulkMessage, budget: SliceBudget, deps: SliceDeps, limits: BulkLimits): Promise<BulkSliceOutcome> => {
  const env = await itemEnv(job, deps);
  let current: Job = { ...job, status: 'running' };
  // The key was removed after the job started: nothing can be changed, every remaining user fails with the reason.
  if (env.target.orgId === '') return { kind: 'finished', status: (await failRemaining(current, 'API_KEY_MISSING', env, deps)).status };
  let handled = 0;
  for (;;) {
    if (handled >= limits.itemsPerSlice || budget.remainingMs() < limits.safetyMarginMs) return continueLater(current, message, 0, deps);
    const ids = await deps.jobs.pendingItems(job.id, limits.batchSize);
    if (ids.length === 0) return { kind: 'finished', status: (await finishJob(current, deps)).status };
    const { done, stop } = await runBatch(ids, env, deps);
    handled += done.length;
    current = await recordBatch(current, done, deps);
    const fatal = done.find((d) => d.result.outcome === 'failed' && FATAL_CODES.has(d.result.reason ?? ''));
    if (fatal) return { kind: 'finished', status: (await failRemaining(current, fatal.result.reason ?? 'INTERNAL', env, deps)).status };
    if (stop !== null) return continueLater(current, message, rateLimitDelay(stop, deps.clock.now(), syncLimits(undefined)), deps);
  }
};

/**
 * B3/B4: one slice of a bulk-action job (the `ulo-jobs` consumer). Takes the job's lease (a duplicate delivery while
 * a slice runs does nothing), then works through pending items in batches: re-check each user, change it through
 * the DirectoryGateway, record the result and one audit entry, update the synced copy. Before time runs low it
 * pushes its continuation; RATE_LIMITED pushes it with the wait the directory asked for; an invalid key fails what
 * is left. Every step is idempotent: a re-delivered slice skips recorded items and appends no duplicate audit.
 */
export const runBulkSlice = async (message: BulkMessage, budget: SliceBudget, deps: SliceDeps): Promise<BulkSliceOutcome> => {
  const job = await deps.jobs.get(message.jobId);
  if (job === null || job.kind !== 'bulk-action') return { kind: 'ignored', reason: 'no-job' };
  if (isFinished(job)) return { kind: 'ignored', reason: 'finished' };
  const limits = bulkLimits(deps.limits);
  const lease = await deps.lock.acquire(lockName(job.id), limits.sliceLeaseSeconds);
  if (lease === null) return { kind: 'ignored', reason: 'busy' };
  try {
    return await work(job, message, budget, deps, limits);
  } finally {
    // Our own lease only: a slice that outlived it must not free the lease of a re-delivered slice now running.
    await deps.lock.release(lease);
  }
};
