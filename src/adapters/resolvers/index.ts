import { allResolverKeys } from '../../contract';
import { apiKeyResolvers } from './apiKeyResolver';
import { appResolvers } from './appResolver';
import { auditResolvers } from './auditResolver';
import { bulkResolvers } from './bulkResolver';
import { callersResolvers } from './callersResolver';
import { dashboardResolvers } from './dashboardResolver';
import type { ResolverMap } from './define';
import type { ResolverDeps } from './deps';
import { jobsResolvers } from './jobsResolver';
import { revertResolvers } from './revertResolver';
import { settingsResolvers } from './settingsResolver';
import { syncResolvers } from './syncResolver';
import { taskRunsResolvers } from './taskRunsResolver';
import { tasksResolvers } from './tasksResolver';
import { usersResolvers } from './usersResolver';
import { webhooksResolvers } from './webhooksResolver';

export type { ResolverDeps } from './deps';

/**
 * Every resolver of the admin page, one module per screen, keyed as the contract names them. Throws at start-up
 * when a contract key has no resolver or a module defines a key twice, so a release cannot ship a missing one.
 */
export const buildResolvers = (deps: ResolverDeps): ResolverMap => {
  const modules = [appResolvers, dashboardResolvers, usersResolvers, auditResolvers, settingsResolvers, apiKeyResolvers, syncResolvers, bulkResolvers, jobsResolvers,
    callersResolvers, webhooksResolvers, tasksResolvers, taskRunsResolvers, revertResolvers];
  const all: ResolverMap = {};
  for (const build of modules) {
    for (const [key, run] of Object.entries(build(deps))) {
      if (key in all) throw new Error(`Resolver ${key} is defined twice`);
      all[key] = run;
    }
  }
  const missing = allResolverKeys.filter((key) => !(key in all));
  if (missing.length > 0) throw new Error(`No resolver for ${missing.join(', ')}`);
  return all;
};
