import type { AuditLog } from '../../domain/ports/auditLog';
import type { CallerRepository, CallerTokens } from '../../domain/ports/callerRepository';
import type { Clock } from '../../domain/ports/clock';
import type { DashboardQueries } from '../../domain/ports/dashboardQueries';
import type { GroupRepository } from '../../domain/ports/groupRepository';
import type { IdGenerator } from '../../domain/ports/idGenerator';
import type { JobQueue } from '../../domain/ports/jobQueue';
import type { JobRepository } from '../../domain/ports/jobRepository';
import type { Lock } from '../../domain/ports/lock';
import type { ProductRepository } from '../../domain/ports/productRepository';
import type { SecretStore } from '../../domain/ports/secretStore';
import type { SettingsStore } from '../../domain/ports/settingsStore';
import type { SiteDirectoryQueries } from '../../domain/ports/siteDirectoryQueries';
import type { SyncRunRepository } from '../../domain/ports/syncRunRepository';
import type { TaskNoticeRepository } from '../../domain/ports/taskNoticeRepository';
import type { TaskProposalRepository } from '../../domain/ports/taskProposalRepository';
import type { TaskRepository } from '../../domain/ports/taskRepository';
import type { UserRepository } from '../../domain/ports/userRepository';
import type { GatewayForKey } from '../../domain/usecases/apiKey/manageApiKey';
import type { TaskRunnerDeps } from '../../domain/usecases/tasks/runnerDeps';
import type { WebhookDeps } from '../../domain/usecases/webhooks/deps';
import type { GuardDeps } from './guard';

/** Every port the admin page's resolvers use; built once per function instance by the composition root. */
export interface ResolverDeps extends GuardDeps {
  /** Runs before a resolver touches storage (applies pending SQL migrations once per instance). */
  prepare: () => Promise<unknown>;
  clock: Clock;
  ids: IdGenerator;
  users: UserRepository;
  groups: GroupRepository;
  products: ProductRepository;
  dashboard: DashboardQueries;
  site: SiteDirectoryQueries;
  audit: AuditLog;
  runs: SyncRunRepository;
  jobs: JobRepository;
  settings: SettingsStore;
  secrets: SecretStore;
  lock: Lock;
  queue: JobQueue;
  /** Callers of the web trigger (S10), their tokens, and the trigger's URL (`webTrigger.getUrl`). */
  callers: CallerRepository;
  tokens: CallerTokens;
  webTriggerUrl: () => Promise<string>;
  /** The Admin API with a key the admin just pasted (apiKey.check / apiKey.save). */
  gatewayForKey: GatewayForKey;
  /** Automation webhook targets, deliveries and the sender (S7). */
  webhooks: WebhookDeps;
  /** Automated tasks' stores and runner (dry run, Run now, runs, proposals). */
  taskRunner: TaskRunnerDeps;
  /** Automated tasks (T4), the users they announced (T5) and their proposals (T6). */
  tasks: TaskRepository;
  notices: TaskNoticeRepository;
  proposals: TaskProposalRepository;
}
