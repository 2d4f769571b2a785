import type { ProjectRoleMember, ServiceDeskCustomer, SiteDirectory } from '../../../../src/domain/ports/siteDirectory';
import { KillSwitch } from './killSwitch';

/** The Jira site's role members and JSM customers, 100 a page; `fault` may throw before a page is read. */
export class FakeSiteDirectory implements SiteDirectory {
  roleMembers: ProjectRoleMember[] = [];
  customers: ServiceDeskCustomer[] = [];
  calls = 0;
  fault: ((call: 'roles' | 'customers') => void) | null = null;
  constructor(private readonly power: KillSwitch = new KillSwitch()) {}
  private page<T>(items: T[], cursor: string | null, call: 'roles' | 'customers'): Promise<{ items: T[]; next: string | null }> {
    this.power.tick();
    this.calls += 1;
    this.fault?.(call);
    const offset = cursor === null ? 0 : Number(cursor);
    return Promise.resolve({ items: structuredClone(items.slice(offset, offset + 100)), next: offset + 100 < items.length ? String(offset + 100) : null });
  }
  projectRoleMembers(cursor: string | null): Promise<{ items: ProjectRoleMember[]; next: string | null }> {
    return this.page(this.roleMembers, cursor, 'roles');
  }
  serviceDeskCustomers(cursor: string | null): Promise<{ items: ServiceDeskCustomer[]; next: string | null }> {
    return this.page(this.customers, cursor, 'customers');
  }
}
