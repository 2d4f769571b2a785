import { DomainError } from '../../../../src/domain/model/errors';
import type { DirectoryGateway } from '../../../../src/domain/ports/directoryGateway';

const unused = (): Promise<never> => Promise.reject(new Error('not used by bulk actions'));

/** The directory writes the executor makes, recorded; `failWith` makes calls for an account fail. */
export class RecordingDirectory implements DirectoryGateway {
  calls: string[] = [];
  failWith = new Map<string, Error>();
  /** Directories that do not know any user (suspend/restore answer 404 there). */
  emptyDirectories = new Set<string>();
  directories = ['dir-1'];
  orgs = [{ id: 'org-1', name: 'Acme' }];
  expiry: Date | null | Error = null;

  private record(call: string, accountId: string, directoryId?: string): Promise<void> {
    this.calls.push(call);
    const failure = this.failWith.get(accountId);
    if (failure) return Promise.reject(failure);
    if (directoryId !== undefined && this.emptyDirectories.has(directoryId)) return Promise.reject(new DomainError('NOT_FOUND', 'no such user here'));
    return Promise.resolve();
  }

  listOrgs = () => Promise.resolve(this.orgs);
  listDirectories = () => Promise.resolve(this.directories.map((id) => ({ id, name: id })));
  listProducts = unused;
  searchUsers = unused;
  searchGroups = unused;
  lastActiveDates = unused;
  changesSince = unused;
  apiKeyExpiry = (): Promise<Date | null> => (this.expiry instanceof Error ? Promise.reject(this.expiry) : Promise.resolve(this.expiry));
  deactivateAccount = (id: string) => this.record(`disable ${id}`, id);
  reactivateAccount = (id: string) => this.record(`enable ${id}`, id);
  suspendUser = (_org: string, dir: string, id: string) => this.record(`suspend ${dir} ${id}`, id, dir);
  restoreUser = (_org: string, dir: string, id: string) => this.record(`restore ${dir} ${id}`, id, dir);
  assignProductRole = (_org: string, id: string, resource: string, role: string) => this.record(`assign ${id} ${resource} ${role}`, id);
  revokeProductRole = (_org: string, id: string, resource: string, role: string) => this.record(`revoke ${id} ${resource} ${role}`, id);
  addGroupMember = (_org: string, _dir: string, group: string, id: string) => this.record(`add ${group} ${id}`, id);
  removeGroupMember = (_org: string, dir: string, group: string, id: string) => this.record(`remove ${dir} ${group} ${id}`, id);
}
