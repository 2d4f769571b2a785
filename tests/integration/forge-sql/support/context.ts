import { ProtectedEmails } from '../../../../src/domain/policy/protectedEmails';
import type { UserQueryContext } from '../../../../src/domain/ports/userRepository';
import { NOW } from './seedDirectory';

/** The default query context: default thresholds at NOW, a whitelist with each entry kind. */
export const context = (overrides: Partial<UserQueryContext> = {}): UserQueryContext => ({
  now: NOW,
  thresholds: { warningDays: 90, overdueDays: 180 },
  protectedEmails: ProtectedEmails.from(['@vip.example', 'anne*@example.com', 'emile.zola0@corp.test']),
  ...overrides,
});
