/**
 * dev/forge-runtime — a local implementation of the `__forge_fetch__` contract so that the
 * unmodified @forge/sql, @forge/kvs, @forge/events and @forge/api code runs off-platform, with
 * Forge's limits enforced (ARCHITECTURE §7). See README.md in this folder.
 */
export { ForgeRuntime, type ForgeRuntimeOptions } from './runtime';
export { installGlobalHooks, activateRuntime, deactivateRuntime, activeRuntime, egressProbeSeen, EGRESS_PROBE_URL } from './globalHooks';
export { RuntimeClock, followRuntimeClock } from './clock';
export { currentInvocation, runInvocation, remainingMs, type Invocation, type InvocationInit, type EventChain } from './invocation';
export { loadManifest, toRuntimeManifest, extendManifest, type RuntimeManifest, type ManifestConsumer, type ManifestFunction, type ManifestWebTrigger } from './manifest';
export { DEFAULT_APP, type AppIdentity } from './runtimeGlobals';
export { startMariaDb, TIDB_SQL_MODE, type MariaDbServer, type MariaDbConnectionInfo, type StartMariaDbOptions } from './sql/mariadbServer';
export { SqlDatabase } from './sql/sqlDatabase';
export { SqlService, SQL_ERROR } from './sql/sqlService';
export { FORGE_SQL_LIMITS, type SqlLimits, type SqlCounters } from './sql/sqlLimits';
export { analyzeStatement, policyViolation, type StatementKind } from './sql/statementPolicy';
export { KvsService } from './kvs/kvsService';
export { KvsStore } from './kvs/kvsStore';
export { FORGE_KVS_LIMITS, type KvsLimits } from './kvs/kvsRules';
export { QueueService, type QueueOptions } from './queue/queueService';
export { FORGE_QUEUE_LIMITS, type QueueLimits } from './queue/queueLimits';
export type { DeliveryRecord, RetryContext } from './queue/queueJobs';
export type { FunctionHandler, FunctionLoader } from './queue/consumerHandlers';
export type { ProductHandler, ProductRequest, EgressHandler } from './product/productRequests';
export { egressAllowed } from './product/egress';
export { WebTriggerService, WEBTRIGGER_TIMEOUT_MS } from './webtrigger/webTriggerService';
export type { WebTriggerEvent, WebTriggerHttpAnswer, WebTriggerHttpRequest } from './webtrigger/webTriggerShapes';
