import { z } from 'zod';
import { accountIdSchema, cursorSchema, isoInstantSchema, pageLimit, pageSchema } from './common';

export const auditActions = [
  'user.deactivate',
  'user.reactivate',
  'user.suspend',
  'user.restore',
  'product.revoke',
  'product.assign',
  'group.add-member',
  'group.remove-member',
  'settings.update',
  'api-key.set',
  'api-key.remove',
  'api-key.expiry-notice',
  'caller.create',
  'caller.revoke',
  'sync.run',
  'task.run',
  'task.update',
  'privacy.erase',
  'webhook.target-add',
  'webhook.target-remove',
  'webhook.delivery',
] as const;
export type AuditActionDto = (typeof auditActions)[number];
export const auditOutcomes = ['succeeded', 'failed', 'skipped'] as const;

/** audit.list (A2): filters combine with AND; `limit` up to 1000 for the CSV export (A3, X3). */
export const auditListPayloadSchema = z
  .object({
    /** Inclusive. */
    from: isoInstantSchema.optional(),
    /** Exclusive. */
    to: isoInstantSchema.optional(),
    actions: z.array(z.enum(auditActions)).max(auditActions.length).optional(),
    /** Acting admin's account ID or task ID. */
    actorId: z.string().min(1).max(128).optional(),
    targetAccountId: accountIdSchema.optional(),
    outcome: z.array(z.enum(auditOutcomes)).max(3).optional(),
    /** The entries of one job; the page sets it from an entry the admin clicks, never typed. */
    jobId: z.string().min(1).max(128).optional(),
    /** The start of any word of the name or email of the affected user or acting admin. */
    search: z.string().trim().min(1).max(128).optional(),
    limit: pageLimit(1000, 50),
    after: cursorSchema,
  })
  .strict();
export type AuditListPayload = z.input<typeof auditListPayloadSchema>;

export const auditActorSchema = z.discriminatedUnion('kind', [
  /** `name` from the synced directory, null when the admin is not in it. */
  z.object({ kind: z.literal('admin'), accountId: z.string(), name: z.string().nullable() }),
  /** `name` of the task (kept after it is deleted), null when it cannot be read. */
  z.object({ kind: z.literal('task'), taskId: z.string(), name: z.string().nullable() }),
  z.object({ kind: z.literal('system') }),
  /** An automation calling the web trigger; `name` as created in Settings, null when the caller is gone. */
  z.object({ kind: z.literal('caller'), callerId: z.string(), name: z.string().nullable() }),
]);

/** A value of an audit sentence, formatted by the viewer's side in the viewer's language. */
export type PhraseParamDto =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; value: string }
  | { kind: 'duration'; value: number }
  | { kind: 'list'; value: string[] }
  | { kind: 'phrases'; value: PhraseDto[] };

/** A translatable sentence: an i18next key (`auditDetails.…`) and its parameters; `count` picks the plural. */
export interface PhraseDto {
  key: string;
  params: Record<string, PhraseParamDto>;
}

export const phraseSchema: z.ZodType<PhraseDto> = z.lazy(() =>
  z.object({
    key: z.string(),
    params: z.record(
      z.string(),
      z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('text'), value: z.string() }),
        z.object({ kind: z.literal('number'), value: z.number() }),
        z.object({ kind: z.literal('date'), value: z.string() }),
        z.object({ kind: z.literal('duration'), value: z.number() }),
        z.object({ kind: z.literal('list'), value: z.array(z.string()) }),
        z.object({ kind: z.literal('phrases'), value: z.array(phraseSchema) }),
      ]),
    ),
  }),
);

/** One audit record. `reason` is a stable code; `reasonKey` its i18next key (null when no reason). */
export const auditEntryDtoSchema = z.object({
  id: z.string(),
  at: isoInstantSchema,
  actor: auditActorSchema,
  action: z.enum(auditActions),
  /** i18next key of the action's label: `audit.actions.<action>`. */
  actionKey: z.string(),
  targetAccountId: z.string().nullable(),
  targetName: z.string().nullable(),
  targetEmail: z.string().nullable(),
  outcome: z.enum(auditOutcomes),
  reason: z.string().nullable(),
  reasonKey: z.string().nullable(),
  /** The stored details, as written (for machines and the CSV's codes). */
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** The details as a sentence an admin reads (A5); null when the entry has nothing to tell. */
  summary: phraseSchema.nullable(),
  jobId: z.string().nullable(),
});
export type AuditEntryDto = z.infer<typeof auditEntryDtoSchema>;

export const auditPageSchema = pageSchema(auditEntryDtoSchema);
export type AuditPageDto = z.infer<typeof auditPageSchema>;
