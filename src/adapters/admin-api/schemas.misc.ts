import { z } from 'zod';
import { cursorLink, cursorToken } from './schemas';

/*
 * The documents mark `data` optional on these pages; a page without it is still treated as malformed
 * (retried, then UPSTREAM_FAILED), because reading it as "empty" would silently drop the list.
 */

/** `OrgPage` (GET /v1/orgs). */
export const orgPageSchema = z.object({
  data: z.array(z.object({ id: z.string().min(1), attributes: z.object({ name: z.string().nullish() }).nullish() })),
  links: z.object({ next: cursorLink }).nullish(),
});

/** `MultiDirectoryUserDirectoryPage` (GET /v2/orgs/{orgId}/directories). */
export const directoryPageSchema = z.object({
  data: z.array(z.object({ directoryId: z.string().min(1), name: z.string().nullish() })),
  links: z.object({ next: cursorToken }).nullish(),
});

/** `PageDataResponseV2` of `WorkspaceModel` (POST /v2/orgs/{orgId}/workspaces). */
export const workspacePageSchema = z.object({
  data: z
    .array(
      z.object({
        id: z.string().min(1),
        attributes: z.object({
          name: z.string().nullish(),
          typeKey: z.string().nullish(),
          type: z.string().nullish(),
          hostUrl: z.string().nullish(),
          capacity: z.number().int().nonnegative().nullish(),
        }),
      }),
    ),
  links: z.object({ next: cursorLink }).nullish(),
});
export type WorkspacePage = z.infer<typeof workspacePageSchema>;

/** `ApiKeySearchResponse` (GET /admin/api-access/v1/orgs/{orgId}/api-keys). */
export const apiKeyPageSchema = z.object({
  data: z.array(
    z.object({
      id: z.string().min(1),
      label: z.string(),
      expiresAt: z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expiresAt is not a date'),
      lastActiveAt: z.string().nullish(),
    }),
  ),
  links: z.object({ next: cursorToken }).nullish(),
});
