/**
 * The domain's public face: what a caller outside src/domain (a script, a test, a new adapter) may use. It needs
 * nothing from Forge: give a use case its ports (in-memory fakes will do) and call it; docs/architecture.md,
 * "Using the domain as a library", shows how. Each name is documented where it is defined. Anything not listed
 * here is an internal step of a use case and may change without notice.
 */

// Models: the records the app keeps and passes around, with their zod schemas.
export { auditActorSchema, auditEntrySchema, type AuditAction, type AuditActor, type AuditEntry, type AuditOutcome } from './model/audit';
export { callerSchema, type Caller, type CallerAction } from './model/caller';
export { DomainError, errorCodes, isDomainError, type ErrorCode } from './model/errors';
export { groupSchema, type Group } from './model/group';
export { jobSchema, syncRunSchema, type Job, type JobKind, type JobStatus, type SyncDataType, type SyncPhase, type SyncRun } from './model/jobs';
export { jobSpecSchema, type BulkJobSpec, type JobSpec } from './model/jobSpec';
export { productFamily, productSchema, type Product, type ProductKey } from './model/product';
export { defaultSettings, settingsSchema, thresholdDayChoices, type Settings } from './model/settings';
export { isDeactivated, isSuspended, userSchema, type AccountStatus, type GroupRef, type ProductAccess, type User } from './model/user';
export {
  webhookTriggers,
  webhookTriggerSchema,
  type NoticeUser,
  type TaskRef,
  type WebhookDelivery,
  type WebhookEvent,
  type WebhookTarget,
  type WebhookTrigger,
} from './model/webhooks';
export {
  TASK_LIMITS,
  taskDefinitionSchema,
  taskSchema,
  type Task,
  type TaskAction,
  type TaskChange,
  type TaskDefinition,
  type TaskFilter,
  type TaskRule,
  type TaskSchedule,
} from './model/task';
export {
  isProposalOpen,
  PROPOSAL_TTL_DAYS,
  taskNoticeSchema,
  taskProposalSchema,
  taskRunSchema,
  type TaskNotice,
  type TaskProposal,
  type TaskRun,
} from './model/taskRecords';

// Policies: the rules, as pure functions of their inputs.
export {
  bulkActionSchema,
  planAction,
  recheckItem,
  skipReasons,
  type ActionMethod,
  type ActionPlan,
  type BulkAction,
  type PlanContext,
  type PlanItem,
  type SkipReason,
} from './policy/actionEligibility';
export { daysLeft, expiryStatus, keyRefusal, shouldSendSevenDayNotice, type ExpiryStatus, type KeyRefusal } from './policy/apiKeyExpiry';
export {
  classifyAccess,
  classifyProduct,
  classifyUser,
  inactiveDays,
  inactivityStates,
  isInactive,
  isInactiveForAtLeast,
  type InactivityState,
  type InactivityThresholds,
  type ProductScope,
} from './policy/inactivityPolicy';
export { parseProtectedEntry, ProtectedEmails, validateProtectedEntries, type ProtectedEntry } from './policy/protectedEmails';
export { secretProblem, urlProblem, type TargetProblem } from './policy/webhookTarget';
export { MAX_ATTEMPTS, RETRY_DELAYS_SECONDS, verdictOf, type AttemptResult, type AttemptVerdict } from './policy/webhookRetry';
export { dueSlotStart, isDue, nextRun, validateSlot, validateTaskSlot, validateTimeZone, type TimeSlot } from './policy/timeSlot';
export { dueRunDecision, dueTaskRun, nextTaskRuns, type SiteClock } from './policy/taskSchedule';

// Ports: what the use cases need from the outside world; src/adapters implements them for Forge.
export type { ApiKeyChecks, OrgSummary } from './ports/apiKeyChecks';
export type { AuditLog, AuditQuery } from './ports/auditLog';
export type { Clock } from './ports/clock';
export type { DashboardQueries } from './ports/dashboardQueries';
export type { DeliveryPage, DeliveryRepository } from './ports/deliveryRepository';
export type { DirectoryActions } from './ports/directoryActions';
export type { DirectoryReader, Page, UserActivity, UserSearchFilter } from './ports/directoryReader';
export type { GroupRepository } from './ports/groupRepository';
export type { IdGenerator } from './ports/idGenerator';
export type { JiraPermissions } from './ports/jiraPermissions';
export type { JobMessage, JobQueue } from './ports/jobQueue';
export type { JobItemResult, JobRepository } from './ports/jobRepository';
export type { Lock, LockLease } from './ports/lock';
export type { Notifier } from './ports/notifier';
export type { ProductRepository } from './ports/productRepository';
export type { ApiKeyInfo, SecretStore } from './ports/secretStore';
export type { SettingsStore } from './ports/settingsStore';
export type { SiteDirectory } from './ports/siteDirectory';
export type { SiteDirectoryQueries } from './ports/siteDirectoryQueries';
export type { SiteDirectoryRepository } from './ports/siteDirectoryRepository';
export type { SyncRunRepository } from './ports/syncRunRepository';
export type { UserFilter, UserQuery, UserQueryContext, UserRepository } from './ports/userRepository';
export type { CallerRepository, CallerTokens, RequestCounter } from './ports/callerRepository';
export type { UserLookup } from './ports/userLookup';
export type { SendResult, WebhookConfig, WebhookSender, WebhookTargetStore } from './ports/webhookTargets';
export type { TaskRepository } from './ports/taskRepository';
export type { TaskNoticeRepository } from './ports/taskNoticeRepository';
export type { TaskProposalRepository } from './ports/taskProposalRepository';
export type { TaskCandidates } from './ports/taskCandidates';

// Use cases: one thing a user or a trigger does, with the ports it needs.
export { checkAccess, type AccessContext, type AccessGrant, type AccessRequest } from './usecases/checkAccess';
export { checkApiKey, removeApiKey, saveApiKey, type ApiKeyDeps } from './usecases/apiKey/manageApiKey';
export { listAudit, type ListAuditDeps } from './usecases/audit/listAudit';
export { bulkResults, bulkStatus } from './usecases/bulk/bulkStatus';
export type { JobDeps, PlanDeps, SliceDeps } from './usecases/bulk/deps';
export type { BulkJobView } from './usecases/bulk/jobView';
export { planBulk, type BulkPlanView } from './usecases/bulk/planBulk';
export { handoffList, type HandoffRow } from './usecases/bulk/handoffList';
export { runBulkSlice, type BulkMessage, type BulkSliceOutcome } from './usecases/bulk/runBulkSlice';
export type { BulkSelection } from './usecases/bulk/selection';
export { startBulk } from './usecases/bulk/startBulk';
export { getDashboard, type DashboardDeps, type DashboardView } from './usecases/dashboard/getDashboard';
export { getSettings, type SettingsDeps, type SettingsView } from './usecases/settings/getSettings';
export { saveSettings, type SaveSettingsDeps, type SettingsPatch } from './usecases/settings/saveSettings';
export { getStatistics, searchGroups } from './usecases/settings/statistics';
export type { SliceBudget, SyncLimits } from './usecases/sync/budget';
export type { SliceOutcome } from './usecases/sync/continuation';
export type { StartSyncDeps, SyncDeps, SyncMessage } from './usecases/sync/deps';
export { hourlyTick, type HourlyTickDeps, type HourlyTickSummary } from './usecases/sync/hourlyTick';
export { runSyncSlice } from './usecases/sync/runSlice';
export { startSync, type StartSyncCommand } from './usecases/sync/runLifecycle';
export { getSyncHistory, getSyncStatus, type SyncStatusView } from './usecases/sync/syncStatus';
export { countUsers, listUsers, type ListUsersDeps } from './usecases/users/listUsers';
export { listCustomers, listProjectUsers, siteChoices } from './usecases/users/siteUsers';
export { userDetail, type UserDetailDeps, type UserDetailView } from './usecases/users/userDetail';
export { createCaller, listCallers, revokeCaller, type CallerView, type ManageCallersDeps } from './usecases/callers/manageCallers';
export { handleCallerRequest, type CallerAnswer, type CallerRequestDeps } from './usecases/callers/handleCallerRequest';
export { UnauthenticatedCaller } from './usecases/callers/authenticateCaller';
export type { UserView } from './usecases/users/userView';
export type { WebhookDeps } from './usecases/webhooks/deps';
export { addTarget, removeTarget, sendTest, type NewTarget } from './usecases/webhooks/manageTargets';
export { buildPayloads, USERS_PER_PART } from './usecases/webhooks/payloads';
export { webhookNotifier } from './usecases/webhooks/queueDeliveries';
export { runDelivery, type DeliveryOutcome } from './usecases/webhooks/runDelivery';
export { taskValidationRules, validateTask, type TaskValidationContext, type TaskWarning } from './usecases/tasks/validateTask';
export { planTask, type Announcement, type PlannedTask, type TaskPlan, type TaskPlanSummary } from './usecases/tasks/planTask';
export { taskSkipReasons, type TaskSkipReason, type PlannedChange, type RuleMatch, type TaskPlanContext, type TaskPlanItem } from './usecases/tasks/taskPlanItem';
export { decideNotices, type NoticeDecision } from './usecases/tasks/notice';
export { checkSafetyCap, SAFETY_CAP_EXCEEDED, type SafetyVerdict } from './usecases/tasks/safetyCap';
export { noticesToClear, noticesToStore, proposalOf } from './usecases/tasks/runRecords';
export type { TaskRunnerDeps } from './usecases/tasks/runnerDeps';
export { startTaskRun, type StartTaskRunRequest } from './usecases/tasks/run/startTaskRun';
export { decideProposal, type DecideProposalRequest } from './usecases/tasks/run/decideProposal';
export { startDueTasks, SYNC_OVERLAP } from './usecases/tasks/run/startDueTasks';
export { runTaskSlice, type TaskRunMessage, type TaskSliceOutcome } from './usecases/tasks/run/runTaskSlice';
export { skipReasonKey, taskRunReasons } from './usecases/tasks/run/reasonKeys';
export { taskJobId } from './usecases/tasks/run/taskJobs';
