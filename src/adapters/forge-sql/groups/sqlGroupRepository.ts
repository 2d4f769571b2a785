import { z } from 'zod';
import type { Group } from '../../../domain/model/group';
import type { GroupMembership, GroupRepository } from '../../../domain/ports/groupRepository';
import { afterKey, decodeCursor, encodeCursor, orderBy, type KeysetOrder } from '../sql/keyset';
import { chunked, multiRowStatements } from '../sql/multiRowStatements';
import { SqlExecutor } from '../sql/sqlExecutor';
import { allOf, likePrefix, placeholders, sqlBool, sqlInt, toSqlBool, type SqlFragment } from '../sql/sqlValues';
import { nameKey } from '../users/userKeys';
import { newWriteId } from '../users/userWrites';
import { groupHash } from './groupHash';
import { membershipStatements } from './membershipWrites';

const groupRowSchema = z.object({
  group_id: z.string(),
  name: z.string(),
  name_key: z.string(),
  description: z.string().nullable(),
  idp_synced: sqlBool,
  modifiable: sqlBool,
  user_count: sqlInt,
  directory_id: z.string().nullable(),
  directory_name: z.string().nullable(),
});
type GroupRow = z.output<typeof groupRowSchema>;
const grantRowSchema = z.object({ group_id: z.string(), product_key: z.string(), resource_id: z.string(), role: z.string() });

/** A synced group overwrites what a user upsert registered for it (userWrites.ts). */
const groupsUpsert = {
  head:
    'INSERT INTO directory_groups (group_id,group_hash,name,name_key,description,idp_synced,modifiable,user_count,directory_id,directory_name,seen_generation) VALUES',
  tail:
    'ON DUPLICATE KEY UPDATE name=VALUES(name),name_key=VALUES(name_key),description=VALUES(description),' +
    'idp_synced=VALUES(idp_synced),modifiable=VALUES(modifiable),user_count=VALUES(user_count),' +
    'directory_id=COALESCE(VALUES(directory_id),directory_id),directory_name=COALESCE(VALUES(directory_name),directory_name),' +
    'seen_generation=VALUES(seen_generation)',
  columns: 11,
};
const grantsUpsert = {
  head: 'INSERT INTO group_grants (group_id,product_key,resource_id,role,seen_generation,write_id) VALUES',
  tail: 'ON DUPLICATE KEY UPDATE seen_generation=VALUES(seen_generation),write_id=VALUES(write_id)',
  columns: 6,
};
const order: KeysetOrder = { columns: ['g.name_key', 'g.group_id'], direction: 'asc' };
const SELECT_GROUPS =
  'SELECT g.group_id, g.name, g.name_key, g.description, g.idp_synced, g.modifiable, g.user_count, g.directory_id, g.directory_name FROM directory_groups g';
/**
 * The groups a finished groups sync did not see (the subqueries for the deletes). A group a user upsert
 * registered carries that upsert's generation: the groups phase runs before the users walk, so what the walk
 * registers survives this run's deletion, and the next groups sync either writes the group or deletes it.
 */
const NOT_SEEN = 'SELECT group_id FROM directory_groups WHERE seen_generation < ?';
const NOT_SEEN_HASHES = 'SELECT group_hash FROM directory_groups WHERE seen_generation < ?';

/** GroupRepository over Forge SQL (`directory_groups`, `group_grants`, `group_members`). */
export class SqlGroupRepository implements GroupRepository {
  constructor(private readonly db: SqlExecutor = new SqlExecutor()) {}

  async upsertMany(groups: readonly Group[], generation: number): Promise<void> {
    if (groups.length === 0) return;
    const writeId = newWriteId();
    const groupRows = groups.map((g) => [
      g.id, groupHash(g.id), g.name, nameKey(g.name), g.description, toSqlBool(g.idpSynced), toSqlBool(g.modifiable), g.userCount,
      g.directory?.id ?? null, g.directory?.name ?? null, generation,
    ]);
    const grantRows = groups.flatMap((g) =>
      g.grants.map((t) => [g.id, t.productKey, t.resourceId, t.role, generation, writeId]),
    );
    await this.db.executeAll([
      ...multiRowStatements(groupsUpsert, groupRows),
      ...multiRowStatements(grantsUpsert, grantRows),
      ...chunked(groups.map((g) => g.id)).map((ids) => ({
        query: `DELETE FROM group_grants WHERE group_id IN ${placeholders(ids.length)} AND write_id <> ?`,
        params: [...ids, writeId],
      })),
    ]);
  }

  async upsertMemberships(memberships: readonly GroupMembership[], generation: number): Promise<void> {
    if (memberships.length === 0) return;
    await this.db.executeAll(membershipStatements(memberships, generation, newWriteId()));
  }

  /** Grants and memberships first, the groups last: a retry after a failure finds the groups to delete again. */
  async deleteNotSeenSince(generation: number): Promise<number> {
    await this.db.executeAll([
      { query: `DELETE FROM group_grants WHERE group_id IN (${NOT_SEEN})`, params: [generation] },
      { query: `DELETE FROM group_members WHERE group_hash IN (${NOT_SEEN_HASHES})`, params: [generation] },
    ]);
    return this.db.execute({ query: 'DELETE FROM directory_groups WHERE seen_generation < ?', params: [generation] });
  }

  async deleteMembershipsNotSeenSince(groupIds: readonly string[], generation: number): Promise<number> {
    const hashes = [...new Set(groupIds.map(groupHash))];
    return this.db.executeAll(
      chunked(hashes).map((chunk) => ({
        query: `DELETE FROM group_members WHERE group_hash IN ${placeholders(chunk.length)} AND seen_generation < ?`,
        params: [...chunk, generation],
      })),
    );
  }

  async get(groupId: string): Promise<Group | null> {
    const rows = await this.db.select(`${SELECT_GROUPS} WHERE g.group_id = ?`, [groupId], groupRowSchema);
    return (await this.withGrants(rows))[0] ?? null;
  }

  async getMany(groupIds: readonly string[]): Promise<Group[]> {
    const groups: Group[] = [];
    for (const ids of chunked([...new Set(groupIds)])) {
      const rows = await this.db.select(`${SELECT_GROUPS} WHERE g.group_id IN ${placeholders(ids.length)}`, ids, groupRowSchema);
      groups.push(...(await this.withGrants(rows)));
    }
    return groups;
  }

  async list(search: string | null, limit: number, after: string | null): Promise<{ items: Group[]; next: string | null }> {
    const safeLimit = Math.min(Math.max(Math.trunc(limit), 1), 500);
    const parts: SqlFragment[] = [];
    const prefix = nameKey(search ?? '');
    if (prefix !== '') parts.push({ sql: "g.name_key LIKE ? ESCAPE '!'", params: [likePrefix(prefix)] });
    if (after !== null) parts.push(afterKey(order, decodeCursor('groups:name', after, 2)));
    const where = allOf(parts);
    const rows = await this.db.select(
      `${SELECT_GROUPS} WHERE ${where.sql} ORDER BY ${orderBy(order)} LIMIT ?`,
      [...where.params, safeLimit + 1],
      groupRowSchema,
    );
    const page = rows.slice(0, safeLimit);
    const last = page.at(-1);
    const next = rows.length > safeLimit && last ? encodeCursor('groups:name', [last.name_key, last.group_id]) : null;
    return { items: await this.withGrants(page), next };
  }

  async memberCounts(groupIds: readonly string[]): Promise<Record<string, number>> {
    const counts: Record<string, number> = Object.fromEntries(groupIds.map((id) => [id, 0]));
    const idsByHash = new Map<number, string[]>();
    for (const id of new Set(groupIds)) {
      const hash = groupHash(id);
      idsByHash.set(hash, [...(idsByHash.get(hash) ?? []), id]);
    }
    for (const hashes of chunked([...idsByHash.keys()])) {
      const rows = await this.db.select(
        `SELECT group_hash, COUNT(*) AS n FROM group_members WHERE group_hash IN ${placeholders(hashes.length)} ` +
          'AND user_left = 0 GROUP BY group_hash',
        hashes,
        z.object({ group_hash: sqlInt, n: sqlInt }),
      );
      for (const row of rows) for (const id of idsByHash.get(row.group_hash) ?? []) counts[id] = row.n;
    }
    return counts;
  }

  async count(): Promise<number> {
    const [row] = await this.db.select('SELECT COUNT(*) AS n FROM directory_groups', [], z.object({ n: sqlInt }));
    return row?.n ?? 0;
  }

  private async withGrants(rows: readonly GroupRow[]): Promise<Group[]> {
    if (rows.length === 0) return [];
    const grants = await this.db.select(
      'SELECT group_id, product_key, resource_id, role FROM group_grants ' +
        `WHERE group_id IN ${placeholders(rows.length)} ORDER BY group_id, product_key, resource_id, role`,
      rows.map((r) => r.group_id),
      grantRowSchema,
    );
    return rows.map((r) => ({
      id: r.group_id,
      name: r.name,
      description: r.description,
      idpSynced: r.idp_synced,
      modifiable: r.modifiable,
      userCount: r.user_count,
      grants: grants
        .filter((t) => t.group_id === r.group_id)
        .map((t) => ({ productKey: t.product_key, resourceId: t.resource_id, role: t.role })),
      ...(r.directory_id === null ? {} : { directory: { id: r.directory_id, name: r.directory_name ?? '' } }),
    }));
  }
}
