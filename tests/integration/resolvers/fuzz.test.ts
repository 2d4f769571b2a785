import { SIM_KEY, useAppRig } from './support/harness';
import fc from 'fast-check';
import { sql } from '@forge/sql';
import { seedFromSimulator } from './support/seed';
import { validPayloads } from './support/validPayloads';
import { allResolverKeys, contract, type ResolverKey } from '../../../src/contract';

/**
 * P4: every resolver refuses malformed input with a typed error and changes nothing. For each resolver, generated
 * payloads the contract's schema rejects — junk of every JSON and JavaScript shape, and the resolver's valid payload
 * with one field replaced by junk, dropped, or an unknown one added — each answered VALIDATION_FAILED with no internal
 * detail, while every SQL table and every KVS value stays as it was. ULO_FUZZ_RUNS sets the payloads per resolver.
 */
const PER_RESOLVER = Number(process.env.ULO_FUZZ_RUNS ?? 1000);
const rig = useAppRig(10);
let admin = '';
let payloads: ReturnType<typeof validPayloads> | null = null;

beforeAll(async () => {
  admin = rig.sim.state.org.users[0]?.accountId ?? '';
  rig.jiraAdmins.add(admin);
  await rig.ok(admin, 'apiKey.save', { key: SIM_KEY, orgId: rig.sim.state.org.id });
  const { users, groups } = await seedFromSimulator();
  payloads = validPayloads({ users, groups, orgId: rig.sim.state.org.id });
  // Fills what a first call caches (the caller's roles), so that the sweep starts from a settled state.
  await rig.ok(admin, 'dashboard.get');
}, 120_000);

/** Every table's rows (in a stable order) and every KVS entry: the state a refused call must leave alone. */
const snapshot = async (): Promise<string> => {
  const tables = await sql.prepare<{ t: string }>('SELECT table_name AS t FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name').execute();
  const parts: unknown[] = [];
  for (const { t } of tables.rows) {
    const rows = await sql.prepare<{ c: string }>(`SELECT MD5(GROUP_CONCAT(MD5(CONCAT_WS('|', t.*)) ORDER BY 1)) AS c FROM \`${t}\` t`).execute().catch(() => null);
    parts.push([t, rows?.rows[0]?.c ?? (await sql.prepare<{ n: number }>(`SELECT COUNT(*) AS n FROM \`${t}\``).execute()).rows[0]?.n]);
  }
  parts.push(rig.rt.runtime.kvs.store.entries());
  return JSON.stringify(parts);
};

const junk = fc.oneof(
  fc.anything({ maxDepth: 2, withBigInt: false, withDate: true, withMap: false, withSet: false, withTypedArray: false, withSparseArray: true, withNullPrototype: false }),
  fc.string({ maxLength: 300 }),
  fc.constantFrom('', ' ', '\u200b', 'x'.repeat(5000), '9999-12-31T23:59:59-01:00', '1969-12-31T23:59:59Z', "'; DROP TABLE users; --", '<script>', NaN, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, true, null, [], {}),
);

/** Payloads the key's schema rejects: junk, or its valid payload with one field replaced, dropped or added. */
const malformed = (key: ResolverKey, valid: Record<string, unknown>): unknown[] => {
  const fields = Object.keys(valid);
  const variants = fc.oneof(
    junk,
    fc.record({ field: fc.constantFrom(...fields, 'unexpected'), value: junk }).map(({ field, value }) => ({ ...valid, [field]: value })),
    ...(fields.length === 0 ? [] : [fc.constantFrom(...fields).map((field) => Object.fromEntries(Object.entries(valid).filter(([k]) => k !== field)))]),
  );
  const schema = contract[key].payload;
  // @forge/resolver hands a falsy payload to the resolver as {}.
  const refused = (p: unknown): boolean => !schema.safeParse(p || {}).success;
  const found: unknown[] = [];
  for (let seed = 1; found.length < PER_RESOLVER && seed < 50; seed += 1) {
    found.push(...fc.sample(variants, { numRuns: PER_RESOLVER, seed: seed * 7919 + key.length }).filter(refused));
  }
  return found.slice(0, PER_RESOLVER);
};

describe('every resolver refuses malformed payloads with VALIDATION_FAILED and changes nothing (P4)', () => {
  it.each(allResolverKeys)('%s', async (key) => {
    const valid = (payloads?.[key] ?? {}) as Record<string, unknown>;
    const cases = malformed(key, valid);
    expect(cases.length).toBe(PER_RESOLVER);
    const before = await snapshot();
    const wrong: unknown[] = [];
    for (const payload of cases) {
      const answer = (await rig.invoke(admin, key, payload)) as { ok: boolean; error?: { code?: string; details?: unknown } };
      const text = JSON.stringify(answer);
      if (answer.ok || answer.error?.code !== 'VALIDATION_FAILED' || /SELECT |INSERT |\bat .*\.(ts|js):\d|stack/i.test(text)) wrong.push({ payload, answer });
      if (wrong.length >= 3) break;
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toBe(before);
  }, 600_000);
});
