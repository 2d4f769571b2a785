import { z } from 'zod';
import type { CustomerRow, ProjectRoleRow, SiteChoice, SiteDirectoryQueries, SitePage, SitePerson } from '../../../domain/ports/siteDirectoryQueries';
import { afterKey, decodeCursor, encodeCursor, type KeysetOrder } from '../sql/keyset';
import { SqlExecutor } from '../sql/sqlExecutor';
import { allOf, placeholders, type SqlFragment } from '../sql/sqlValues';

const person = { name: z.string().nullable(), email: z.string().nullable(), account_status: z.enum(['active', 'inactive', 'closed']).nullable() };
const roleRowSchema = z.object({
  project_key: z.string(),
  role_name: z.string(),
  account_id: z.string(),
  via_group_id: z.string(),
  group_name: z.string().nullable(),
  ...person,
});
const customerRowSchema = z.object({
  service_desk_id: z.string(),
  service_desk_name: z.string(),
  account_id: z.string(),
  jsm_name: z.string().nullable(),
  jsm_email: z.string().nullable(),
  ...person,
});
const choiceRowSchema = z.object({ id: z.string(), name: z.string() });
const MAX_CHOICES = 2000;
const orgRowSchema = z.object({ account_id: z.string(), organization_id: z.string(), name: z.string().nullable() });

const roleOrder: KeysetOrder = { columns: ['m.project_key', 'm.role_name', 'm.account_id', 'm.via_group_id'], direction: 'asc' };
const customerOrder: KeysetOrder = { columns: ['c.service_desk_id', 'c.account_id'], direction: 'asc' };
const PERSON = 'u.name, u.email, u.account_status';

const personOf = (row: { name: string | null; email: string | null; account_status: SitePerson['accountStatus'] | null }): SitePerson | null =>
  row.name === null || row.account_status === null ? null : { name: row.name, email: row.email, accountStatus: row.account_status };

const clampLimit = (limit: number): number => Math.min(Math.max(Math.trunc(limit), 1), 500);

/** SiteDirectoryQueries over Forge SQL: project role members (U2) and JSM customers (U3), keyset-paged. */
export class SqlSiteDirectoryQueries implements SiteDirectoryQueries {
  constructor(private readonly db: SqlExecutor = new SqlExecutor()) {}

  async projectRoleMembers(
    filter: { projectKey?: string | undefined; roleName?: string | undefined },
    limit: number,
    after: string | null,
  ): Promise<SitePage<ProjectRoleRow>> {
    const size = clampLimit(limit);
    const parts: SqlFragment[] = [];
    if (filter.projectKey !== undefined) parts.push({ sql: 'm.project_key = ?', params: [filter.projectKey] });
    if (filter.roleName !== undefined) parts.push({ sql: 'LOWER(m.role_name) = LOWER(?)', params: [filter.roleName] });
    if (after !== null) parts.push(afterKey(roleOrder, decodeCursor('site:roles', after, 4)));
    const where = allOf(parts);
    const rows = await this.db.select(
      `SELECT m.project_key, m.role_name, m.account_id, m.via_group_id, g.name AS group_name, ${PERSON} ` +
        'FROM project_role_members m LEFT JOIN users u ON u.account_id = m.account_id ' +
        'LEFT JOIN directory_groups g ON g.group_id = m.via_group_id ' +
        `WHERE ${where.sql} ORDER BY m.project_key, m.role_name, m.account_id, m.via_group_id LIMIT ?`,
      [...where.params, size + 1],
      roleRowSchema,
    );
    const page = rows.slice(0, size);
    const last = page.at(-1);
    const next =
      rows.length > size && last ? encodeCursor('site:roles', [last.project_key, last.role_name, last.account_id, last.via_group_id]) : null;
    const items = page.map((r) => ({
      projectKey: r.project_key,
      roleName: r.role_name,
      accountId: r.account_id,
      viaGroupId: r.via_group_id === '' ? null : r.via_group_id,
      viaGroupName: r.group_name,
      person: personOf(r),
    }));
    return { items, next };
  }

  async projects(): Promise<SiteChoice[]> {
    return this.choices('project_key', 'project_name', 'project_role_members');
  }

  async serviceDesks(): Promise<SiteChoice[]> {
    return this.choices('service_desk_id', 'service_desk_name', 'jsm_customers');
  }

  async organizations(): Promise<SiteChoice[]> {
    return this.choices('organization_id', 'name', 'jsm_organizations');
  }

  /** The distinct (id, name) pairs of a site table, read from its (id, name) index and sorted by name, then id. */
  private async choices(id: string, name: string, table: string): Promise<SiteChoice[]> {
    const rows = await this.db.select(
      `SELECT ${id} AS id, MAX(${name}) AS name FROM ${table} GROUP BY ${id} ORDER BY name, id LIMIT ?`,
      [MAX_CHOICES],
      choiceRowSchema,
    );
    return rows;
  }

  async customers(
    filter: { serviceDeskId?: string | undefined; organizationId?: string | undefined },
    limit: number,
    after: string | null,
  ): Promise<SitePage<CustomerRow>> {
    const size = clampLimit(limit);
    const parts: SqlFragment[] = [];
    if (filter.serviceDeskId !== undefined) parts.push({ sql: 'c.service_desk_id = ?', params: [filter.serviceDeskId] });
    if (filter.organizationId !== undefined) {
      parts.push({
        sql: 'c.account_id IN (SELECT om.account_id FROM jsm_organization_members om WHERE om.organization_id = ?)',
        params: [filter.organizationId],
      });
    }
    if (after !== null) parts.push(afterKey(customerOrder, decodeCursor('site:customers', after, 2)));
    const where = allOf(parts);
    const rows = await this.db.select(
      `SELECT c.service_desk_id, c.service_desk_name, c.account_id, c.display_name AS jsm_name, c.email AS jsm_email, ${PERSON} FROM jsm_customers c LEFT JOIN users u ON u.account_id = c.account_id ` +
        `WHERE ${where.sql} ORDER BY c.service_desk_id, c.account_id LIMIT ?`,
      [...where.params, size + 1],
      customerRowSchema,
    );
    const page = rows.slice(0, size);
    const orgs = await this.organizationsOf([...new Set(page.map((r) => r.account_id))]);
    const last = page.at(-1);
    const next = rows.length > size && last ? encodeCursor('site:customers', [last.service_desk_id, last.account_id]) : null;
    const items = page.map((r) => ({
      serviceDeskId: r.service_desk_id,
      serviceDeskName: r.service_desk_name,
      accountId: r.account_id,
      displayName: r.jsm_name,
      email: r.jsm_email,
      person: personOf(r),
      organizations: orgs.get(r.account_id) ?? [],
    }));
    return { items, next };
  }

  private async organizationsOf(accountIds: readonly string[]): Promise<Map<string, { id: string; name: string | null }[]>> {
    const byAccount = new Map<string, { id: string; name: string | null }[]>();
    if (accountIds.length === 0) return byAccount;
    const rows = await this.db.select(
      'SELECT om.account_id, om.organization_id, o.name FROM jsm_organization_members om ' +
        `LEFT JOIN jsm_organizations o ON o.organization_id = om.organization_id WHERE om.account_id IN ${placeholders(accountIds.length)} ` +
        'ORDER BY om.account_id, om.organization_id',
      accountIds,
      orgRowSchema,
    );
    for (const row of rows) byAccount.set(row.account_id, [...(byAccount.get(row.account_id) ?? []), { id: row.organization_id, name: row.name }]);
    return byAccount;
  }
}
