import { z } from 'zod';
import { emptyPayloadSchema } from './common';

/** app.bootstrap: the first call of the admin page. */
export const appBootstrapPayloadSchema = emptyPayloadSchema;

/** `bootstrap`: no key yet, only Settings may be shown; `full`: everything, with the role that granted it. */
export const accessGrantSchema = z.discriminatedUnion('level', [
  z.object({ level: z.literal('bootstrap') }),
  z.object({ level: z.literal('full'), via: z.enum(['org-admin', 'product-admin', 'user-access-admin']) }),
]);
export type AccessGrant = z.infer<typeof accessGrantSchema>;

export const bootstrapSchema = z.object({ grant: accessGrantSchema, apiKeyConfigured: z.boolean() });
export type Bootstrap = z.infer<typeof bootstrapSchema>;
