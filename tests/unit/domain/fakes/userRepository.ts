import type { User } from '../../../../src/domain/model/user';
import { classifyInScope } from '../../../../src/domain/policy/inactivityPolicy';
import { foldEmail } from '../../../../src/domain/policy/protectedEmails';
import type { UserLookup } from '../../../../src/domain/ports/userLookup';
import type { UserFilter, UserQuery, UserQueryContext, UserRepository } from '../../../../src/domain/ports/userRepository';
import { pageOf } from './page';
import { Tables } from './tables';

/** The user's state overall, or in the filter's product (null: without that product, which matches no filter). */
const stateFor = (u: User, f: UserFilter, c: UserQueryContext) =>
  classifyInScope(u, f.productKey === undefined ? 'all' : [f.productKey], c.thresholds, c.now);

const matches = (u: User, f: UserFilter, c: UserQueryContext): boolean =>
  (f.accountStatus === undefined || f.accountStatus.includes(u.accountStatus)) &&
  (f.productKey === undefined || stateFor(u, f, c) !== null) &&
  (f.inactivity === undefined || f.inactivity.some((s) => s === stateFor(u, f, c))) &&
  (f.protected === undefined || c.protectedEmails.isProtected(u.email) === f.protected) &&
  (f.search === undefined || u.name.toLowerCase().startsWith(f.search.toLowerCase()));

/** The synced users as a map, for a test to arrange and read (no SQL request, never killed). */
class UserRows {
  constructor(private readonly t: Tables) {}
  get(accountId: string): User | undefined {
    return this.t.readUser(accountId) ?? undefined;
  }
  set(accountId: string, user: User): void {
    this.t.writeUser({ ...user, accountId }, this.t.users.get(accountId)?.seen ?? 0);
  }
  delete(accountId: string): void {
    this.t.users.delete(accountId);
    this.t.members.delete(accountId);
  }
}

/**
 * The synced users over `Tables`: upserts stamped with the generation, users a full sync no longer saw marked as
 * left, `list` in name order over the filters the tests use. `upserts` records each write.
 */
export class FakeUserRepository implements UserRepository, UserLookup {
  readonly rows: UserRows;
  upserts: { users: User[]; generation: number }[] = [];

  constructor(private readonly t: Tables = new Tables(), users: readonly User[] = []) {
    this.rows = new UserRows(t);
    for (const user of users) t.writeUser(user, 0);
  }

  upsertMany(users: readonly User[], generation: number): Promise<void> {
    this.t.op();
    this.upserts.push({ users: [...users], generation });
    for (const user of users) this.t.writeUser(user, generation);
    return Promise.resolve();
  }

  get(accountId: string): Promise<User | null> {
    this.t.op();
    return Promise.resolve(this.t.readUser(accountId));
  }

  getMany(accountIds: readonly string[]): Promise<User[]> {
    this.t.op();
    return Promise.resolve(accountIds.flatMap((id) => this.t.readUser(id) ?? []));
  }

  findByEmails(emails: readonly string[]): Promise<User[]> {
    this.t.op();
    const wanted = new Set(emails.map(foldEmail));
    return Promise.resolve([...this.t.users.values()].flatMap((r) => this.t.readUser(r.user.accountId) ?? []).filter((u) => u.email !== null && wanted.has(foldEmail(u.email))));
  }

  private matching(filter: UserFilter, context: UserQueryContext): User[] {
    return [...this.t.users.values()]
      .filter((r) => filter.includeLeft === true || r.left === null)
      .flatMap((r) => this.t.readUser(r.user.accountId) ?? [])
      .filter((u) => matches(u, filter, context))
      .sort((a, b) => a.name.localeCompare(b.name));
  }

  list(query: UserQuery, context: UserQueryContext): Promise<{ items: User[]; next: string | null }> {
    this.t.op();
    return Promise.resolve(pageOf(this.matching(query.filter, context), query.limit, query.after));
  }

  countMatching(filter: UserFilter, context: UserQueryContext): Promise<number> {
    this.t.op();
    return Promise.resolve(this.matching(filter, context).length);
  }

  markLeftBefore(generation: number): Promise<number> {
    this.t.op();
    let marked = 0;
    for (const row of this.t.users.values()) {
      if (row.seen < generation && row.left === null) {
        row.left = generation;
        row.user.membershipStatus = 'no_membership';
        marked += 1;
      }
    }
    return Promise.resolve(marked);
  }

  withUnknownActivity(limit: number, after: string | null, seenIn?: number): Promise<string[]> {
    this.t.op();
    const ids = [...this.t.users.values()]
      .filter((r) => !r.user.activityKnown && r.left === null && (after === null || r.user.accountId > after))
      .filter((r) => seenIn === undefined || r.seen === seenIn)
      .map((r) => r.user.accountId)
      .sort();
    return Promise.resolve(ids.slice(0, limit));
  }

  count(): Promise<number> {
    this.t.op();
    return Promise.resolve([...this.t.users.values()].filter((r) => r.left === null).length);
  }
}
