import { DomainError } from '../../../../src/domain/model/errors';
import type { User } from '../../../../src/domain/model/user';
import type { DirectoryActions } from '../../../../src/domain/ports/directoryActions';
import type { Page, UserSearchFilter } from '../../../../src/domain/ports/directoryReader';
import { JIRA_SITE } from '../fixtures';

const unused = (): Promise<never> => Promise.reject(new Error('bulk actions search users by account only'));

/**
 * The directory writes the executor makes, recorded; `failWith` makes calls for an account fail. A write that
 * succeeds changes the account in `live`, which the users search (with an account filter) answers from.
 */
export class FakeDirectoryActions implements DirectoryActions {
  calls: string[] = [];
  /** Users searches: `search <directory> <account ids>`. */
  reads: string[] = [];
  failWith = new Map<string, Error>();
  readFailure: Error | null = null;
  /** Users per page of a search (a smaller page makes the caller follow the cursor). */
  searchPageSize = 100;
  live = new Map<string, User>();
  /** Directories that do not know any user (suspend/restore answer 404 there). */
  emptyDirectories = new Set<string>();
  directories = ['dir-1'];

  constructor(users: readonly User[] = []) {
    for (const u of users) this.live.set(u.accountId, structuredClone(u));
  }

  private record(call: string, accountId: string, directoryId: string | undefined, change: (u: User) => void): Promise<void> {
    this.calls.push(call);
    const failure = this.failWith.get(accountId);
    if (failure) return Promise.reject(failure);
    if (directoryId !== undefined && this.emptyDirectories.has(directoryId)) return Promise.reject(new DomainError('NOT_FOUND', 'no such user here'));
    const user = this.live.get(accountId);
    if (user) change(user);
    return Promise.resolve();
  }

  searchUsers = (_org: string, dir: string, cursor: string | null, filter?: UserSearchFilter): Promise<Page<User>> => {
    if (this.readFailure) return Promise.reject(this.readFailure);
    if (filter === undefined || !('accountIds' in filter)) return unused();
    this.reads.push(`search ${dir} ${filter.accountIds.join(',')}`);
    const found = this.emptyDirectories.has(dir) ? [] : filter.accountIds.flatMap((id) => { const u = this.live.get(id); return u ? [structuredClone(u)] : []; });
    const start = cursor === null ? 0 : Number(cursor);
    const end = start + this.searchPageSize;
    return Promise.resolve({ items: found.slice(start, end), next: end < found.length ? String(end) : null });
  };

  listDirectories = () => Promise.resolve(this.directories.map((id) => ({ id, name: id })));
  deactivateAccount = (id: string) => this.record(`disable ${id}`, id, undefined, (u) => { u.accountStatus = 'inactive'; });
  reactivateAccount = (id: string) => this.record(`enable ${id}`, id, undefined, (u) => { u.accountStatus = 'active'; });
  suspendUser = (_org: string, dir: string, id: string) => this.record(`suspend ${dir} ${id}`, id, dir, (u) => { u.membershipStatus = 'suspended'; });
  restoreUser = (_org: string, dir: string, id: string) => this.record(`restore ${dir} ${id}`, id, dir, (u) => { u.membershipStatus = 'active'; });
  assignProductRole = (_org: string, id: string, resource: string, role: string) =>
    this.record(`assign ${id} ${resource} ${role}`, id, undefined, (u) => {
      if (resource === JIRA_SITE) u.productAccess.push({ productKey: 'jira-software', resourceId: resource, lastActiveAt: null });
    });
  revokeProductRole = (_org: string, id: string, resource: string, role: string) =>
    this.record(`revoke ${id} ${resource} ${role}`, id, undefined, (u) => { u.productAccess = u.productAccess.filter((a) => a.resourceId !== resource); });
  addGroupMember = (_org: string, dir: string, group: string, id: string) =>
    this.record(`add ${dir} ${group} ${id}`, id, undefined, (u) => {
      if (!u.groups.some((g) => g.id === group)) u.groups.push({ id: group, name: group });
      if (!u.productAccess.some((a) => a.resourceId === JIRA_SITE)) u.productAccess.push({ productKey: 'jira-software', resourceId: JIRA_SITE, lastActiveAt: null });
    });
  removeGroupMember = (_org: string, dir: string, group: string, id: string) =>
    this.record(`remove ${dir} ${group} ${id}`, id, undefined, (u) => {
      // Every group of the fake org grants Jira (bulkSupport's viaGroup, idpGroup): the user keeps it while in another.
      u.groups = u.groups.filter((g) => g.id !== group);
      if (u.groups.length === 0) u.productAccess = u.productAccess.filter((a) => a.resourceId !== JIRA_SITE);
    });
}
