import { z } from 'zod';
import { SqlExecutor } from '../sql/sqlExecutor';
import { neverActiveKeySql, UNKNOWN_KEY } from '../users/userKeys';

/** The first schema's keys: 1 for no activity (known), 2 for unknown activity. No key of today's is 1 or 2. */
const OLD_KEYS = 'inactivity_key IN (1, 2)';

const rekeyAccess =
  'UPDATE user_product_access a JOIN users u ON u.account_id = a.account_id SET a.inactivity_key = ' +
  `CASE WHEN a.inactivity_key = 1 THEN ${neverActiveKeySql('u.added_key')} ELSE ${String(UNKNOWN_KEY)} END ` +
  `WHERE a.${OLD_KEYS}`;

const rekeyUsers =
  `UPDATE users SET inactivity_key = CASE WHEN inactivity_key = 1 THEN ${neverActiveKeySql('added_key')} ` +
  `ELSE ${String(UNKNOWN_KEY)} END WHERE ${OLD_KEYS}`;

/**
 * Never-active keys now hold the day the user was added, so `new` is a key range too (users/userKeys.ts). Rows
 * written with the first schema's keys are rewritten in place, access rows first and users last, as ordinary DML
 * (the DDL migrations stay DDL). Whether anything is left is one indexed look at `users`: once its rows are
 * rewritten, so were the access rows before them. Running it again changes nothing.
 */
export const rekeyOldInactivityKeys = async (db: SqlExecutor = new SqlExecutor()): Promise<boolean> => {
  const left = await db.select(`SELECT account_id FROM users WHERE ${OLD_KEYS} LIMIT 1`, [], z.object({ account_id: z.string() }));
  if (left.length === 0) return false;
  await db.execute({ query: rekeyAccess, params: [] });
  await db.execute({ query: rekeyUsers, params: [] });
  return true;
};
