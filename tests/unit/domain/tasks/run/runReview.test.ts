import { decideProposal } from '../../../../../src/domain/usecases/tasks/run/decideProposal';
import { startDueTasks } from '../../../../../src/domain/usecases/tasks/run/startDueTasks';
import { access, JIRA_SITE } from '../../fixtures';
import { addTask, admin, drain, jiraUser, runDeps, runNow, type RunDeps } from './runSupport';

const DAY = 24 * 60 * 60 * 1000;
const other = { kind: 'admin' as const, accountId: 'other' };

const proposed = async (deps: RunDeps) => {
  addTask(deps, { action: { type: 'propose', change: { type: 'deactivate' } } });
  const run = await runNow(deps);
  const [proposal] = await deps.proposals.list('pending', 10);
  if (proposal === undefined) throw new Error('no proposal');
  return { run, proposal };
};

describe('review mode (T6)', () => {
  it('a review-mode run stores its plan as a proposal and changes nobody', async () => {
    const deps = runDeps([jiraUser('u1', 60), jiraUser('u2', 60), jiraUser('fresh', 2)]);
    const { run, proposal } = await proposed(deps);
    expect(run).toMatchObject({ status: 'proposed', jobId: null });
    expect(proposal).toMatchObject({ taskId: 't1', runId: run.id, accountIds: ['u1', 'u2'], status: 'pending', change: { type: 'deactivate' } });
    expect(deps.directory.calls).toEqual([]);
  });

  it('approving runs the plan as a job, planned again at that moment, audited with the deciding admin', async () => {
    const deps = runDeps([jiraUser('u1', 60), jiraUser('u2', 60)]);
    const { proposal } = await proposed(deps);
    const synced = deps.users.rows.get('u2');
    if (synced) deps.users.rows.set('u2', { ...synced, productAccess: [access('jira-software', deps.clock.now())] });
    const decided = await decideProposal({ proposalId: proposal.id, decision: 'approve' }, admin, deps);
    expect(decided).toMatchObject({ status: 'approved', decidedBy: admin });
    await drain(deps);
    expect(deps.directory.calls).toEqual(['disable u1']);
    const runs = deps.tasks.history('t1');
    expect(runs.map((r) => [r.trigger, r.status, r.counts.changed])).toEqual([
      ['manual', 'proposed', 0],
      ['manual', 'succeeded', 1],
    ]);
    expect(decided.jobId).toBe(runs[1]?.jobId);
    expect(deps.audit.list.filter((e) => e.details.event === 'proposal-approved').map((e) => e.actor)).toEqual([admin]);
    expect(deps.audit.list.find((e) => e.targetAccountId === 'u1')?.actor).toEqual(admin);
  });

  it('approving the proposal of a seat cap takes the product from the proposed users while the product is still over its cap', async () => {
    const jira = { productKey: 'jira-software', resourceId: JIRA_SITE };
    const deps = runDeps([jiraUser('a', 40), jiraUser('b', 400), jiraUser('c', 90), jiraUser('d', 1)]);
    addTask(deps, { rule: { kind: 'seat-cap', product: jira, maxSeats: 2 }, action: { type: 'propose', change: { type: 'revoke', products: [jira] } } });
    await runNow(deps);
    const [proposal] = await deps.proposals.list('pending', 10);
    expect(proposal?.accountIds).toEqual(['b', 'c']);
    await decideProposal({ proposalId: proposal?.id ?? '', decision: 'approve' }, admin, deps);
    await drain(deps);
    expect(deps.directory.calls).toEqual([`revoke b ${JIRA_SITE} atlassian/user`, `revoke c ${JIRA_SITE} atlassian/user`]);
  });

  it('is decided once: a second decision, or one after rejecting, is a CONFLICT', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    const { proposal } = await proposed(deps);
    const rejected = await decideProposal({ proposalId: proposal.id, decision: 'reject' }, admin, deps);
    expect(rejected.status).toBe('rejected');
    await expect(decideProposal({ proposalId: proposal.id, decision: 'approve' }, other, deps)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(decideProposal({ proposalId: 'nope', decision: 'approve' }, other, deps)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await drain(deps);
    expect(deps.directory.calls).toEqual([]);
  });

  it('two admins approving at once: one wins, one job', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    const { proposal } = await proposed(deps);
    const outcomes = await Promise.allSettled([
      decideProposal({ proposalId: proposal.id, decision: 'approve' }, admin, deps),
      decideProposal({ proposalId: proposal.id, decision: 'approve' }, other, deps),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    await drain(deps);
    expect(deps.directory.calls).toEqual(['disable u1']);
  });

  it('an approval whose slice died right after the decision gets its run from the next tick', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    const { proposal } = await proposed(deps);
    const create = deps.jobs.create.bind(deps.jobs);
    deps.jobs.create = () => Promise.reject(new Error('process died'));
    await expect(decideProposal({ proposalId: proposal.id, decision: 'approve' }, admin, deps)).rejects.toThrow('process died');
    deps.jobs.create = create;
    expect((await deps.proposals.get(proposal.id))?.status).toBe('approved');
    expect(deps.tasks.history('t1')).toHaveLength(1);
    await startDueTasks(deps).startDue(deps.clock.now());
    await drain(deps);
    expect(deps.directory.calls).toEqual(['disable u1']);
    const runs = deps.tasks.history('t1');
    expect(runs.map((r) => [r.status, r.jobId])).toEqual([
      ['proposed', null],
      ['succeeded', (await deps.proposals.get(proposal.id))?.jobId],
    ]);
    expect(deps.audit.list.find((e) => e.targetAccountId === 'u1')?.actor).toEqual(admin);
    await startDueTasks(deps).startDue(deps.clock.now());
    expect(deps.tasks.history('t1')).toHaveLength(2);
  });

  it('expires after 7 days, audited, and cannot be approved any more', async () => {
    const deps = runDeps([jiraUser('u1', 60)]);
    const { proposal } = await proposed(deps);
    deps.clock.advance(7 * DAY);
    await expect(decideProposal({ proposalId: proposal.id, decision: 'approve' }, admin, deps)).rejects.toMatchObject({ code: 'CONFLICT' });
    await startDueTasks(deps).startDue(deps.clock.now());
    expect((await deps.proposals.get(proposal.id))?.status).toBe('expired');
    expect(deps.audit.list.filter((e) => e.details.event === 'proposal-expired').map((e) => e.actor)).toEqual([{ kind: 'system' }]);
  });
});
