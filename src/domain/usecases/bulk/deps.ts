import type { AuditLog } from '../../ports/auditLog';
import type { Clock } from '../../ports/clock';
import type { DirectoryActions } from '../../ports/directoryActions';
import type { GroupRepository } from '../../ports/groupRepository';
import type { IdGenerator } from '../../ports/idGenerator';
import type { JobQueue } from '../../ports/jobQueue';
import type { JobRepository } from '../../ports/jobRepository';
import type { Lock } from '../../ports/lock';
import type { SecretStore } from '../../ports/secretStore';
import type { SettingsStore } from '../../ports/settingsStore';
import type { SyncRunRepository } from '../../ports/syncRunRepository';
import type { UserRepository } from '../../ports/userRepository';

/** What planning a bulk action reads (`jobs`: a retry selects the failed users of an earlier job). */
export interface PlanDeps {
  users: UserRepository;
  jobs: Pick<JobRepository, 'results' | 'get'>;
  groups: GroupRepository;
  settings: SettingsStore;
  clock: Clock;
}

/** What starting and following a bulk-action job needs. */
export interface JobDeps extends PlanDeps {
  jobs: JobRepository;
  queue: JobQueue;
  lock: Lock;
  ids: IdGenerator;
}

/** What a job slice (the queue consumer) needs on top: the directory to change, the audit log, the key's org. */
export interface SliceDeps extends JobDeps {
  directory: DirectoryActions;
  audit: AuditLog;
  secrets: SecretStore;
  runs: Pick<SyncRunRepository, 'latest'>;
  limits?: Partial<BulkLimits>;
}

/**
 * A slice stops taking new users when less than `safetyMarginMs` is left or after `itemsPerSlice` users, and
 * pushes its continuation; users are read, changed and recorded `batchSize` at a time.
 */
export interface BulkLimits {
  safetyMarginMs: number;
  itemsPerSlice: number;
  batchSize: number;
  /** A running job whose record did not move for this long lost its continuation (see healStalledJobs). */
  stallAfterMs: number;
  /** The per-job lease that keeps slices of one job one at a time; longer than the consumer's 900 s. */
  sliceLeaseSeconds: number;
  /** Failed slice attempts in a row (a live read, a 5xx, storage) before the job fails what is left. */
  maxAttempts: number;
}

export const defaultBulkLimits: BulkLimits = {
  safetyMarginMs: 90_000,
  itemsPerSlice: 1_000,
  batchSize: 25,
  stallAfterMs: 20 * 60 * 1000,
  sliceLeaseSeconds: 960,
  maxAttempts: 5,
};

export const bulkLimits = (overrides: Partial<BulkLimits> | undefined): BulkLimits => ({ ...defaultBulkLimits, ...overrides });
