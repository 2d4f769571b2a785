import { z } from 'zod';
import { DomainError } from '../../../domain/model/errors';
import type { User } from '../../../domain/model/user';
import type { UserLookup } from '../../../domain/ports/userLookup';
import type { UpsertUsersOptions, UserFilter, UserQuery, UserQueryContext, UserRepository } from '../../../domain/ports/userRepository';
import { chunked } from '../sql/multiRowStatements';
import { SqlExecutor } from '../sql/sqlExecutor';
import { placeholders, sqlInt } from '../sql/sqlValues';
import { emailKeys, UNKNOWN_KEY } from './userKeys';
import { searchPattern, userWhere } from './userFilter';
import { readPage } from './userPages';
import { countStatement } from './userSelect';
import { accessRowSchema, memberRowSchema, toUsers, userRowSchema, userSelectList, type UserRow } from './usersFromRows';
import { markLeftStatements, runMarkLeft } from './userRemovals';
import { runUserUpsert } from './userUpsertLanes';
import { newWriteId, userUpsertPlan, type UserUpsertPlan } from './userWrites';

const countSchema = z.object({ n: sqlInt });

const checkLimit = (limit: number, max: number): void => {
  if (!Number.isInteger(limit) || limit < 1 || limit > max) {
    throw new DomainError('VALIDATION_FAILED', `limit must be an integer from 1 to ${max}`, { field: 'limit' });
  }
};

/** UserRepository over Forge SQL (tables `users`, `user_product_access`, `group_members`, `user_search_words`). */
export class SqlUserRepository implements UserRepository, UserLookup {
  constructor(private readonly db: SqlExecutor = new SqlExecutor()) {}

  /** Runs the plan's three lanes (userUpsertLanes.ts, {@link runUserUpsert}) through @forge/sql. */
  async upsertMany(users: readonly User[], generation: number, options?: UpsertUsersOptions): Promise<void> {
    if (users.length === 0) return;
    const plan = userUpsertPlan(users, generation, newWriteId(), options);
    await runUserUpsert(plan, {
      run: async (statements) => { await this.db.executeAll(statements); },
      registerGroups: (p) => this.registerGroups(p),
    });
  }

  /**
   * Registers the batch's groups only when one of them is not in `directory_groups` yet: one count by unique key
   * instead of a registration row per group (after the groups phase, none is new).
   */
  private async registerGroups(plan: UserUpsertPlan): Promise<void> {
    let present = 0;
    for (const check of plan.groupCheck) present += (await this.db.select(check.query, check.params, countSchema))[0]?.n ?? 0;
    if (present < plan.groupHashes) await this.db.executeAll(plan.groupRegistration);
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

  async findByEmails(emails: readonly string[]): Promise<User[]> {
    const found: User[] = [];
    const keys = [...new Set(emails.map((e) => emailKeys(e).emailKey).filter((k) => k !== ''))];
    for (const chunk of chunked(keys)) {
      const rows = await this.db.select(
        `SELECT ${userSelectList} FROM users u WHERE u.email_key IN ${placeholders(chunk.length)}`,
        chunk,
        userRowSchema,
      );
      found.push(...(await this.hydrate(rows)));
    }
    return found;
  }

  async list(query: UserQuery, context: UserQueryContext): Promise<{ items: User[]; next: string | null }> {
    checkLimit(query.limit, 500);
    const page = await readPage(this.db, query, context);
    return { items: await this.hydrate(page.rows), next: page.next };
  }

  async countMatching(filter: UserFilter, context: UserQueryContext): Promise<number> {
    const statement = countStatement(userWhere(filter, context), searchPattern(filter));
    const [row] = await this.db.select(statement.query, statement.params, countSchema);
    return row?.n ?? 0;
  }

  async markLeftBefore(generation: number): Promise<number> {
    return runMarkLeft(markLeftStatements(generation), (statement) => this.db.execute(statement));
  }

  async withUnknownActivity(limit: number, after: string | null, seenIn?: number): Promise<string[]> {
    checkLimit(limit, 5000);
    const generation = seenIn === undefined ? '' : ' AND seen_generation = ?';
    const rows = await this.db.select(
      `SELECT account_id FROM users WHERE inactivity_key = ? AND account_id > ? AND left_generation IS NULL${generation} ` +
        'ORDER BY inactivity_key, account_id LIMIT ?',
      [UNKNOWN_KEY, after ?? '', ...(seenIn === undefined ? [] : [seenIn]), limit],
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

  /**
   * Adds product access and groups to a page of user rows: two indexed reads, run side by side. Access rows get
   * their product's key and site from `products`, membership rows their group's id and name from
   * `directory_groups` (both joined by their unique hash; the upsert registers both before writing a row).
   */
  private async hydrate(rows: readonly UserRow[]): Promise<User[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.account_id);
    const inList = placeholders(ids.length);
    const [access, members] = await Promise.all([
      this.db.select(
        'SELECT a.account_id, p.product_key, p.resource_id, a.last_active_ms, a.seen_generation FROM user_product_access a ' +
          `JOIN products p ON p.product_hash = a.product_hash WHERE a.account_id IN ${inList} ` +
          'ORDER BY a.account_id, p.product_key, p.resource_id',
        ids,
        accessRowSchema,
      ),
      this.db.select(
        'SELECT m.account_id, g.group_id, g.name AS group_name, m.seen_generation FROM group_members m ' +
          `JOIN directory_groups g ON g.group_hash = m.group_hash WHERE m.account_id IN ${inList} ` +
          'ORDER BY m.account_id, g.group_id',
        ids,
        memberRowSchema,
      ),
    ]);
    return toUsers(rows, access, members);
  }
}
