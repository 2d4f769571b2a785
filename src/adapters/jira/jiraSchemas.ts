/**
 * The parts of Jira platform and JSM answers the site directory reads, validated at the edge. Unknown fields are
 * ignored; what is read must be there with the right type, or the answer counts as malformed.
 */
import { z } from 'zod';

/** A path segment `route` accepts: no `/`, `?`, `#` or `..` (project keys, numeric ids). */
const segment = z.string().regex(/^[A-Za-z0-9_-]+$/);

/** PageBeanProject: the keys and names. */
export const projectPageSchema = z.object({
  values: z.array(z.object({ id: z.string(), key: segment, name: z.string() })),
  isLast: z.boolean().optional(),
});

/** `{ roleName: roleUrl }`; the role id is the URL's last segment. */
export const projectRolesSchema = z.record(z.string(), z.string());

/** RoleActor: `actorUser.accountId` for users, `actorGroup.groupId` (or `name`) for groups. */
const roleActorSchema = z.object({
  type: z.string().optional(),
  actorUser: z.object({ accountId: z.string().optional() }).optional(),
  actorGroup: z.object({ groupId: z.string().optional(), name: z.string().optional() }).optional(),
});
export type RoleActor = z.infer<typeof roleActorSchema>;

/** ProjectRole with its actors. */
export const projectRoleSchema = z.object({
  name: z.string(),
  actors: z.array(roleActorSchema).default([]),
});
export type ProjectRole = z.infer<typeof projectRoleSchema>;

/** PageBeanUserDetails of group/member. */
export const groupMembersSchema = z.object({
  values: z.array(z.object({ accountId: z.string().min(1) })),
  isLast: z.boolean().optional(),
  total: z.number().int().optional(),
});

/** A JSM PagedDTO of `item`: advance by the values received (the server caps `size` below `limit`). */
export const jsmPageSchema = <T extends z.ZodType>(item: T) =>
  z.object({ values: z.array(item), isLastPage: z.boolean().optional(), size: z.number().int().optional() });

/** ServiceDeskDTO: its id and its project's name. */
export const serviceDeskSchema = z.object({ id: segment, projectName: z.string() });
/** OrganizationDTO. */
export const organizationSchema = z.object({ id: z.string().regex(/^\d+$/), name: z.string().optional() });
/** UserDTO. */
export const jsmUserSchema = z.object({ accountId: z.string().min(1), displayName: z.string().optional(), emailAddress: z.string().optional() });

/** Role ids of a project, in ascending order, from the `{ name: url }` map. */
export const roleIdsOf = (roles: Record<string, string>): number[] =>
  Object.values(roles)
    .map((url) => /\/role\/(\d+)\/?$/.exec(url)?.[1])
    .filter((id): id is string => id !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
