import { z } from 'zod';
import { productKeySchema } from './product';
import { directoryRefSchema } from './user';

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
  /**
   * The directory the groups sync read the group from (`directoryId` of groups/search; the name from the org's
   * directories). The Admin API names no identity provider: this is what the IdP team is told. Absent until a
   * groups sync stored it.
   */
  directory: directoryRefSchema.optional(),
});
export type Group = z.infer<typeof groupSchema>;
