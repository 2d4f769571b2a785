import { decideProposal } from '../../../../../src/domain/usecases/tasks/run/decideProposal';
import { startDueTasks } from '../../../../../src/domain/usecases/tasks/run/startDueTasks';
import { Power, runDying, wrapped } from './crashSupport';
import { addTask, admin, jiraUser, runDeps, runNow, type RunDeps } from './runSupport';

const review = { action: { type: 'propose' as const, change: { type: 'deactivate' as const } } };

/** A proposal of u1 and u2; an admin decides it and the process dies at call `dieAt`; then the admin retries, or not. */
const decidedDying = async (decision: 'approve' | 'reject', dieAt: number, landed: boolean, retry: boolean) => {
  const deps = runDeps([jiraUser('u1', 60), jiraUser('u2', 60)]);
  addTask(deps, review);
  await runNow(deps);
  const [proposal] = await deps.proposals.list('pending', 10);
  if (proposal === undefined) throw new Error('no proposal');
  const power = new Power(dieAt, landed);
  await decideProposal({ proposalId: proposal.id, decision }, admin, wrapped(deps, power)).catch(() => null);
  // A died process may still hold the task's start lease: the admin's retry comes once it has run out.
  deps.clock.advance(3 * 60 * 1000);
  if (retry) await decideProposal({ proposalId: proposal.id, decision }, admin, deps).catch(() => null);
  deps.clock.advance(61 * 60 * 1000);
  await startDueTasks(deps).startDue(deps.clock.now());
  await runDying(deps, 0, false);
  return { deps, proposalId: proposal.id, calls: power.calls };
};

/** The proposal is decided with its audit entry, or still pending and nothing happened; an approval changed each user once. */
const expectConsistent = async (deps: RunDeps, proposalId: string, decision: 'approve' | 'reject'): Promise<void> => {
  const proposal = await deps.proposals.get(proposalId);
  const decided = decision === 'approve' ? 'approved' : 'rejected';
  const entries = deps.audit.list.filter((e) => e.details.proposalId === proposalId).map((e) => e.details.event);
  if (proposal?.status === 'pending') {
    expect(deps.directory.calls).toEqual([]);
    expect(deps.tasks.history('t1')).toHaveLength(1);
    return;
  }
  expect(proposal?.status).toBe(decided);
  expect(entries).toEqual([`proposal-${decided}`]);
  const runs = deps.tasks.history('t1');
  if (decision === 'reject') {
    expect(runs).toHaveLength(1);
    expect(deps.directory.calls).toEqual([]);
    return;
  }
  expect(runs.map((r) => r.status)).toEqual(['proposed', 'succeeded']);
  expect(deps.directory.calls.sort()).toEqual(['disable u1', 'disable u2']);
  expect(proposal?.jobId).toBe(runs[1]?.jobId);
  expect(deps.audit.list.filter((e) => e.targetAccountId !== null && e.outcome === 'succeeded')).toHaveLength(2);
  expect(deps.audit.list.filter((e) => e.id === `task-run:${runs[1]?.id ?? ''}`)).toHaveLength(1);
};

describe('deciding a proposal survives the process dying at any call', () => {
  it.each([
    ['approve', true],
    ['approve', false],
    ['reject', true],
    ['reject', false],
  ] as const)('%s (admin retries: %s): decided with its audit entry and run, or not at all', async (decision, retry) => {
    const clean = await decidedDying(decision, 0, false, false);
    await expectConsistent(clean.deps, clean.proposalId, decision);
    expect((await clean.deps.proposals.get(clean.proposalId))?.status).not.toBe('pending');
    for (let dieAt = 1; dieAt <= clean.calls; dieAt += 1) {
      for (const landed of [false, true]) {
        const { deps, proposalId } = await decidedDying(decision, dieAt, landed, retry);
        await expectConsistent(deps, proposalId, decision);
        if (retry) expect((await deps.proposals.get(proposalId))?.status).not.toBe('pending');
      }
    }
  }, 60_000);
});
