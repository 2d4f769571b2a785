import { resolverKeys } from '../../contract';
import { bulkResults } from '../../domain/usecases/bulk/bulkStatus';
import { listJobs } from '../../domain/usecases/jobs/listJobs';
import { define, type ResolverMap } from './define';
import type { ResolverDeps } from './deps';

/** The Jobs view (B3): running and recent jobs of every kind, and a job's per-user results. */
export const jobsResolvers = (deps: ResolverDeps): ResolverMap => ({
  ...define(deps, resolverKeys.jobsList, 'app', async ({ payload }) => ({ items: await listJobs(payload.limit, deps) })),
  ...define(deps, resolverKeys.jobsResults, 'app', ({ payload }) => bulkResults(payload, deps)),
});
