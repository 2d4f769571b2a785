import { z } from 'zod';
import { emptyPayloadSchema, isoInstantSchema } from './common';

/** What a caller of the web trigger may ask for (S10); mirrors the core's list. */
export const callerActions = ['deactivate', 'reactivate', 'revoke-product', 'assign-product', 'job-status', 'task-run', 'task-dry-run'] as const;
export type CallerActionDto = (typeof callerActions)[number];

/** The header a caller sends its token in: `Authorization: Bearer <token>`. */
export const callerTokenHeader = 'Authorization';

/** Resolver keys of the callers section in Settings. */
export const callerResolverKeys = {
  callersList: 'callers.list',
  callersCreate: 'callers.create',
  callersRevoke: 'callers.revoke',
} as const;

/** A caller as Settings lists it; never its token or the token's hash. */
export const callerDtoSchema = z.object({
  id: z.string(),
  name: z.string(),
  actions: z.array(z.enum(callerActions)),
  createdBy: z.string(),
  /** Null when the directory does not know the admin. */
  createdByName: z.string().nullable(),
  createdAt: isoInstantSchema,
  lastUsedAt: isoInstantSchema.nullable(),
  revokedAt: isoInstantSchema.nullable(),
});
export type CallerDto = z.infer<typeof callerDtoSchema>;

/** callers.list: the web trigger's URL (null when it cannot be had), the header to send, every caller newest first. */
export const callersListPayloadSchema = emptyPayloadSchema;
export const callersListSchema = z.object({ url: z.string().nullable(), header: z.string(), items: z.array(callerDtoSchema) });
export type CallersListDto = z.infer<typeof callersListSchema>;

/** callers.create: the new caller and its token, the only time the token is ever shown. */
export const callersCreatePayloadSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    actions: z.array(z.enum(callerActions)).min(1).max(callerActions.length),
  })
  .strict();
export const callersCreateSchema = z.object({ caller: callerDtoSchema, token: z.string() });
export type CallersCreateDto = z.infer<typeof callersCreateSchema>;

/** callers.revoke: the caller's token stops working at once. */
export const callersRevokePayloadSchema = z.object({ callerId: z.string().min(1).max(64) }).strict();
export const callersRevokeSchema = z.object({ revoked: z.literal(true) });

/** The contract entries of the callers section (merged into `contract`). */
export const callersContract = {
  [callerResolverKeys.callersList]: { payload: callersListPayloadSchema, data: callersListSchema },
  [callerResolverKeys.callersCreate]: { payload: callersCreatePayloadSchema, data: callersCreateSchema },
  [callerResolverKeys.callersRevoke]: { payload: callersRevokePayloadSchema, data: callersRevokeSchema },
} as const;
