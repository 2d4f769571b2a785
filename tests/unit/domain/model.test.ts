import { DomainError, isDomainError } from '../../../src/domain/model/errors';
import { productFamily } from '../../../src/domain/model/product';
import { defaultSettings, settingsSchema, SETTINGS_VERSION } from '../../../src/domain/model/settings';
import { isDeactivated, isSuspended } from '../../../src/domain/model/user';
import { aUser } from './fixtures';

describe('domain model', () => {
  it('gives a fresh install warning 90 / overdue 180 days, sync at 03:00 UTC, nobody protected', () => {
    const settings = defaultSettings();
    expect(settings.version).toBe(SETTINGS_VERSION);
    expect(settings.inactivity).toEqual({ warningDays: 90, overdueDays: 180 });
    expect(settings.sync).toEqual({ hour: 3, timeZone: 'UTC' });
    expect(settings.protectedEmails).toEqual([]);
    expect(settings.access).toEqual({ allowProductAdmins: false, allowUserAccessAdmins: false });
  });

  it.each([
    [{ inactivity: { warningDays: 180, overdueDays: 90 } }, 'threshold.warning-not-below-overdue'],
    [{ inactivity: { warningDays: 90, overdueDays: 90 } }, 'threshold.warning-not-below-overdue'],
    [{ inactivity: { warningDays: 45, overdueDays: 90 } }, 'threshold.not-a-choice'],
  ])('refuses thresholds %j', (input, message) => {
    const result = settingsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain(message);
  });

  it('refuses unknown settings and out-of-range hours', () => {
    expect(settingsSchema.safeParse({ sync: { hour: 24, timeZone: 'UTC' } }).success).toBe(false);
    expect(settingsSchema.safeParse({ surprise: true }).success).toBe(false);
  });

  it('counts Jira Software and Jira Work Management as one Jira', () => {
    expect(productFamily('jira-software')).toBe('jira');
    expect(productFamily('jira-core')).toBe('jira');
    expect(productFamily('jira')).toBe('jira');
    expect(productFamily('jira-servicedesk')).toBe('jira-servicedesk');
    expect(productFamily('jira-service-management')).toBe('jira-servicedesk');
    expect(productFamily('jira-service-desk')).toBe('jira-servicedesk');
    expect(productFamily('confluence')).toBe('confluence');
    expect(productFamily('loom')).toBe('loom');
  });

  it('tells deactivated accounts from suspended memberships', () => {
    expect(isDeactivated(aUser({ accountStatus: 'inactive' }))).toBe(true);
    expect(isDeactivated(aUser({ accountStatus: 'active' }))).toBe(false);
    expect(isSuspended(aUser({ membershipStatus: 'suspended' }))).toBe(true);
    expect(isSuspended(aUser({ membershipStatus: 'active' }))).toBe(false);
  });

  it('carries a stable code and a message key on domain errors', () => {
    const error = new DomainError('RATE_LIMITED', 'slow down', { retryAt: 'x' });
    expect(isDomainError(error)).toBe(true);
    expect(isDomainError(new Error('x'))).toBe(false);
    expect(error.messageKey).toBe('errors.RATE_LIMITED');
    expect(error.details).toEqual({ retryAt: 'x' });
  });
});
