/**
 * The UI ↔ resolver contract: resolver keys, payload schemas and response shapes. Plain types and zod only, shared
 * by src/ui and src/adapters/resolvers; nothing here imports the core, adapters or @forge. Dates are ISO strings.
 */
import type { z } from 'zod';
import { appBootstrapPayloadSchema, bootstrapSchema } from './app';
import { apiKeyCheckPayloadSchema, apiKeyCheckSchema, apiKeyInfoSchema, apiKeyRemovePayloadSchema, apiKeyRemoveSchema, apiKeySavePayloadSchema } from './apiKey';
import { auditListPayloadSchema, auditPageSchema } from './audit';
import {
  bulkHandoffPageSchema,
  bulkHandoffPayloadSchema,
  bulkJobSchema,
  bulkPlanPayloadSchema,
  bulkPlanSchema,
  bulkResultsPageSchema,
  bulkStartPayloadSchema,
  bulkStatusPayloadSchema,
  bulkStatusSchema,
} from './bulk';
import { callersContract } from './callers';
import { dashboardGetPayloadSchema, dashboardSchema } from './dashboard';
import { jobsListPayloadSchema, jobsListSchema, jobsResultsPayloadSchema } from './jobs';
import { resolverKeys, type ResolverKey } from './keys';
import { revertContract } from './revert';
import {
  groupsPageSchema,
  groupsSearchPayloadSchema,
  settingsDtoSchema,
  settingsGetPayloadSchema,
  settingsSavePayloadSchema,
  statisticsGetPayloadSchema,
  statisticsSchema,
} from './settings';
import {
  customersListPayloadSchema, customersPageSchema, projectUsersListPayloadSchema, projectUsersPageSchema, siteChoicesPayloadSchema, siteChoicesSchema,
} from './site';
import { taskRunsContract } from './taskRuns';
import { tasksContract } from './tasks';
import { syncHistoryPayloadSchema, syncHistorySchema, syncRunDtoSchema, syncStartPayloadSchema, syncStatusPayloadSchema, syncStatusSchema } from './sync';
import { userDetailSchema, usersCountPayloadSchema, usersCountSchema, usersDetailPayloadSchema, usersListPayloadSchema, usersPageSchema } from './users';
import {
  webhookDeliveryPageSchema,
  webhookDeliverySchema,
  webhooksAddPayloadSchema,
  webhooksDeliveriesPayloadSchema,
  webhooksGetPayloadSchema,
  webhooksRemovePayloadSchema,
  webhooksTestPayloadSchema,
  webhooksViewSchema,
} from './webhooks';

export * from './app';
export * from './apiKey';
export * from './audit';
export * from './bulk';
export * from './callers';
export * from './common';
export * from './dashboard';
export * from './envelope';
export * from './jobs';
export * from './keys';
export * from './languages';
export * from './revert';
export * from './messageKeys';
export * from './settings';
export * from './site';
export * from './sync';
export * from './taskRuns';
export * from './tasks';
export * from './users';
export * from './webhooks';

const entry = <P extends z.ZodType, D extends z.ZodType>(payload: P, data: D) => ({ payload, data });

/** For every resolver key: the payload schema it validates and the schema of its `data`. */
export const contract = {
  [resolverKeys.appBootstrap]: entry(appBootstrapPayloadSchema, bootstrapSchema),
  [resolverKeys.dashboardGet]: entry(dashboardGetPayloadSchema, dashboardSchema),
  [resolverKeys.usersList]: entry(usersListPayloadSchema, usersPageSchema),
  [resolverKeys.usersCount]: entry(usersCountPayloadSchema, usersCountSchema),
  [resolverKeys.usersDetail]: entry(usersDetailPayloadSchema, userDetailSchema),
  [resolverKeys.projectUsersList]: entry(projectUsersListPayloadSchema, projectUsersPageSchema),
  [resolverKeys.customersList]: entry(customersListPayloadSchema, customersPageSchema),
  [resolverKeys.projectUsersProjects]: entry(siteChoicesPayloadSchema, siteChoicesSchema),
  [resolverKeys.customersServiceDesks]: entry(siteChoicesPayloadSchema, siteChoicesSchema),
  [resolverKeys.customersOrganizations]: entry(siteChoicesPayloadSchema, siteChoicesSchema),
  [resolverKeys.auditList]: entry(auditListPayloadSchema, auditPageSchema),
  [resolverKeys.settingsGet]: entry(settingsGetPayloadSchema, settingsDtoSchema),
  [resolverKeys.settingsSave]: entry(settingsSavePayloadSchema, settingsDtoSchema),
  [resolverKeys.apiKeyCheck]: entry(apiKeyCheckPayloadSchema, apiKeyCheckSchema),
  [resolverKeys.apiKeySave]: entry(apiKeySavePayloadSchema, apiKeyInfoSchema),
  [resolverKeys.apiKeyRemove]: entry(apiKeyRemovePayloadSchema, apiKeyRemoveSchema),
  [resolverKeys.statisticsGet]: entry(statisticsGetPayloadSchema, statisticsSchema),
  [resolverKeys.groupsSearch]: entry(groupsSearchPayloadSchema, groupsPageSchema),
  [resolverKeys.syncStart]: entry(syncStartPayloadSchema, syncRunDtoSchema),
  [resolverKeys.syncStatus]: entry(syncStatusPayloadSchema, syncStatusSchema),
  [resolverKeys.syncHistory]: entry(syncHistoryPayloadSchema, syncHistorySchema),
  [resolverKeys.bulkPlan]: entry(bulkPlanPayloadSchema, bulkPlanSchema),
  [resolverKeys.bulkStart]: entry(bulkStartPayloadSchema, bulkJobSchema),
  [resolverKeys.bulkStatus]: entry(bulkStatusPayloadSchema, bulkStatusSchema),
  [resolverKeys.bulkHandoff]: entry(bulkHandoffPayloadSchema, bulkHandoffPageSchema),
  [resolverKeys.jobsList]: entry(jobsListPayloadSchema, jobsListSchema),
  [resolverKeys.jobsResults]: entry(jobsResultsPayloadSchema, bulkResultsPageSchema),
  ...callersContract,
  ...tasksContract,
  [resolverKeys.webhooksGet]: entry(webhooksGetPayloadSchema, webhooksViewSchema),
  [resolverKeys.webhooksAdd]: entry(webhooksAddPayloadSchema, webhooksViewSchema),
  [resolverKeys.webhooksRemove]: entry(webhooksRemovePayloadSchema, webhooksViewSchema),
  [resolverKeys.webhooksTest]: entry(webhooksTestPayloadSchema, webhookDeliverySchema),
  [resolverKeys.webhooksDeliveries]: entry(webhooksDeliveriesPayloadSchema, webhookDeliveryPageSchema),
  ...taskRunsContract,
  ...revertContract,
} satisfies Record<ResolverKey, { payload: z.ZodType; data: z.ZodType }>;

type Contract = typeof contract;
/** What the UI sends to `key` (defaults may be left out). */
export type PayloadOf<K extends ResolverKey> = z.input<Contract[K]['payload']>;
/** The payload after validation, as the resolver sees it. */
export type ParsedPayloadOf<K extends ResolverKey> = z.output<Contract[K]['payload']>;
/** The `data` of a successful response from `key`. */
export type DataOf<K extends ResolverKey> = z.infer<Contract[K]['data']>;
