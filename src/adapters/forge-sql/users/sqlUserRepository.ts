import { z } from 'zod';
import { DomainError } from '../../../domain/model/errors';
import type { User } from '../../../domain/model/user';
import type { UserFilter, UserQuery, UserQueryContext, UserRepository } from '../../../domain/ports/userRepository';
import { chunked } from '../sql/multiRowStatements';
import { SqlExecutor } from '../sql/sqlExecutor';
import { placeholders, sqlInt } from '../sql/sqlValues';
import { UNKNOWN_KEY } from './userKeys';
import { searchBranches, userWhere } from './userFilter';
import { readPage } from './userPages';
import { countStatement } from './userSelect';
import { accessRowSchema, memberRowSchema, toUsers, userRowSchema, userSelectList, type UserRow } from './userRows';
import { eraseStatements, markLeftStatements, newWriteId, userUpsertLanes } from './userWrites';

const countSchema = z.object({ n: sqlInt });

const checkLimit = (limit: number, max: number): void => {
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new DomainError('VALIDATION_FAILED', `limit must be an integer from 1 to ${max}`, { field: 'limit' });
  }
};

/** UserRepository over Forge SQL (tables `users`, `user_product_access`, `group_members`). */
export class SqlUserRepository implements UserRepository {
  constructor(private readonly db: SqlExecutor = new SqlExecutor()) {}

  /**
   * The access and membership lanes run side by side first; the users rows last. A user row is what says whether
   * the user's activity is known (and what the fallback selects on), so a write cut short (a killed invocation)
   * never leaves a user marked known over access rows it did not write: the re-run slice reads that user again.
   */
  async upsertMany(users: readonly User[], generation: number): Promise<void> {
    if (users.length === 0) return;
    const [userRows = [], ...rowLanes] = userUpsertLanes(users, generation, newWriteId());
    await this.db.executeLanes(rowLanes);
    await this.db.executeAll(userRows);
  }

  async get(accountId: string): Promise<User | null> {
    return (await this.getMany([accountId]))[0] ?? null;
  }

  async getMany(accountIds: readonly string[]): Promise<User[]> {
    const found = new Map<string, User>();
    for (const chunk of chunked([...new Set(accountIds)])) {
      const rows = await this.db.select(
        `SELECT ${userSelectList} FROM users u WHERE u.account_id IN ${placeholders(chunk.length)}`,
        chunk,
        userRowSchema,
      );
      for (const user of await this.hydrate(rows)) found.set(user.accountId, user);
    }
    return accountIds.flatMap((id) => found.get(id) ?? []);
  }

  async list(query: UserQuery, context: UserQueryContext): Promise<{ items: User[]; next: string | null }> {
    checkLimit(query.limit, 500);
    const page = await readPage(this.db, query, context);
    return { items: await this.hydrate(page.rows), next: page.next };
  }

  async countMatching(filter: UserFilter, context: UserQueryContext): Promise<number> {
    const statement = countStatement(userWhere(filter, context), searchBranches(filter));
    const [row] = await this.db.select(statement.query, statement.params, countSchema);
    return row?.n ?? 0;
  }

  async markLeftBefore(generation: number): Promise<number> {
    const [users, ...rest] = markLeftStatements(generation);
    const marked = users === undefined ? 0 : await this.db.execute(users);
    await this.db.executeAll(rest);
    return marked;
  }

  async withUnknownActivity(limit: number, after: string | null): Promise<string[]> {
    checkLimit(limit, 5000);
    const rows = await this.db.select(
      'SELECT account_id FROM users WHERE inactivity_key = ? AND account_id > ? AND left_generation IS NULL ' +
        'ORDER BY inactivity_key, account_id LIMIT ?',
      [UNKNOWN_KEY, after ?? '', limit],
      z.object({ account_id: z.string() }),
    );
    return rows.map((r) => r.account_id);
  }

  async count(): Promise<number> {
    const [row] = await this.db.select(
      'SELECT COUNT(*) AS n FROM users WHERE left_generation IS NULL',
      [],
      countSchema,
    );
    return row?.n ?? 0;
  }

  async erase(accountId: string): Promise<void> {
    await this.db.executeAll(eraseStatements(accountId));
  }

  /** Adds product access and groups to a page of user rows: two indexed reads, run side by side. */
  private async hydrate(rows: readonly UserRow[]): Promise<User[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.account_id);
    const inList = placeholders(ids.length);
    const [access, members] = await Promise.all([
      this.db.select(
        'SELECT account_id, product_key, resource_id, last_active_at FROM user_product_access ' +
          `WHERE account_id IN ${inList} ORDER BY account_id, product_key, resource_id`,
        ids,
        accessRowSchema,
      ),
      this.db.select(
        `SELECT account_id, group_id, group_name FROM group_members WHERE account_id IN ${inList} ` +
          'ORDER BY account_id, group_id',
        ids,
        memberRowSchema,
      ),
    ]);
    return toUsers(rows, access, members);
  }
}
