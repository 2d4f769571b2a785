import { migrationRunner } from '@forge/sql';
import {
  addJobItemsBefore,
  addJobsRevertsJobId,
  createAuditLog,
  createJobItems,
  createJobs,
  createJobsRevertsIndex,
  createPlaceholderTaskRuns,
  createPlaceholderTasks,
} from './activityTables';
import {
  createDirectoryGroups,
  createGroupGrants,
  createGroupMembers,
  createProducts,
  createUserProductAccess,
  createUsers,
  createUserSearchWords,
} from './directoryTables';
import { rekeyOldInactivityKeys } from './keyMigrations';
import {
  createJsmCustomers,
  createJsmOrganizationMembers,
  createJsmOrganizations,
  createProjectRoleMembers,
} from './siteTables';
import { createTaskNotices, createTaskProposals, createTaskRuns, createTasks, dropPlaceholderTaskTables } from './taskTables';
import { createWebhookDeliveries } from './webhookTables';

/**
 * Every migration, in order. Names are permanent once released (migrationRunner records them in
 * `__migrations`); a later schema change is a new entry, never an edit. Every statement is idempotent
 * because the runner is not transactional: a DDL whose checkpoint failed runs again.
 */
export const migrations: readonly (readonly [name: string, ddl: string])[] = [
  ['v001_users', createUsers],
  ['v002_user_product_access', createUserProductAccess],
  ['v003_directory_groups', createDirectoryGroups],
  ['v004_group_grants', createGroupGrants],
  ['v005_group_members', createGroupMembers],
  ['v006_products', createProducts],
  ['v007_project_role_members', createProjectRoleMembers],
  ['v008_jsm_customers', createJsmCustomers],
  ['v009_jsm_organizations', createJsmOrganizations],
  ['v010_jsm_organization_members', createJsmOrganizationMembers],
  ['v011_audit_log', createAuditLog],
  ['v013_jobs', createJobs],
  ['v014_job_items', createJobItems],
  ['v015_automated_tasks', createPlaceholderTasks],
  ['v016_task_runs', createPlaceholderTaskRuns],
  ['v017_user_search_words', createUserSearchWords],
  ['v018_webhook_deliveries', createWebhookDeliveries],
  ['v019_drop_placeholder_task_tables', dropPlaceholderTaskTables],
  ['v020_tasks', createTasks],
  ['v021_task_runs', createTaskRuns],
  ['v022_task_notices', createTaskNotices],
  ['v023_task_proposals', createTaskProposals],
  ['v024_job_items_before_state', addJobItemsBefore],
  ['v025_jobs_reverts_job_id', addJobsRevertsJobId],
  ['v026_jobs_reverts_index', createJobsRevertsIndex],
];

let applied: Promise<string[]> | null = null;

/**
 * Applies pending migrations once per process (the docs ask for a single migrationRunner invocation), then
 * rewrites inactivity keys a first-schema install still has (keyMigrations.ts); returns the names applied by this
 * call. A failure is not cached, so the next call retries.
 */
export const ensureSchema = (): Promise<string[]> => {
  if (applied === null) {
    for (const [name, ddl] of migrations) migrationRunner.enqueue(name, ddl);
    const run = async (): Promise<string[]> => {
      const names = await migrationRunner.run();
      await rekeyOldInactivityKeys();
      return names;
    };
    applied = run().catch((error: unknown) => {
      applied = null;
      throw error;
    });
  }
  return applied;
};
