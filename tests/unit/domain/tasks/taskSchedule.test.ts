import type { TaskSchedule } from '../../../../src/domain/model/task';
import {
  dueRunDecision,
  dueTaskRun,
  latestTaskRun,
  localDaysBetween,
  nextTaskRuns,
  runOn,
} from '../../../../src/domain/policy/taskSchedule';

const berlin = { timeZone: 'Europe/Berlin', syncHour: 3 };
const newYork = { timeZone: 'America/New_York', syncHour: 3 };
const at = (iso: string) => new Date(iso);

describe('task schedule in the site zone', () => {
  it('runs daily at the hour in the site zone', () => {
    const runs = nextTaskRuns({ days: 'daily', hour: 5 }, berlin, at('2025-06-15T04:00:00Z'), 2);
    expect(runs).toEqual([at('2025-06-16T03:00:00Z'), at('2025-06-17T03:00:00Z')]);
  });

  it('runs on the chosen weekdays only', () => {
    // 2025-06-15 is a Sunday; Monday and Friday.
    const runs = nextTaskRuns({ days: [5, 1], hour: 22 }, berlin, at('2025-06-15T12:00:00Z'), 3);
    expect(runs).toEqual([at('2025-06-16T20:00:00Z'), at('2025-06-20T20:00:00Z'), at('2025-06-23T20:00:00Z')]);
  });

  it('spring forward: an hour that does not exist runs when the clock jumps to, once', () => {
    // Berlin 2025-03-30: 02:00 → 03:00. A 02:00 task runs at 03:00 CEST (01:00 UTC); sync at 05:00 here.
    const site = { timeZone: 'Europe/Berlin', syncHour: 5 };
    const runs = nextTaskRuns({ days: 'daily', hour: 2 }, site, at('2025-03-29T12:00:00Z'), 2);
    expect(runs).toEqual([at('2025-03-30T01:00:00Z'), at('2025-03-31T00:00:00Z')]);
  });

  it('fall back: a repeated hour runs at its first occurrence only', () => {
    // New York 2025-11-02: 01:00 EDT → 01:00 EST. A 01:00 task runs at 05:00 UTC, not again at 06:00 UTC.
    const schedule: TaskSchedule = { days: 'daily', hour: 1 };
    const runs = nextTaskRuns(schedule, newYork, at('2025-11-01T12:00:00Z'), 2);
    expect(runs).toEqual([at('2025-11-02T05:00:00Z'), at('2025-11-03T06:00:00Z')]);
    expect(dueTaskRun(schedule, newYork, at('2025-11-02T06:30:00Z'), at('2025-11-02T05:00:10Z'))).toBeNull();
  });

  it('never starts in the sync slot: a DST shift onto the sync hour moves the run to the end of that hour', () => {
    // New York 2025-03-09: 02:00 does not exist. Sync at 02:00 jumps to 03:00 EDT; a 03:00 task would start with it.
    const site = { timeZone: 'America/New_York', syncHour: 2 };
    const schedule: TaskSchedule = { days: 'daily', hour: 3 };
    expect(runOn(schedule, site, { year: 2025, month: 3, day: 9 })).toEqual(at('2025-03-09T08:00:00Z'));
    expect(runOn(schedule, site, { year: 2025, month: 3, day: 10 })).toEqual(at('2025-03-10T07:00:00Z'));
  });

  it('is due once per run time, within the catch-up window, and not again after it ran', () => {
    const schedule: TaskSchedule = { days: 'daily', hour: 5 };
    const slot = at('2025-06-15T03:00:00Z');
    expect(dueTaskRun(schedule, berlin, at('2025-06-15T03:10:00Z'), at('2025-06-14T03:00:05Z'))).toEqual(slot);
    expect(dueTaskRun(schedule, berlin, at('2025-06-15T03:10:00Z'), null)).toEqual(slot);
    expect(dueTaskRun(schedule, berlin, at('2025-06-15T04:10:00Z'), at('2025-06-15T03:10:00Z'))).toBeNull();
    expect(dueTaskRun(schedule, berlin, at('2025-06-15T09:00:00Z'), null)).toBeNull();
    expect(dueTaskRun(schedule, berlin, at('2025-06-15T02:59:00Z'), at('2025-06-14T03:00:05Z'))).toBeNull();
  });

  it('finds the latest run time of a weekly schedule up to a week back', () => {
    // Wednesdays 05:00 Berlin; on Tuesday 2025-06-17 the latest is Wednesday 2025-06-11.
    expect(latestTaskRun({ days: [3], hour: 5 }, berlin, at('2025-06-17T12:00:00Z'))).toEqual(at('2025-06-11T03:00:00Z'));
  });

  it('waits for a running sync until the end of the run hour, then skips the run', () => {
    const slot = at('2025-06-15T03:00:00Z');
    expect(dueRunDecision(slot, at('2025-06-15T03:10:00Z'), false)).toBe('start');
    expect(dueRunDecision(slot, at('2025-06-15T03:10:00Z'), true)).toBe('wait');
    expect(dueRunDecision(slot, at('2025-06-15T04:00:00Z'), true)).toBe('skip-sync-overlap');
  });

  it('counts calendar days in the zone', () => {
    expect(localDaysBetween(at('2025-06-14T21:59:00Z'), at('2025-06-14T22:01:00Z'), 'Europe/Berlin')).toBe(1);
    expect(localDaysBetween(at('2025-06-14T22:01:00Z'), at('2025-06-14T21:59:00Z'), 'Europe/Berlin')).toBe(0);
    expect(localDaysBetween(at('2025-03-29T12:00:00Z'), at('2025-03-31T12:00:00Z'), 'Europe/Berlin')).toBe(2);
  });
});
