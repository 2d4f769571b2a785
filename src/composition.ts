import { z } from 'zod';
import { createAdminApiGateway, DEFAULT_BASE_URL, type AdminApiOptions } from './adapters/admin-api';
import { callerTokens } from './adapters/callers/callerTokens';
import { callersWebTriggerUrl } from './adapters/callers/webTriggerUrl';
import { ForgeJobQueue } from './adapters/events/jobQueue';
import { SqlAuditLog } from './adapters/forge-sql/audit/sqlAuditLog';
import { SqlDashboardQueries } from './adapters/forge-sql/dashboard/sqlDashboardQueries';
import { SqlGroupRepository } from './adapters/forge-sql/groups/sqlGroupRepository';
import { SqlJobRepository } from './adapters/forge-sql/jobs/sqlJobRepository';
import { SqlProductRepository } from './adapters/forge-sql/products/sqlProductRepository';
import { ensureSchema } from './adapters/forge-sql/schema/migrations';
import { SqlSiteDirectoryQueries } from './adapters/forge-sql/site/sqlSiteDirectoryQueries';
import { SqlSiteDirectoryRepository } from './adapters/forge-sql/site/sqlSiteDirectoryRepository';
import { uuidGenerator } from './adapters/ids';
import { SqlSyncRunRepository } from './adapters/forge-sql/jobs/sqlSyncRunRepository';
import { SqlUserRepository } from './adapters/forge-sql/users/sqlUserRepository';
import { JiraPermissionsAdapter } from './adapters/jira/jiraPermissions';
import { JiraSiteDirectory, type SiteDirectoryOptions } from './adapters/jira/siteDirectory';
import { KvsCallerRepository, KvsRequestCounter } from './adapters/kvs/kvsCallerStore';
import { KvsLock } from './adapters/kvs/kvsLock';
import { apiKeyReader, KvsSecretStore, storedKeyExpiry } from './adapters/kvs/kvsSecretStore';
import { KvsSettingsStore } from './adapters/kvs/kvsSettingsStore';
import { KvsWebhookTargets, webhookSecretReader } from './adapters/kvs/kvsWebhookTargets';
import { SqlDeliveryRepository } from './adapters/forge-sql/webhooks/sqlDeliveryRepository';
import { automationSender } from './adapters/webhooks/automationSender';
import type { ResolverDeps } from './adapters/resolvers';
import type { Clock } from './domain/ports/clock';
import type { SliceDeps } from './domain/usecases/bulk/deps';
import type { CallerRequestDeps } from './domain/usecases/callers/handleCallerRequest';
import type { SyncLimits } from './domain/usecases/sync/budget';
import type { SyncDeps } from './domain/usecases/sync/deps';
import type { HourlyTickDeps } from './domain/usecases/sync/hourlyTick';
import type { TaskRunnerDeps } from './domain/usecases/tasks/runnerDeps';
import type { WebhookDeps } from './domain/usecases/webhooks/deps';
import { SqlTaskCandidates } from './adapters/forge-sql/tasks/sqlTaskCandidates';
import { SqlTaskNoticeRepository } from './adapters/forge-sql/tasks/sqlTaskNoticeRepository';
import { SqlTaskProposalRepository } from './adapters/forge-sql/tasks/sqlTaskProposalRepository';
import { SqlTaskRepository } from './adapters/forge-sql/tasks/sqlTaskRepository';
import { webhookNotifier } from './domain/usecases/webhooks/queueDeliveries';

export const systemClock: Clock = { now: () => new Date() };

/**
 * The Admin API's base URL: the app environment variable `ULO_ADMIN_API_BASE_URL` (Forge exposes app variables as
 * `process.env`), else https://api.atlassian.com. Another host must also be in the manifest's egress list.
 */
export const adminApiBaseUrl = (): string => {
  const parsed = z.url().safeParse(process.env.ULO_ADMIN_API_BASE_URL);
  return parsed.success ? parsed.data.replace(/\/+$/, '') : DEFAULT_BASE_URL;
};

/** A resolver waits at most this long for a rate-limited Admin API (resolvers have 25 s in all). */
const RESOLVER_MAX_WAIT_MS = 5_000;
/**
 * A resolver's Admin API calls, retries included, end within this long of the call (then a translated "try again");
 * long retries are for jobs. Each attempt gives up after 5 s.
 */
const RESOLVER_API = { maxWaitMs: RESOLVER_MAX_WAIT_MS, deadlineMs: 8_000, requestTimeoutMs: 5_000 } as const;

/** The storage and queue adapters shared by resolvers and consumers. */
const buildStores = (clock: Clock) => ({
  clock,
  ids: uuidGenerator,
  users: new SqlUserRepository(),
  groups: new SqlGroupRepository(),
  products: new SqlProductRepository(),
  audit: new SqlAuditLog(),
  runs: new SqlSyncRunRepository(),
  jobs: new SqlJobRepository(),
  settings: new KvsSettingsStore(),
  secrets: new KvsSecretStore(),
  lock: new KvsLock(() => clock.now()),
  queue: new ForgeJobQueue(),
  callers: new KvsCallerRepository(),
  deliveries: new SqlDeliveryRepository(),
});

/** The Automation webhooks' ports (FEATURES S7): targets in KVS, deliveries in SQL, sent through @forge/api's fetch. */
export const buildWebhookDeps = (clock: Clock = systemClock): WebhookDeps => {
  const stores = buildStores(clock);
  return { ...stores, targets: new KvsWebhookTargets(), sender: automationSender(webhookSecretReader) };
};

/** The Admin API reads the stored key, and its expiry to tell an expired key from a revoked one. */
const storedKey = { apiKey: apiKeyReader, keyExpiry: storedKeyExpiry };

/**
 * Builds the adapters once per function instance; nothing here does I/O until a handler runs.
 * The schema is applied lazily before the first SQL read.
 */
export const buildResolverDeps = (clock: Clock = systemClock): ResolverDeps => {
  const stores = buildStores(clock);
  return {
    ...stores,
    prepare: ensureSchema,
    webhooks: buildWebhookDeps(clock),
    taskRunner: buildTaskRunnerDeps(clock),
    dashboard: new SqlDashboardQueries(),
    site: new SqlSiteDirectoryQueries(),
    tasks: new SqlTaskRepository(),
    notices: new SqlTaskNoticeRepository(),
    proposals: new SqlTaskProposalRepository(),
    gatewayForKey: (key) =>
      createAdminApiGateway({ apiKey: () => Promise.resolve(key), clock, baseUrl: adminApiBaseUrl(), ...RESOLVER_API }),
    jira: new JiraPermissionsAdapter(clock),
    tokens: callerTokens,
    webTriggerUrl: callersWebTriggerUrl,
    accessContext: async (accountId) => {
      const [info, loaded] = await Promise.all([stores.secrets.info(), stores.settings.load()]);
      if (info === null) return { apiKeyConfigured: false, settings: loaded, platformRoles: null };
      await ensureSchema();
      const live = await liveRoles(info.orgId, accountId);
      const platformRoles = live !== undefined ? live : ((await stores.users.get(accountId))?.platformRoles ?? null);
      return { apiKeyConfigured: true, settings: loaded, platformRoles };
    },
  };
};

/** How long a caller's live roles are trusted (P5: at most 5 minutes), and how long a failed read is not retried. */
const LIVE_ROLES_MS = 5 * 60_000;
const FAILED_ROLES_MS = 60_000;

/**
 * The caller's platform roles as the directory has them now (P5, gate 2), kept for LIVE_ROLES_MS: a demoted admin
 * loses access within 5 minutes, whatever the synced copy says. Null when the directory does not know the caller
 * (no access); undefined when the directory could not be read (the caller falls back on the synced copy's roles).
 */
const liveRoleCache = new Map<string, { roles: string[] | null | undefined; until: number }>();
const liveRoles = async (orgId: string, accountId: string): Promise<string[] | null | undefined> => {
  const now = systemClock.now().getTime();
  const cached = liveRoleCache.get(accountId);
  if (cached && cached.until > now) return cached.roles;
  const gateway = createAdminApiGateway({ ...storedKey, baseUrl: adminApiBaseUrl(), ...RESOLVER_API });
  const roles = await gateway
    .searchUsers(orgId, '-', null, { accountIds: [accountId] })
    .then((page) => page.items.find((u) => u.accountId === accountId)?.platformRoles ?? null)
    .catch(() => undefined);
  liveRoleCache.set(accountId, { roles, until: now + (roles === undefined ? FAILED_ROLES_MS : LIVE_ROLES_MS) });
  return roles;
};

/** What the `ulo-jobs` consumer needs: the stores and the Admin API with the stored key. */
export const buildJobsConsumerDeps = (clock: Clock = systemClock): SliceDeps => ({
  ...buildStores(clock),
  directory: createAdminApiGateway({ ...storedKey, clock, baseUrl: adminApiBaseUrl() }),
});

/**
 * What running automated tasks needs (`task-run` slices, Run now, proposals, the hourly tick): the consumer's stores
 * and Admin API (whose per-user last-active read is the live activity, P5), the tasks' stores, the webhooks.
 */
export const buildTaskRunnerDeps = (clock: Clock = systemClock): TaskRunnerDeps => {
  const gateway = createAdminApiGateway({ ...storedKey, clock, baseUrl: adminApiBaseUrl() });
  return {
    ...buildStores(clock),
    directory: gateway,
    activity: gateway,
    tasks: new SqlTaskRepository(),
    notices: new SqlTaskNoticeRepository(),
    proposals: new SqlTaskProposalRepository(),
    candidates: new SqlTaskCandidates(),
    notifier: webhookNotifier(buildWebhookDeps(clock)),
  };
};

/** What the callers' web trigger needs (S10): the bulk-action stores, caller tokens, the request counter, the task runner. */
export const buildCallerRequestDeps = (clock: Clock = systemClock): CallerRequestDeps => {
  const stores = buildStores(clock);
  return { ...stores, tokens: callerTokens, counter: new KvsRequestCounter(), lookup: stores.users, automatedTasks: buildTaskRunnerDeps(clock) };
};

/**
 * How the sync calls the Admin API. last-active-dates at its published 200 requests/min per org (the client's
 * default stops at 180): that endpoint is the sync's rate-limit floor; the pacer still backs off when the server
 * reports the window draining (10 % left for the org's other clients) and sits out 429s. A wait longer than 30 s
 * becomes a delayed continuation instead of idling in the consumer (docs/sync.md, docs/PERFORMANCE.md).
 */
const SYNC_GATEWAY: Partial<AdminApiOptions> = { pacing: { 'last-active-dates': { perSecond: 200 / 60, minIntervalMs: 300 } }, maxWaitMs: 30_000 };

/** Overrides for tests and the bench: the clock, the Admin API and Jira transports, the sync limits. */
export interface SyncDepsOptions {
  clock?: Clock;
  adminApi?: Partial<Omit<AdminApiOptions, 'apiKey' | 'clock'>>;
  jira?: SiteDirectoryOptions;
  limits?: Partial<SyncLimits>;
}

/** What the hourly trigger and the `ulo-sync` consumer need. */
export type SyncTriggerDeps = SyncDeps & HourlyTickDeps;

/** The sync's adapters: the stores, the Admin API with the stored key, the Jira site through `requestJira`. */
export const buildSyncDeps = (options: SyncDepsOptions = {}): SyncTriggerDeps => {
  const clock = options.clock ?? systemClock;
  return {
    ...buildStores(clock),
    directory: createAdminApiGateway({ ...storedKey, clock, baseUrl: adminApiBaseUrl(), ...SYNC_GATEWAY, ...options.adminApi }),
    site: new JiraSiteDirectory({ clock, ...options.jira }),
    siteStore: new SqlSiteDirectoryRepository(),
    notifier: webhookNotifier(buildWebhookDeps(clock)),
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  };
};
