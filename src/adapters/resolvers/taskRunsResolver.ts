import { resolverKeys } from '../../contract';
import { decideProposal } from '../../domain/usecases/tasks/run/decideProposal';
import { startTaskRun } from '../../domain/usecases/tasks/run/startTaskRun';
import { dryRun } from '../../domain/usecases/tasks/dryRun';
import { listProposals, proposalDetail, toProposalView } from '../../domain/usecases/tasks/proposalViews';
import { taskRunDetail, taskRunHistory, toRunView } from '../../domain/usecases/tasks/runViews';
import { adminActor, define, type ResolverMap } from './define';
import type { ResolverDeps } from './deps';

/** The Automated tasks tab's runs (T2, T3, T4, T6): dry run, Run now, run history and detail, proposals and their decision. */
export const taskRunsResolvers = (deps: ResolverDeps): ResolverMap => {
  const runner = deps.taskRunner;
  return {
    ...define(deps, resolverKeys.tasksDryRun, 'app', ({ payload }) =>
      dryRun(
        { source: { taskId: payload.taskId, definition: payload.definition }, filter: { decision: payload.decision, reason: payload.reason }, limit: payload.limit, after: payload.after },
        runner,
      )),
    ...define(deps, resolverKeys.tasksRunNow, 'app', async ({ payload, accountId }) =>
      toRunView(await startTaskRun({ taskId: payload.taskId, trigger: 'manual', slotAt: null, actor: adminActor(accountId) }, runner))),
    ...define(deps, resolverKeys.tasksRuns, 'app', ({ payload }) => taskRunHistory(payload, runner)),
    ...define(deps, resolverKeys.tasksRunDetail, 'app', ({ payload }) => taskRunDetail(payload, runner)),
    ...define(deps, resolverKeys.tasksProposals, 'app', async ({ payload }) => ({ items: await listProposals(payload, runner) })),
    ...define(deps, resolverKeys.tasksProposal, 'app', ({ payload }) => proposalDetail(payload, runner)),
    ...define(deps, resolverKeys.tasksDecideProposal, 'app', async ({ payload, accountId }) =>
      toProposalView(await decideProposal(payload, adminActor(accountId), runner), runner)),
  };
};
