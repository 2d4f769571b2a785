import { z } from 'zod';
import { productKeySchema } from './product';

/**
 * A directory group. IdP-synced groups (`modifiable: false`) cannot have members added or removed
 * through the Admin API, so every plan that would touch one skips the user with a reason.
 */
export const groupSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().nullable(),
  idpSynced: z.boolean(),
  modifiable: z.boolean(),
  userCount: z.number().int().nonnegative(),
  /** Products (with the site resource) that membership of this group grants. */
  grants: z.array(z.object({ productKey: productKeySchema, resourceId: z.string().min(1), role: z.string() })),
});
export type Group = z.infer<typeof groupSchema>;
