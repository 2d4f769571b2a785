import { z } from 'zod';
import { DomainError } from '../../domain/model/errors';

const index = z.number().int().nonnegative();

/** Where the project-role walk stands: project index, its key and name, roles left, actor and group-member offsets. */
export const roleCursorSchema = z.object({
  v: z.literal(1),
  w: z.literal('roles'),
  pa: index,
  pk: z.string().nullable(),
  pn: z.string(),
  rs: z.array(z.number().int()).nullable(),
  aa: index,
  ma: index,
});
export type RoleCursor = z.infer<typeof roleCursorSchema>;

/** Where the customer walk stands: desk index, id and name, phase, organization index/id, member and customer offsets. */
export const customerCursorSchema = z.object({
  v: z.literal(1),
  w: z.literal('customers'),
  da: index,
  did: z.string().nullable(),
  dn: z.string(),
  ph: z.enum(['orgs', 'direct']),
  oa: index,
  oid: z.string().nullable(),
  ua: index,
  ca: index,
});
export type CustomerCursor = z.infer<typeof customerCursorSchema>;

/** The start of each walk. */
export const firstRoleCursor = (): RoleCursor => ({ v: 1, w: 'roles', pa: 0, pk: null, pn: '', rs: null, aa: 0, ma: 0 });
export const firstCustomerCursor = (): CustomerCursor => ({
  v: 1,
  w: 'customers',
  da: 0,
  did: null,
  dn: '',
  ph: 'orgs',
  oa: 0,
  oid: null,
  ua: 0,
  ca: 0,
});

/** An opaque cursor: base64url of the position's JSON (well under 1 KB, safe in a queue message and in SQL). */
export const encodeCursor = (position: RoleCursor | CustomerCursor): string =>
  Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');

/** Reads a cursor this adapter made for the same walk; anything else is VALIDATION_FAILED. */
export const decodeCursor = <T>(cursor: string, schema: z.ZodType<T>): T => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw new DomainError('VALIDATION_FAILED', 'The site directory cursor is not valid for this walk.');
  return result.data;
};
