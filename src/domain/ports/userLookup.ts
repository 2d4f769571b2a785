import type { User } from '../model/user';

/** Finding synced users by email, for requests that name people by email (the web trigger, S10). */
export interface UserLookup {
  /** The synced users whose email folds (trimmed, NFKC, case-folded) to one of `emails`; left users included. */
  findByEmails(emails: readonly string[]): Promise<User[]>;
}
