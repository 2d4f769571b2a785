import { callerResolverKeys } from './callers';
import { revertResolverKeys } from './revert';
import { taskRunsResolverKeys } from './taskRuns';
import { taskResolverKeys } from './tasks';

/**
 * Every resolver the admin page may `invoke`, by screen. A resolver key never changes once released; new
 * resolvers are added here first, and the access test matrix iterates this map so none can be missed.
 */
export const resolverKeys = {
  appBootstrap: 'app.bootstrap',
  dashboardGet: 'dashboard.get',
  usersList: 'users.list',
  usersCount: 'users.count',
  usersDetail: 'users.detail',
  projectUsersList: 'projectUsers.list',
  customersList: 'customers.list',
  projectUsersProjects: 'projectUsers.projects',
  customersServiceDesks: 'customers.serviceDesks',
  customersOrganizations: 'customers.organizations',
  auditList: 'audit.list',
  settingsGet: 'settings.get',
  settingsSave: 'settings.save',
  apiKeyCheck: 'apiKey.check',
  apiKeySave: 'apiKey.save',
  apiKeyRemove: 'apiKey.remove',
  statisticsGet: 'statistics.get',
  groupsSearch: 'groups.search',
  syncStart: 'sync.start',
  syncStatus: 'sync.status',
  syncHistory: 'sync.history',
  bulkPlan: 'bulk.plan',
  bulkStart: 'bulk.start',
  bulkStatus: 'bulk.status',
  bulkHandoff: 'bulk.handoff',
  jobsList: 'jobs.list',
  jobsResults: 'jobs.results',
  ...callerResolverKeys,
  webhooksGet: 'webhooks.get',
  webhooksAdd: 'webhooks.addTarget',
  webhooksRemove: 'webhooks.removeTarget',
  webhooksTest: 'webhooks.test',
  webhooksDeliveries: 'webhooks.deliveries',
  ...taskRunsResolverKeys,
  ...taskResolverKeys,
  ...revertResolverKeys,
} as const;

export type ResolverKey = (typeof resolverKeys)[keyof typeof resolverKeys];

export const allResolverKeys: readonly ResolverKey[] = Object.values(resolverKeys);

/**
 * Resolvers of access area `settings`: a Jira administrator may call them before an org API key exists
 * (bootstrap, ARCHITECTURE §4). Every other resolver answers API_KEY_MISSING until a key is saved.
 * Once a key exists, both areas need the same platform role.
 */
export const settingsAreaKeys: readonly ResolverKey[] = [
  resolverKeys.appBootstrap,
  resolverKeys.settingsGet,
  resolverKeys.settingsSave,
  resolverKeys.apiKeyCheck,
  resolverKeys.apiKeySave,
  resolverKeys.apiKeyRemove,
];
