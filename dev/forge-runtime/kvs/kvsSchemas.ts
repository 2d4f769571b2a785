/** zod shapes of the KVS request bodies the @forge/kvs SDK posts (see its `interfaces/kvs-api.d.ts`). */
import { z } from 'zod';

export const TtlSchema = z.object({ value: z.number(), unit: z.string() });

export const SetOptionsSchema = z.object({
  ttl: TtlSchema.optional(),
  keyPolicy: z.enum(['OVERRIDE', 'FAIL_IF_EXISTS']).optional(),
  returnValue: z.enum(['PREVIOUS', 'LATEST']).optional(),
  returnMetadataFields: z.array(z.string()).optional(),
});

export const GetBody = z.object({
  key: z.unknown(),
  entityName: z.string().optional(),
  options: z.object({ metadataFields: z.array(z.string()).optional() }).optional(),
});

export const SetBody = z.object({
  key: z.unknown(),
  value: z.unknown(),
  entityName: z.string().optional(),
  options: SetOptionsSchema.optional(),
});

export const DeleteBody = z.object({ key: z.unknown(), entityName: z.string().optional() });

export const QueryBody = z.object({
  limit: z.number().int().optional(),
  after: z.string().optional(),
  where: z.array(z.object({ property: z.string(), condition: z.string(), values: z.array(z.unknown()) })).optional(),
  options: z.object({ metadataFields: z.array(z.string()).optional() }).optional(),
});

export const FilterSchema = z.object({ property: z.string(), condition: z.string(), values: z.array(z.unknown()) });
export const ConditionsSchema = z.object({ and: z.array(FilterSchema).optional(), or: z.array(FilterSchema).optional() });

export const TransactionBody = z.object({
  set: z.array(SetBody.extend({ conditions: ConditionsSchema.optional() })).optional(),
  delete: z.array(DeleteBody.extend({ conditions: ConditionsSchema.optional() })).optional(),
  check: z.array(DeleteBody.extend({ conditions: ConditionsSchema })).optional(),
});

export type Filter = z.infer<typeof FilterSchema>;
export type Conditions = z.infer<typeof ConditionsSchema>;
