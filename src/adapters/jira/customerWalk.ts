import { route } from '@forge/api';
import type { ServiceDeskCustomer } from '../../domain/ports/siteDirectory';
import type { JiraReader } from './jiraReader';
import { jsmPageSchema, jsmUserSchema, organizationSchema, serviceDeskSchema } from './jiraSchemas';
import type { WalkLimits } from './roleWalk';
import type { CustomerCursor } from './siteCursor';

const PER_CALL = 50;
/** `getCustomers` is experimental: JSM answers 412 without this header. */
const EXPERIMENTAL = { 'X-ExperimentalApi': 'opt-in' };

const deskPage = jsmPageSchema(serviceDeskSchema);
const orgPage = jsmPageSchema(organizationSchema);
const userPage = jsmPageSchema(jsmUserSchema);

type Cached = { start: number; ids: string[]; isLast: boolean };

/**
 * One page of the JSM walk: service desks → for each, its organizations' users (item per organization) → its
 * directly added customers (item without organizations). An account can so appear several times for one desk;
 * the consumer merges them (union of organizationIds). Offsets advance by the values received, since JSM caps
 * `size` below the requested `limit`. Desks and organizations that vanish mid-walk (404) are skipped.
 */
export class CustomerWalk {
  private desks: Cached | null = null;
  private readonly deskNames = new Map<string, string>();
  private orgs: (Cached & { desk: string }) | null = null;
  private calls = 0;
  /** Names JSM gave on the pages read by this instance: people by account, organizations by id. */
  private readonly people = new Map<string, { displayName: string | null; email: string | null }>();
  private readonly orgNames = new Map<string, string>();

  constructor(
    private readonly http: JiraReader,
    private readonly limits: WalkLimits,
  ) {}

  /** Advances `s` (mutated) and returns the items found; `done` when the walk has finished. */
  async page(s: CustomerCursor): Promise<{ items: ServiceDeskCustomer[]; done: boolean }> {
    const items: ServiceDeskCustomer[] = [];
    this.calls = 0;
    while (items.length < this.limits.pageSize && this.calls < this.limits.maxCallsPerPage) {
      if (s.did === null) {
        const desk = await this.deskAt(s.da);
        if (desk === null) return { items: this.named(items), done: true };
        Object.assign(s, { did: desk, dn: this.deskNames.get(desk) ?? desk, ph: 'orgs', oa: 0, oid: null, ua: 0, ca: 0 });
      } else if (s.ph === 'orgs' && s.oid === null) {
        const org = await this.orgAt(s.did, s.oa);
        if (org === undefined) nextDesk(s);
        else if (org === null) Object.assign(s, { ph: 'direct', ca: 0 });
        else Object.assign(s, { oid: org, ua: 0 });
      } else if (s.ph === 'orgs' && s.oid !== null) {
        const page = await this.get('getUsersInOrganization', route`/rest/servicedeskapi/organization/${s.oid}/user?start=${s.ua}&limit=${PER_CALL}`);
        const orgId = s.oid;
        for (const u of page?.values ?? []) items.push({ serviceDeskId: s.did, serviceDeskName: s.dn, accountId: u.accountId, organizationIds: [orgId] });
        if (page === null || page.values.length === 0 || page.isLastPage === true) Object.assign(s, { oa: s.oa + 1, oid: null, ua: 0 });
        else s.ua += page.values.length;
      } else {
        const page = await this.get('getCustomers', route`/rest/servicedeskapi/servicedesk/${s.did}/customer?start=${s.ca}&limit=${PER_CALL}`, EXPERIMENTAL);
        for (const u of page?.values ?? []) items.push({ serviceDeskId: s.did, serviceDeskName: s.dn, accountId: u.accountId, organizationIds: [] });
        if (page === null || page.values.length === 0 || page.isLastPage === true) nextDesk(s);
        else s.ca += page.values.length;
      }
    }
    return { items: this.named(items), done: false };
  }

  /** The items with the names JSM gave for the customer and the organizations. */
  private named(items: ServiceDeskCustomer[]): ServiceDeskCustomer[] {
    return items.map((item) => {
      const person = this.people.get(item.accountId);
      const organizationNames: Record<string, string> = {};
      for (const id of item.organizationIds) {
        const name = this.orgNames.get(id);
        if (name !== undefined) organizationNames[id] = name;
      }
      return { ...item, displayName: person?.displayName ?? null, email: person?.email ?? null, organizationNames };
    });
  }

  private async get(operation: string, path: ReturnType<typeof route>, headers: Record<string, string> = {}) {
    this.calls += 1;
    const page = await this.http.get(operation, path, userPage, headers);
    for (const u of page?.values ?? []) this.people.set(u.accountId, { displayName: u.displayName ?? null, email: u.emailAddress ?? null });
    return page;
  }

  /** The desk id at `index`, or null past the end. */
  private async deskAt(index: number): Promise<string | null> {
    const hit = this.hit(this.desks, index);
    if (hit !== undefined) return hit;
    this.calls += 1;
    const page = await this.http.get('getServiceDesks', route`/rest/servicedeskapi/servicedesk?start=${index}&limit=${PER_CALL}`, deskPage);
    this.desks = cache(index, page?.values.map((d) => d.id), page?.isLastPage);
    for (const d of page?.values ?? []) this.deskNames.set(d.id, d.projectName);
    return this.desks.ids[0] ?? null;
  }

  /** The organization id at `index` of the desk; null past the end; undefined when the desk is gone (404). */
  private async orgAt(desk: string, index: number): Promise<string | null | undefined> {
    const hit = this.orgs?.desk === desk ? this.hit(this.orgs, index) : undefined;
    if (hit !== undefined) return hit;
    this.calls += 1;
    const page = await this.http.get('getServiceDeskOrganizations', route`/rest/servicedeskapi/servicedesk/${desk}/organization?start=${index}&limit=${PER_CALL}`, orgPage);
    if (page === null) return undefined;
    for (const o of page.values) if (o.name !== undefined) this.orgNames.set(o.id, o.name);
    this.orgs = { desk, ...cache(index, page.values.map((o) => o.id), page.isLastPage) };
    return this.orgs.ids[0] ?? null;
  }

  /** A cached id at `index`: the id, null when the cache knows the list ended before it, undefined to fetch. */
  private hit(c: Cached | null, index: number): string | null | undefined {
    if (!c || index < c.start) return undefined;
    if (index < c.start + c.ids.length) return c.ids[index - c.start];
    return c.isLast ? null : undefined;
  }
}

const cache = (start: number, ids: string[] | undefined, isLast: boolean | undefined): Cached => ({
  start,
  ids: ids ?? [],
  isLast: isLast ?? (ids ?? []).length === 0,
});

const nextDesk = (s: CustomerCursor): void => {
  Object.assign(s, { da: s.da + 1, did: null, dn: '', ph: 'orgs', oa: 0, oid: null, ua: 0, ca: 0 });
};
