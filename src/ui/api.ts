import { invoke } from '@forge/bridge';
import { z } from 'zod';
import { contract, failureSchema, type DataOf, type Envelope, type Failure, type PayloadOf, type ResolverKey } from '../contract';

export type { Envelope, Failure } from '../contract';

const rawEnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), data: z.unknown() }),
  z.object({ ok: z.literal(false), error: failureSchema }),
]);

const internal: Failure = { code: 'INTERNAL', messageKey: 'errors.INTERNAL' };

/**
 * Calls one resolver of the shared contract. The envelope and its `data` are checked against the contract's zod
 * schemas; a transport failure or a malformed answer becomes the same INTERNAL failure the resolvers use.
 */
export const call = async <K extends ResolverKey>(key: K, payload: PayloadOf<K>): Promise<Envelope<DataOf<K>>> => {
  try {
    const parsed = rawEnvelopeSchema.safeParse(await invoke(key, payload as Record<string, unknown>));
    if (!parsed.success) return { ok: false, error: internal };
    if (!parsed.data.ok) return { ok: false, error: parsed.data.error };
    const data = contract[key].data.safeParse(parsed.data.data);
    return data.success ? { ok: true, data: data.data as DataOf<K> } : { ok: false, error: internal };
  } catch {
    return { ok: false, error: internal };
  }
};
