import type { TaskNotice } from '../../../../src/domain/model/taskRecords';
import { decideNotices } from '../../../../src/domain/usecases/tasks/notice';
import { access, aUser, daysAgo } from '../fixtures';
import { aTask, decisionOf, plan } from './taskSupport';

const noticeOf = (accountId: string, announcedAt: Date): TaskNotice => ({ taskId: 't', accountId, announcedAt, plannedChangeAt: null });
const daily = { days: 'daily' as const, hour: 5 };
const berlin = { timeZone: 'Europe/Berlin', syncHour: 3 };

describe('notice period (T5)', () => {
  it('announces a matching user first, with the run that will change them', () => {
    const idle = aUser({ productAccess: [access('jira-software', daysAgo(100))] });
    const result = plan(aTask({ noticeDays: 7 }), [idle]);
    // NOW is 2025-06-15 12:00 UTC; seven days on, the daily 05:00 UTC run.
    const at = new Date('2025-06-22T05:00:00Z');
    expect(result.notices).toEqual({ announce: [{ accountId: idle.accountId, plannedChangeAt: at }], clear: [] });
    expect(result.items[0]).toMatchObject({ decision: 'skip', reason: 'within-notice', noticeUntil: at, match: { inactiveDays: 100 } });
  });

  it('acts on users announced at least N days earlier who still match; waits for the others', () => {
    const due = aUser({ productAccess: [access('jira-software', daysAgo(100))] });
    const waiting = aUser({ productAccess: [access('jira-software', daysAgo(100))] });
    const notices = [noticeOf(due.accountId, daysAgo(7)), noticeOf(waiting.accountId, daysAgo(6))];
    const result = plan(aTask({ noticeDays: 7 }), [due, waiting], notices);
    expect([due, waiting].map((u) => decisionOf(result, u))).toEqual(['will-change', 'within-notice']);
    expect(result.items[1]).toMatchObject({ noticeUntil: new Date('2025-06-16T05:00:00Z') });
    expect(result.notices).toEqual({ announce: [], clear: [] });
  });

  it('spares a user who became active and clears their notice, and the notice of one who left', () => {
    const back = aUser({ productAccess: [access('jira-software', daysAgo(1))] });
    const notices = [noticeOf(back.accountId, daysAgo(10)), noticeOf('gone', daysAgo(10))];
    const result = plan(aTask({ noticeDays: 7 }), [back], notices);
    expect(decisionOf(result, back)).toBe('not-inactive-enough');
    expect(result.notices.clear).toEqual([back.accountId, 'gone']);
  });

  it('a scheduled run acts once the run its notice announced has come, whatever minute its tick comes', () => {
    // Announced 05:20 Berlin for the next day's 05:00 run; that tick plans at 05:05 Berlin: less than 24 hours.
    const announcedAt = new Date('2025-06-14T03:20:00Z');
    const notice = { ...noticeOf('u', announcedAt), plannedChangeAt: new Date('2025-06-15T03:00:00Z') };
    const now = new Date('2025-06-15T03:05:00Z');
    expect(decideNotices(['u'], [notice], 1, daily, berlin, now).act).toEqual(['u']);
    expect(decideNotices(['u'], [{ ...notice, plannedChangeAt: new Date('2025-06-16T03:00:00Z') }], 2, daily, berlin, now).waiting).toEqual([
      { accountId: 'u', plannedChangeAt: new Date('2025-06-16T03:00:00Z') },
    ]);
  });

  it('never acts before the date the notice announced, nor, by hand, before N full days have passed', () => {
    // Announced 23:55 Berlin for the next morning's 05:00 run; a Run now at 00:05 is on the next calendar day.
    const notice = { ...noticeOf('u', new Date('2025-06-14T21:55:00Z')), plannedChangeAt: new Date('2025-06-15T03:00:00Z') };
    expect(decideNotices(['u'], [notice], 1, daily, berlin, new Date('2025-06-14T22:05:00Z')).act).toEqual([]);
    expect(decideNotices(['u'], [notice], 1, daily, berlin, new Date('2025-06-15T03:00:00Z')).act).toEqual(['u']);
    const unplanned = { ...notice, plannedChangeAt: null };
    expect(decideNotices(['u'], [unplanned], 1, daily, berlin, new Date('2025-06-15T21:54:00Z')).act).toEqual([]);
    expect(decideNotices(['u'], [unplanned], 1, daily, berlin, new Date('2025-06-15T21:55:00Z')).act).toEqual(['u']);
  });

  it('with no notice period acts at once and announces nobody', () => {
    expect(decideNotices(['u'], [], 0, daily, berlin, new Date())).toEqual({ act: ['u'], waiting: [], announce: [], clear: [] });
  });

  it('plans the change for the first scheduled weekday once the notice is over', () => {
    // Sunday 2025-06-15; notice 1 day → Monday; the task runs on Wednesdays only.
    const decision = decideNotices(['u'], [], 1, { days: [3], hour: 5 }, berlin, new Date('2025-06-15T10:00:00Z'));
    expect(decision.announce).toEqual([{ accountId: 'u', plannedChangeAt: new Date('2025-06-18T03:00:00Z') }]);
  });
});
