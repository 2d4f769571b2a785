import type { AuditLog } from '../../ports/auditLog';
import type { Clock } from '../../ports/clock';
import type { DirectoryReader } from '../../ports/directoryReader';
import type { GroupRepository } from '../../ports/groupRepository';
import type { IdGenerator } from '../../ports/idGenerator';
import type { JobQueue } from '../../ports/jobQueue';
import type { Lock } from '../../ports/lock';
import type { Notifier } from '../../ports/notifier';
import type { ProductRepository } from '../../ports/productRepository';
import type { SecretStore } from '../../ports/secretStore';
import type { SiteDirectory } from '../../ports/siteDirectory';
import type { SiteDirectoryRepository } from '../../ports/siteDirectoryRepository';
import type { SyncRunRepository } from '../../ports/syncRunRepository';
import type { UserRepository } from '../../ports/userRepository';
import type { SyncLimits } from './budget';

/**
 * The queue message of a sync slice: ids only, so it stays far below the 100 KB event limit. `sync` is a slice of
 * the main stream, `sync-activity` one of the activity stream (streams.ts).
 */
export interface SyncMessage {
  kind: 'sync' | 'sync-activity';
  runId: string;
  slice: number;
}

/** Every port a sync slice uses. */
export interface SyncDeps {
  directory: DirectoryReader;
  site: SiteDirectory;
  users: UserRepository;
  groups: GroupRepository;
  products: ProductRepository;
  siteStore: SiteDirectoryRepository;
  runs: SyncRunRepository;
  lock: Lock;
  queue: JobQueue;
  audit: AuditLog;
  clock: Clock;
  /** Announces a failed run (`sync-failed`); without it nothing is announced. */
  notifier?: Notifier;
  /** Overrides of `defaultSyncLimits` (tests, the bench). */
  limits?: Partial<SyncLimits>;
}

/** What ending or continuing a run needs. */
export type RunControlDeps = Pick<SyncDeps, 'runs' | 'lock' | 'queue' | 'audit' | 'clock' | 'limits' | 'notifier'>;

/** What starting a run needs: the key's org, ids for the run and its audit entry, the synced copy's sizes. */
export type StartSyncDeps = RunControlDeps & Pick<SyncDeps, 'users' | 'groups'> & { secrets: SecretStore; ids: IdGenerator };
