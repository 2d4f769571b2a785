import { access, aUser, daysAgo } from '../fixtures';
import { aTask, plan } from './taskSupport';

const idle = (n: number) => Array.from({ length: n }, () => aUser({ productAccess: [access('jira-software', daysAgo(100))] }));

describe('safety cap (T7)', () => {
  it('a run at the cap goes ahead', () => {
    const result = plan(aTask({ safetyCap: 3 }), idle(3));
    expect(result.safety).toEqual({ status: 'within-cap', cap: 3 });
    expect(result.summary.willChange).toBe(3);
  });

  it('a run over the cap changes nobody and fails with the reason', () => {
    const result = plan(aTask({ safetyCap: 3 }), [...idle(4), aUser({ productAccess: [access('jira-software', daysAgo(1))] })]);
    expect(result.safety).toEqual({ status: 'over-cap', reason: 'safety-cap-exceeded', cap: 3, wouldChange: 4, wouldAnnounce: 0 });
    expect(result.summary).toMatchObject({ willChange: 0, skippedByReason: { 'over-cap': 4, 'not-inactive-enough': 1 } });
    expect(result.items[0]).toMatchObject({ decision: 'skip', reason: 'over-cap', match: { inactiveDays: 100 } });
  });

  it('counts announcements too: over the cap nobody is announced and no notice is cleared', () => {
    const users = idle(4);
    const stale = { taskId: 't', accountId: 'left-long-ago', announcedAt: daysAgo(2), plannedChangeAt: null };
    const result = plan(aTask({ safetyCap: 3, noticeDays: 7 }), users, [stale]);
    expect(result.safety).toMatchObject({ status: 'over-cap', wouldChange: 0, wouldAnnounce: 4 });
    expect(result.notices).toEqual({ announce: [], clear: [] });
    expect(result.summary.skippedByReason).toEqual({ 'over-cap': 4 });
  });
});
