import { decideProposal } from '../../../../../src/domain/usecases/tasks/run/decideProposal';
import { startTaskRun } from '../../../../../src/domain/usecases/tasks/run/startTaskRun';
import { addTask, admin, drain, jiraUser, runDeps, runNow, setSyncRunning, system, type RunDeps } from './runSupport';

const DAY = 24 * 60 * 60 * 1000;
const review = { action: { type: 'propose' as const, change: { type: 'deactivate' as const } } };

const pending = async (deps: RunDeps) => deps.proposals.list('pending', 10);
const firstPending = async (deps: RunDeps) => {
  const [proposal] = await pending(deps);
  if (proposal === undefined) throw new Error('no proposal');
  return proposal;
};

describe('approving a proposal keeps the safeguards of a run (T3, T6, T7)', () => {
  it('is refused while a sync runs and while a run of the task runs; the proposal stays pending', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    addTask(deps, review);
    await runNow(deps);
    const proposal = await firstPending(deps);
    setSyncRunning(deps, true);
    await expect(decideProposal({ proposalId: proposal.id, decision: 'approve' }, admin, deps)).rejects.toMatchObject({ code: 'LOCK_HELD' });
    setSyncRunning(deps, false);
    await startTaskRun({ taskId: 't1', trigger: 'manual', slotAt: null, actor: system }, deps);
    await expect(decideProposal({ proposalId: proposal.id, decision: 'approve' }, admin, deps)).rejects.toMatchObject({ code: 'LOCK_HELD' });
    expect((await deps.proposals.get(proposal.id))?.status).toBe('pending');
    expect(deps.directory.calls).toEqual([]);
  });

  it("uses the task's safety cap as it is now: over it, the run fails and nobody is changed", async () => {
    const deps = runDeps([jiraUser('u1', 60), jiraUser('u2', 60), jiraUser('u3', 60)]);
    const task = addTask(deps, review);
    await runNow(deps);
    const proposal = await firstPending(deps);
    deps.tasks.tasks.set('t1', { ...task, safetyCap: 2 });
    const decided = await decideProposal({ proposalId: proposal.id, decision: 'approve' }, admin, deps);
    await drain(deps);
    expect(decided.status).toBe('approved');
    expect(deps.directory.calls).toEqual([]);
    expect(deps.tasks.history('t1').map((r) => [r.status, r.reason])).toEqual([
      ['proposed', null],
      ['failed', 'safety-cap-exceeded'],
    ]);
    expect(deps.notifier.sent.filter((e) => e.trigger === 'task-failed')).toHaveLength(1);
  });

  it('a later review run leaves out users still waiting in a proposal: approving both changes each user once', async () => {
    const deps = runDeps([jiraUser('u1', 60), jiraUser('u2', 60), jiraUser('u3', 26)]);
    addTask(deps, review);
    await runNow(deps);
    deps.clock.advance(DAY);
    const second = await runNow(deps);
    expect(second.status).toBe('succeeded');
    deps.clock.advance(5 * DAY);
    await runNow(deps);
    const proposals = await pending(deps);
    expect(proposals.map((p) => p.accountIds).sort()).toEqual([['u1', 'u2'], ['u3']]);
    for (const p of proposals) {
      await decideProposal({ proposalId: p.id, decision: 'approve' }, admin, deps);
      await drain(deps);
    }
    expect(deps.directory.calls.sort()).toEqual(['disable u1', 'disable u2', 'disable u3']);
    expect(deps.audit.list.filter((e) => e.targetAccountId !== null)).toHaveLength(3);
  });
});
