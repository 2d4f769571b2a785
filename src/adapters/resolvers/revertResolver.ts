import { resolverKeys } from '../../contract';
import { planRevert } from '../../domain/usecases/revert/planRevert';
import { startRevert } from '../../domain/usecases/revert/startRevert';
import { adminActor, define, type ResolverMap } from './define';
import type { ResolverDeps } from './deps';

/** Revert (B5): the plan of undoing a finished job (read live from the directory), and its start as a job. */
export const revertResolvers = (deps: ResolverDeps): ResolverMap => ({
  ...define(deps, resolverKeys.revertPlan, 'app', ({ payload }) => planRevert(payload, { ...deps, directory: deps.taskRunner.directory })),
  ...define(deps, resolverKeys.revertStart, 'app', ({ payload, accountId }) => startRevert(payload, adminActor(accountId), deps)),
});
