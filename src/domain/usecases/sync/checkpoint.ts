import {
  syncPhaseSchema,
  type SyncCheckpoint,
  type SyncCounts,
  type SyncPhase,
  type SyncRun,
} from '../../model/jobs';

export const emptyCounts = (): SyncCounts => ({
  products: 0,
  groups: 0,
  groupsDeleted: 0,
  users: 0,
  markedLeft: 0,
  membershipUsers: 0,
  membershipsPruned: 0,
  activityFilled: 0,
  activitySkipped: 0,
  activityFailed: 0,
  projectRoleMembers: 0,
  customers: 0,
  siteRowsDeleted: 0,
  rateLimited: 0,
  retries: 0,
});

/**
 * The checkpoint of a run that has not done anything yet; its first message is slice 0. `lockToken` is the token of
 * the 'sync' lease its start took, kept so that the slice which ends the run can release exactly that lease;
 * `estimates` the sizes of its steps (stepProgress.ts).
 */
export const initialCheckpoint = (orgId: string, now: Date, lockToken: string, estimates: SyncCheckpoint['estimates']): SyncCheckpoint => ({
  slice: 0,
  continuationPushed: false,
  chainPushes: 0,
  parked: false,
  attempts: 0,
  orgId,
  directoryIds: [],
  directoryNames: {},
  directoryIndex: 0,
  chunkIndex: 0,
  cursor: null,
  usersWalkComplete: false,
  counts: emptyCounts(),
  estimates,
  savedAt: now,
  failureReason: null,
  lockToken,
});

/** The run's phase; a value this version does not know (a newer row) is read as `finish`. */
export const phaseOf = (run: SyncRun): SyncPhase => {
  const parsed = syncPhaseSchema.safeParse(run.phase);
  return parsed.success ? parsed.data : 'finish';
};

export const withCheckpoint = (run: SyncRun, patch: Partial<SyncCheckpoint>): SyncRun => ({
  ...run,
  checkpoint: { ...run.checkpoint, ...patch },
});

/** Adds to the run's counters (statistics) and its API call count. */
export const counted = (run: SyncRun, delta: Partial<SyncCounts>, apiCalls = 0): SyncRun => {
  const counts = { ...run.checkpoint.counts };
  for (const [key, value] of Object.entries(delta) as [keyof SyncCounts, number][]) counts[key] += value;
  return { ...run, apiCalls: run.apiCalls + apiCalls, checkpoint: { ...run.checkpoint, counts } };
};

/** The directory the run's walk is in; undefined once it has gone through them all. */
export const directoryOf = (run: SyncRun): string | undefined => run.checkpoint.directoryIds[run.checkpoint.directoryIndex];

/**
 * Advances a paged walk over the run's directories (and, with `chunks`, the group-id chunks in each): the next
 * cursor, else the next directory, else the next chunk. `done` is true when the whole walk is complete.
 */
export const advanceWalk = (run: SyncRun, next: string | null, chunks = 1): { run: SyncRun; done: boolean } => {
  const cp = run.checkpoint;
  if (next !== null) return { run: withCheckpoint(run, { cursor: next }), done: false };
  if (cp.directoryIndex + 1 < cp.directoryIds.length) {
    return { run: withCheckpoint(run, { cursor: null, directoryIndex: cp.directoryIndex + 1 }), done: false };
  }
  if (cp.chunkIndex + 1 < chunks) {
    return { run: withCheckpoint(run, { cursor: null, directoryIndex: 0, chunkIndex: cp.chunkIndex + 1 }), done: false };
  }
  return { run, done: true };
};
