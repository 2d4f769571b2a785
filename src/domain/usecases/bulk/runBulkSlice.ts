import { isDomainError } from '../../model/errors';
import type { Job } from '../../model/jobs';
import { rateLimitDelay, retryDelay, syncLimits, type SliceBudget } from '../sync/budget';
import { bulkLimits, type BulkLimits, type SliceDeps } from './deps';
import { changeTarget } from './executeChange';
import { runBatch, sliceHalt, type Halt } from './itemBatch';
import type { ItemEnv, LiveRecheck } from './itemOutcome';
import { isFinished } from './jobView';
import { planContextFor } from './planContext';
import { failRemaining, finishJob, recordBatch } from './sliceRecords';

/** The queue message of a bulk-action slice: ids only. */
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

/** The lease that keeps the slices of one job one at a time. */
export const jobLeaseName = (jobId: string): string => `bulk-job:${jobId}`;

/** What the items of a job are handled with: its action and actor, the plan context, the directory, the clock. */
export const itemEnv = async (job: Job, deps: SliceDeps): Promise<ItemEnv> => {
  const { spec } = job;
  const [settings, key] = await Promise.all([deps.settings.load(), deps.secrets.info()]);
  const revert = spec.kind === 'revert';
  return {
    jobId: job.id,
    action: spec.action,
    actor: spec.actor,
    ...(revert ? { revertsJobId: spec.revertsJobId } : {}),
    context: await planContextFor(spec.action, settings, deps.clock.now(), deps.groups, revert),
    target: changeTarget(deps.directory, key?.orgId ?? ''),
    now: () => deps.clock.now(),
  };
};

/** The continuation is pushed by runBulkSlice once the job's lease is released (else it could find the job busy). */
const continueLater = (slice: number, delaySeconds: number): BulkSliceOutcome => ({ kind: 'continued', slice: slice + 1, delaySeconds });

const finished = (job: Job): BulkSliceOutcome => ({ kind: 'finished', status: job.status });

/**
 * What a halt does: waits as the directory asked, ends the job failing what is left, or counts a failed attempt on
 * the job and tries again with backoff (30 s, 60 s, ...) until the last attempt, which ends the job like a stop.
 */
const afterHalt = async (job: Job, halt: Halt, slice: number, env: ItemEnv, deps: SliceDeps, limits: BulkLimits): Promise<BulkSliceOutcome> => {
  const retry = syncLimits(undefined);
  if (halt.kind === 'retry-later') return continueLater(slice, rateLimitDelay(halt.error, deps.clock.now(), retry));
  if (halt.kind === 'stop-job') return finished(await failRemaining(job, halt.code, env, deps));
  const attempts = job.attempts + 1;
  if (attempts >= limits.maxAttempts) return finished(await failRemaining({ ...job, attempts }, halt.code, env, deps));
  await deps.jobs.update({ ...job, attempts, updatedAt: deps.clock.now() });
  return continueLater(slice, retryDelay(attempts, retry));
};

/** Batches until the slice's share is done, the job is, or a halt (a typed failure the slice throws is one too). */
const runItems = async (
  job: Job,
  slice: number,
  budget: SliceBudget,
  env: ItemEnv,
  deps: SliceDeps,
  limits: BulkLimits,
): Promise<BulkSliceOutcome | { kind: 'halt'; halt: Halt; job: Job }> => {
  let current = job;
  let handled = 0;
  try {
    for (;;) {
      if (handled >= limits.itemsPerSlice || budget.remainingMs() < limits.safetyMarginMs) return continueLater(slice, 0);
      const ids = await deps.jobs.pendingItems(job.id, limits.batchSize);
      if (ids.length === 0) return finished(await finishJob(current, deps));
      const { done, halt } = await runBatch(ids, env, deps);
      handled += done.length;
      current = await recordBatch(current, done, deps);
      if (halt !== null) return { kind: 'halt', halt, job: current };
    }
  } catch (error) {
    // Only typed failures: anything else (a bug, the process dying) escapes, and the platform delivers the slice again.
    if (!isDomainError(error)) throw error;
    return { kind: 'halt', halt: sliceHalt(error), job: current };
  }
};

/** Builds a task job's live re-check from the slice's item environment (see LiveRecheck). */
export type RecheckFor = (env: ItemEnv) => Promise<LiveRecheck>;

const work = async (job: Job, slice: number, budget: SliceBudget, deps: SliceDeps, limits: BulkLimits, recheckFor?: RecheckFor): Promise<BulkSliceOutcome> => {
  const base = await itemEnv(job, deps);
  const env = recheckFor === undefined || base.target.orgId === '' ? base : { ...base, recheck: await recheckFor(base) };
  const running: Job = { ...job, status: 'running' };
  // The key was removed after the job started: nothing can be changed, every remaining user fails with the reason.
  if (env.target.orgId === '') return finished(await failRemaining(running, 'API_KEY_MISSING', env, deps));
  // Its slices died (untyped failures the hourly tick healed) as often as a job may fail in a row: it ends here.
  if (job.attempts >= limits.maxAttempts) return finished(await failRemaining(running, 'INTERNAL', env, deps));
  const result = await runItems(running, slice, budget, env, deps, limits);
  return result.kind === 'halt' ? afterHalt(result.job, result.halt, slice, env, deps, limits) : result;
};

/**
 * B3/B4: one slice of a bulk-action job (the `ulo-jobs` consumer). Takes the job's lease (a duplicate delivery while
 * a slice runs does nothing), then works through pending items in batches (itemBatch): re-check each user, record
 * the intent, change it through DirectoryActions, then write its audit entry, the synced copy and, last, its
 * result (sliceRecords). Before time runs low it pushes its continuation. What an error does comes from the error
 * policy: RATE_LIMITED pushes the continuation with the wait the directory asked for, a key error or a licence
 * limit fails what is left. Any other failure of the slice (a live read, a 5xx nobody can judge, storage) counts a
 * failed attempt on the job; after `maxAttempts` in a row the job fails what is left with that code, and a batch
 * that records users resets the count. The queue delivers at least once: a re-delivered slice skips items with a
 * result, and a started item reads the user's live state before calling again, so each change is made once and
 * audited with its outcome.
 */
export const runBulkSlice = async (message: BulkMessage, budget: SliceBudget, deps: SliceDeps): Promise<BulkSliceOutcome> => {
  const job = await deps.jobs.get(message.jobId);
  if (job === null || job.kind !== 'bulk-action') return { kind: 'ignored', reason: 'no-job' };
  const outcome = await runJobItems(job, message.slice, budget, deps);
  if (outcome.kind === 'continued') await deps.queue.push({ kind: 'bulk-action', jobId: job.id, slice: outcome.slice }, outcome.delaySeconds);
  return outcome;
};

/**
 * One slice of the items of a job — a bulk action's, or a part of a task's run (with its live re-check) — under the
 * job's lease. The caller pushes the continuation it answers (`continued`), with the message of its own kind.
 */
export const runJobItems = async (job: Job, slice: number, budget: SliceBudget, deps: SliceDeps, recheckFor?: RecheckFor): Promise<BulkSliceOutcome> => {
  if (isFinished(job)) return { kind: 'ignored', reason: 'finished' };
  const limits = bulkLimits(deps.limits);
  const lease = await deps.lock.acquire(jobLeaseName(job.id), limits.sliceLeaseSeconds);
  if (lease === null) return { kind: 'ignored', reason: 'busy' };
  try {
    return await work(job, slice, budget, deps, limits, recheckFor);
  } finally {
    // Our own lease only: a slice that outlived it must not free the lease of a re-delivered slice now running.
    await deps.lock.release(lease);
  }
};
