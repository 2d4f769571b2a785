import { noticesToClear, noticesToStore, proposalOf } from '../../../../src/domain/usecases/tasks/runRecords';
import { access, aUser, daysAgo, NOW } from '../fixtures';
import { aTask, plan } from './taskSupport';

const idle = () => aUser({ productAccess: [access('jira-software', daysAgo(100))] });
const ids = { id: 'p1', taskId: 't1', runId: 'r1' };
const propose = aTask({ action: { type: 'propose', change: { type: 'deactivate' } } });

describe('what a run records', () => {
  it('stores a notice per announced user, dated now, with the planned change', () => {
    const user = idle();
    const result = plan(aTask({ noticeDays: 7 }), [user]);
    expect(noticesToStore('t1', result, NOW)).toEqual([
      { taskId: 't1', accountId: user.accountId, announcedAt: NOW, plannedChangeAt: new Date('2025-06-22T05:00:00Z') },
    ]);
  });

  it('clears the notices of users who no longer match and of those it changed, each once', () => {
    const back = aUser({ productAccess: [access('jira-software', daysAgo(1))] });
    const notices = [{ taskId: 't1', accountId: back.accountId, announcedAt: daysAgo(9), plannedChangeAt: null }];
    const result = plan(aTask({ noticeDays: 7 }), [back], notices);
    expect(noticesToClear(result, ['changed', back.accountId])).toEqual([back.accountId, 'changed']);
  });

  it('a review-mode run proposes the users it would change, for 7 days', () => {
    const [a, b] = [idle(), aUser({ productAccess: [access('jira-software', daysAgo(2))] })];
    expect(proposalOf(propose, plan(propose, [a, b]), ids, NOW)).toEqual({
      ...ids,
      change: { type: 'deactivate' },
      accountIds: [a.accountId],
      createdAt: NOW,
      expiresAt: new Date('2025-06-22T12:00:00Z'),
      status: 'pending',
      decidedAt: null,
      decidedBy: null,
      jobId: null,
    });
  });

  it('proposes nothing for a task that acts, for an empty plan, or over the safety cap', () => {
    expect(proposalOf(aTask(), plan(aTask(), [idle()]), ids, NOW)).toBeNull();
    expect(proposalOf(propose, plan(propose, []), ids, NOW)).toBeNull();
    const capped = { ...propose, safetyCap: 1 };
    expect(proposalOf(capped, plan(capped, [idle(), idle()]), ids, NOW)).toBeNull();
  });
});
