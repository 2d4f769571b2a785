import { z } from 'zod';
import { emptyPayloadSchema, isoInstantSchema } from './common';

/**
 * Why a pasted key cannot be an org API key, checked before anything is sent (a key is printable ASCII without
 * spaces): `validation.apiKey.<reason>`. Catches what copying from a chat or a document adds — a line break, a
 * zero-width space, curly quotes.
 */
const keyProblem = (key: string): string | null => {
  if (/\p{Cc}/u.test(key)) return 'key-control-character';
  if (/\s/.test(key)) return 'key-has-spaces';
  if (/[^\x21-\x7e]/.test(key)) return 'key-not-ascii';
  return null;
};

const keySchema = z
  .string()
  .trim()
  .min(8)
  .max(4096)
  .superRefine((key, ctx) => {
    const problem = keyProblem(key);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: `apiKey.${problem}` });
  });

/** apiKey.check (S1): validates a pasted key live (`GET /v1/orgs`, then one users search); API_KEY_REJECTED / API_KEY_FORBIDDEN (a key with scopes) when refused. */
export const apiKeyCheckPayloadSchema = z.object({ key: keySchema }).strict();
/** The orgs the key sees: the UI asks which one when there are several. */
export const apiKeyCheckSchema = z.object({ orgs: z.array(z.object({ id: z.string(), name: z.string() })) });

/**
 * apiKey.save: key + the org picked. `expiresAt` is the admin's entry, used when the API Access API cannot tell;
 * `label` the key's name in admin.atlassian.com (helps find its expiry when the org has several keys).
 */
export const apiKeySavePayloadSchema = z
  .object({
    key: keySchema,
    orgId: z.string().trim().min(1).max(128),
    expiresAt: isoInstantSchema.nullable().optional(),
    label: z.string().trim().min(1).max(255).optional(),
  })
  .strict();

/** apiKey.remove: forgets the key (audited); the app returns to the bootstrap state. */
export const apiKeyRemovePayloadSchema = emptyPayloadSchema;
export const apiKeyRemoveSchema = z.object({ removed: z.literal(true) });

/** What may be shown about the key; never the key. `expiryStatus` drives the banner (warning from 14 days). */
export const apiKeyInfoSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  lastFour: z.string(),
  expiresAt: isoInstantSchema.nullable(),
  expirySource: z.enum(['api', 'admin']).nullable(),
  daysLeft: z.number().nullable(),
  expiryStatus: z.enum(['unknown', 'ok', 'warning', 'expired']),
});
export type ApiKeyInfoDto = z.infer<typeof apiKeyInfoSchema>;

/** Atlassian's documentation on creating an org API key (S1 link). */
export const apiKeyDocsUrl = 'https://support.atlassian.com/organization-administration/docs/manage-an-organization-with-the-admin-apis/';
