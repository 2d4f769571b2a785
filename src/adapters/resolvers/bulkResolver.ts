import { resolverKeys } from '../../contract';
import { bulkStatus } from '../../domain/usecases/bulk/bulkStatus';
import { handoffList } from '../../domain/usecases/bulk/handoffList';
import { planBulk } from '../../domain/usecases/bulk/planBulk';
import { startBulk } from '../../domain/usecases/bulk/startBulk';
import { adminActor, define, type ResolverMap } from './define';
import type { ResolverDeps } from './deps';

/** Bulk actions (B1–B4): plan (and its hand-off list for the IdP team), start (a queued job), progress (per-user results: jobs.results). */
export const bulkResolvers = (deps: ResolverDeps): ResolverMap => ({
  ...define(deps, resolverKeys.bulkPlan, 'app', ({ payload }) => planBulk(payload, deps)),
  ...define(deps, resolverKeys.bulkStart, 'app', ({ payload, accountId }) => startBulk(payload, adminActor(accountId), deps)),
  ...define(deps, resolverKeys.bulkStatus, 'app', ({ payload }) => bulkStatus(payload.jobId, deps)),
  ...define(deps, resolverKeys.bulkHandoff, 'app', ({ payload }) => handoffList(payload, deps)),
});
