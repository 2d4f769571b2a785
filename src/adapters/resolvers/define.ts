import { contract, type DataOf, type ParsedPayloadOf, type ResolverKey } from '../../contract';
import type { AccessRequest } from '../../domain/usecases/checkAccess';
import { DomainError } from '../../domain/model/errors';
import { guarded, type GuardDeps, type Guarded, type ResolverRequest } from './guard';
import type { Envelope } from './envelope';

/** A contract type whose strings may still be Dates: what use cases return before the wire turns Dates into ISO text. */
export type Loose<T> = T extends string
  ? string | Date
  : T extends readonly (infer U)[]
    ? readonly Loose<U>[]
    : T extends object
      ? { [K in keyof T]: Loose<T[K]> }
      : T;

/** Dates → ISO-8601 UTC strings, deeply; everything else as is. */
export const toWire = (value: unknown): unknown => {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toWire);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]));
  }
  return value;
};

export type ResolverFn = (request: ResolverRequest) => Promise<Envelope<unknown>>;

/** A screen's resolvers by key. */
export type ResolverMap = Record<string, ResolverFn>;

/**
 * One resolver of the contract: access check for `area`, the payload validated with the key's contract schema,
 * storage prepared, the use case, and the answer checked against the contract's response schema (which also strips
 * anything the contract does not name, so no internal field can leak). A mismatch is INTERNAL, never sent.
 */
export const define = <K extends ResolverKey>(
  deps: GuardDeps & { prepare?: () => Promise<unknown> },
  key: K,
  area: AccessRequest['area'],
  run: (input: Guarded<ParsedPayloadOf<K>>) => Promise<Loose<DataOf<K>>>,
): Record<K, ResolverFn> => {
  const entry = contract[key];
  const handler = guarded(deps, area, entry.payload, async (input): Promise<unknown> => {
    await deps.prepare?.();
    const wire = entry.data.safeParse(toWire(await run(input as Guarded<ParsedPayloadOf<K>>)));
    if (!wire.success) {
      throw new DomainError('INTERNAL', `Response of ${key} does not match the contract`, {
        paths: wire.error.issues.map((i) => i.path.join('.')).slice(0, 5),
      });
    }
    return wire.data;
  });
  return { [key]: handler } as Record<K, ResolverFn>;
};

/** The acting admin, for audit entries. */
export const adminActor = (accountId: string): { kind: 'admin'; accountId: string } => ({ kind: 'admin', accountId });
