import type { BulkAction } from '../../../../src/domain/policy/actionEligibility';
import { runBulkSlice } from '../../../../src/domain/usecases/bulk/runBulkSlice';
import { startBulk } from '../../../../src/domain/usecases/bulk/startBulk';
import { runRevertSlice } from '../../../../src/domain/usecases/revert/runRevertSlice';
import { startRevert } from '../../../../src/domain/usecases/revert/startRevert';
import { admin, plenty, type TestDeps } from '../usecases/bulkSupport';

/** Runs a bulk action over `accountIds` to its end; returns its job id. */
export const runBulk = async (deps: TestDeps, action: BulkAction, accountIds: readonly string[]): Promise<string> => {
  const { jobId } = await startBulk({ action, selection: { kind: 'accounts', accountIds } }, admin, deps);
  expect((await runBulkSlice({ kind: 'bulk-action', jobId, slice: 0 }, plenty, deps)).kind).toBe('finished');
  return jobId;
};

/** One slice of a revert. */
export const revertSlice = (deps: TestDeps, jobId: string) => runRevertSlice({ kind: 'revert', jobId, slice: 0 }, plenty, deps);

/** Starts the revert of `jobId` and runs it to its end; returns the revert's job id. */
export const runRevert = async (deps: TestDeps, jobId: string): Promise<string> => {
  const revert = await startRevert({ jobId }, admin, deps);
  expect((await revertSlice(deps, revert.jobId)).kind).toBe('finished');
  return revert.jobId;
};

/** A job's results as [account, outcome, reason], by account. */
export const resultsOf = async (deps: TestDeps, jobId: string): Promise<(string | null)[][]> =>
  (await deps.jobs.results(jobId, 100, null)).items.map((r) => [r.accountId, r.outcome, r.reason]);
