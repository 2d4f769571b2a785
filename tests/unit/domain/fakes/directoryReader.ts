import { DomainError } from '../../../../src/domain/model/errors';
import type { Group } from '../../../../src/domain/model/group';
import type { Product } from '../../../../src/domain/model/product';
import type { User } from '../../../../src/domain/model/user';
import type { DirectoryReader, Page, UserActivity, UserSearchFilter } from '../../../../src/domain/ports/directoryReader';
import type { FakeClock } from './clock';
import { KillSwitch } from './killSwitch';

export type ReaderCall = 'listProducts' | 'listDirectories' | 'searchUsers' | 'searchGroups' | 'lastActiveDates';

/** Throws to simulate a fault for a call, or returns to let it through. */
export type FaultHook = (call: ReaderCall, callNumber: number, arg: string | null) => void;

const pageOf = <T>(items: readonly T[], cursor: string | null, size = 100): Page<T> => {
  const offset = cursor === null ? 0 : Number(cursor);
  const next = offset + size < items.length ? String(offset + size) : null;
  return { items: items.slice(offset, offset + size), next };
};

/** Users pages keyed by the last account id (users are in account-id order): a user leaving mid-walk shifts nothing. */
const userPageOf = (users: readonly User[], cursor: string | null, size = 100): Page<User> => {
  const found = cursor === null ? 0 : users.findIndex((u) => u.accountId > cursor);
  const start = found < 0 ? users.length : found;
  const items = users.slice(start, start + size);
  const last = items[items.length - 1];
  return { items, next: start + size < users.length && last !== undefined ? last.accountId : null };
};

/**
 * The org's directory as the Admin API would return it. `users` is the truth (with activity); the walk hides the
 * activity of `hiddenActivity` users (activityKnown false), which only `lastActiveDates` gives. Each call moves the
 * clock by `callMs`; `fault` may throw before a call.
 */
export class FakeDirectoryReader implements DirectoryReader {
  users: User[] = [];
  groups: Group[] = [];
  products: Product[] = [];
  directories: string[] = ['dir-1'];
  /** Directory of a user (default: the first). */
  userDirectory = new Map<string, string>();
  hiddenActivity = new Set<string>();
  calls: Record<ReaderCall, number> = { listProducts: 0, listDirectories: 0, searchUsers: 0, searchGroups: 0, lastActiveDates: 0 };
  lastActiveAsked: string[] = [];
  fault: FaultHook | null = null;
  callMs = 0;

  constructor(
    private readonly clock: FakeClock,
    private readonly power: KillSwitch = new KillSwitch(),
  ) {}

  private call(name: ReaderCall, arg: string | null = null): void {
    this.power.tick();
    this.calls[name] += 1;
    this.clock.advance(this.callMs);
    this.fault?.(name, this.calls[name], arg);
  }

  private sorted: { of: User[]; length: number; byDirectory: Map<string, User[]>; byId: Map<string, User> } | null = null;

  /** The directory a user is in (the first one unless `userDirectory` says otherwise). */
  directoryOf(accountId: string): string {
    return this.userDirectory.get(accountId) ?? this.directories[0] ?? '';
  }

  /** The directory's users in account-id order (cached while `users` is the same array). */
  private inDirectory(directoryId: string): User[] {
    if (this.sorted?.of !== this.users || this.sorted.length !== this.users.length) {
      const byDirectory = new Map<string, User[]>();
      for (const u of [...this.users].sort((a, b) => (a.accountId < b.accountId ? -1 : 1))) {
        const dir = this.directoryOf(u.accountId);
        const list = byDirectory.get(dir) ?? [];
        list.push(u);
        byDirectory.set(dir, list);
      }
      this.sorted = { of: this.users, length: this.users.length, byDirectory, byId: new Map(this.users.map((u) => [u.accountId, u])) };
    }
    return this.sorted.byDirectory.get(directoryId) ?? [];
  }

  /** What the users search returns for a user: activity hidden for `hiddenActivity` users. */
  walkView(user: User): User {
    if (!this.hiddenActivity.has(user.accountId)) return user; // the repository copies what it stores
    const productAccess = user.productAccess.map((a) => ({ ...a, lastActiveAt: null }));
    return { ...user, productAccess, activityKnown: false };
  }

  listProducts(): Promise<Product[]> {
    this.call('listProducts');
    return Promise.resolve(structuredClone(this.products));
  }

  listDirectories(): Promise<{ id: string; name: string }[]> {
    this.call('listDirectories');
    return Promise.resolve(this.directories.map((id) => ({ id, name: id })));
  }

  searchUsers(_orgId: string, directoryId: string, cursor: string | null, filter?: UserSearchFilter): Promise<Page<User>> {
    this.call('searchUsers', cursor);
    const all = this.inDirectory(directoryId);
    const users =
      filter === undefined
        ? all
        : 'groupIds' in filter
          ? all.filter((u) => u.groups.some((g) => filter.groupIds.includes(g.id)))
          : all.filter((u) => filter.accountIds.includes(u.accountId));
    const page = userPageOf(users, cursor);
    return Promise.resolve({ items: page.items.map((u) => this.walkView(u)), next: page.next });
  }

  searchGroups(_orgId: string, directoryId: string, cursor: string | null): Promise<Page<Group>> {
    this.call('searchGroups', cursor);
    const groups = directoryId === this.directories[0] ? [...this.groups].sort((a, b) => a.id.localeCompare(b.id)) : [];
    return Promise.resolve(structuredClone(pageOf(groups, cursor)));
  }

  lastActiveDates(_orgId: string, accountId: string): Promise<UserActivity> {
    this.call('lastActiveDates', accountId);
    this.lastActiveAsked.push(accountId);
    this.inDirectory('');
    const user = this.sorted?.byId.get(accountId);
    if (user === undefined) return Promise.reject(new DomainError('NOT_FOUND', 'no such user'));
    return Promise.resolve({
      accountId,
      addedToOrgAt: user.addedToOrgAt,
      products: user.productAccess.map((a) => ({ productKey: a.productKey, resourceId: a.resourceId, lastActiveAt: a.lastActiveAt })),
    });
  }
}
