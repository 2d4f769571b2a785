import { DomainError } from '../../../../src/domain/model/errors';
import { changeOf } from '../../../../src/domain/model/task';
import { isProposalOpen, proposalExpiry } from '../../../../src/domain/model/taskRecords';
import { validateTask } from '../../../../src/domain/usecases/tasks/validateTask';
import { JIRA_SITE, NOW } from '../fixtures';
import { aTask } from './taskSupport';

const site = { syncHour: 3, userCount: 1_000 };
const jira = { productKey: 'jira-software', resourceId: JIRA_SITE };

/** The `validation.*` keys of the issues a refused input gets, by path. */
const issuesOf = (input: unknown, context = site): Record<string, string> => {
  try {
    validateTask(input, context);
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'VALIDATION_FAILED') throw error;
    const issues = (error.details?.issues ?? []) as { path: string; messageKey: string }[];
    return Object.fromEntries(issues.map((i) => [i.path, i.messageKey]));
  }
  throw new Error('accepted');
};

describe('task validation (T1, T4)', () => {
  it('accepts a valid task and fills the defaults: notice 0, cap 100, enabled, every account type', () => {
    const { task, warnings } = validateTask(
      { name: '  Inactive 90 days ', rule: { kind: 'inactive', minInactiveDays: 90, products: 'all' }, action: { type: 'deactivate' }, schedule: { days: 'daily', hour: 5 } },
      site,
    );
    expect(task).toMatchObject({ name: 'Inactive 90 days', noticeDays: 0, safetyCap: 100, enabled: true, filter: { accountTypes: ['managed', 'external'] } });
    expect(warnings).toEqual([]);
  });

  it('refuses values out of range with one translatable reason per field', () => {
    const input = { ...aTask(), name: ' ', rule: { kind: 'inactive', minInactiveDays: 2, products: 'all' }, noticeDays: 31, safetyCap: 0, schedule: { days: 'daily', hour: 24 } };
    expect(issuesOf(input)).toEqual({
      name: 'validation.task.name-required',
      'rule.minInactiveDays': 'validation.task.days-out-of-range',
      noticeDays: 'validation.task.notice-out-of-range',
      safetyCap: 'validation.task.safety-cap-out-of-range',
      'schedule.hour': 'validation.task.hour-out-of-range',
    });
    expect(issuesOf({ ...aTask(), name: 'x'.repeat(101), rule: { kind: 'never-active', addedMoreThanDays: 366, products: 'all' } })).toEqual({
      name: 'validation.task.name-too-long',
      'rule.addedMoreThanDays': 'validation.task.days-out-of-range',
    });
    expect(issuesOf({ ...aTask(), rule: { kind: 'seat-cap', product: jira, maxSeats: -1 } })).toEqual({ 'rule.maxSeats': 'validation.task.seats-out-of-range' });
  });

  it('keeps zod codes for what has no named rule (unknown fields, bad kinds)', () => {
    expect(issuesOf({ ...aTask(), extra: 1 })).toEqual({ '': 'validation.unrecognized_keys' });
    expect(issuesOf({ ...aTask(), action: { type: 'delete' } })).toEqual({ 'action.type': 'validation.invalid_union' });
  });

  it('refuses the sync slot with its reason and warns for the hours after it in a large organization', () => {
    expect(issuesOf(aTask({ schedule: { days: 'daily', hour: 3 } }))).toEqual({ 'schedule.hour': 'validation.task.schedule-in-sync-slot' });
    const large = { syncHour: 3, userCount: 60_000 };
    expect(validateTask(aTask({ schedule: { days: [1], hour: 6 } }), large).warnings).toEqual([
      { code: 'task.schedule-after-sync', path: 'schedule.hour', hoursAfterSync: 3 },
    ]);
    expect(validateTask(aTask({ schedule: { days: [1], hour: 6 } }), site).warnings).toEqual([]);
  });

  it('refuses contradictions between fields', () => {
    const input = {
      ...aTask(),
      schedule: { days: [1, 1], hour: 5 },
      filter: { includeGroupIds: ['g'], excludeGroupIds: ['g'], accountTypes: ['managed'], billableOnly: false },
      action: { type: 'notify' },
      noticeDays: 3,
    };
    expect(issuesOf(input)).toEqual({
      'schedule.days': 'validation.task.duplicate-weekday',
      'filter.excludeGroupIds': 'validation.task.group-included-and-excluded',
      noticeDays: 'validation.task.notice-with-notify-only',
    });
  });

  it('a seat cap revokes exactly the capped product (or proposes it, or only notifies)', () => {
    const rule = { kind: 'seat-cap' as const, product: jira, maxSeats: 10 };
    expect(issuesOf(aTask({ rule, action: { type: 'deactivate' } }))).toEqual({ action: 'validation.task.seat-cap-needs-revoke' });
    const other = { productKey: 'confluence', resourceId: JIRA_SITE };
    expect(issuesOf(aTask({ rule, action: { type: 'revoke', products: [jira, other] } }))).toEqual({ action: 'validation.task.seat-cap-needs-revoke' });
    expect(issuesOf(aTask({ rule, action: { type: 'revoke', products: [{ ...jira, resourceId: 'other-site' }] } }))).toEqual({
      action: 'validation.task.seat-cap-needs-revoke',
    });
    for (const action of [{ type: 'revoke' as const, products: [jira] }, { type: 'propose' as const, change: { type: 'revoke' as const, products: [jira] } }, { type: 'notify' as const }]) {
      expect(validateTask(aTask({ rule, action }), site).task.action).toEqual(action);
    }
  });
});

describe('task records', () => {
  it('names the change of each action', () => {
    expect(changeOf({ type: 'notify' })).toBeNull();
    expect(changeOf({ type: 'propose', change: { type: 'deactivate' } })).toEqual({ type: 'deactivate' });
    expect(changeOf({ type: 'revoke', products: [jira] })).toEqual({ type: 'revoke', products: [jira] });
  });

  it('a proposal expires 7 days after it was made and is open only while pending', () => {
    const expiresAt = proposalExpiry(NOW);
    expect(expiresAt).toEqual(new Date('2025-06-22T12:00:00Z'));
    expect(isProposalOpen({ status: 'pending', expiresAt }, new Date('2025-06-22T11:59:59Z'))).toBe(true);
    expect(isProposalOpen({ status: 'pending', expiresAt }, expiresAt)).toBe(false);
    expect(isProposalOpen({ status: 'approved', expiresAt }, NOW)).toBe(false);
  });
});
