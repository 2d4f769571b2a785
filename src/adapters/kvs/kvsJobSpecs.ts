import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { auditActorSchema } from '../../domain/model/audit';
import { DomainError } from '../../domain/model/errors';
import { bulkActionSchema } from '../../domain/policy/actionEligibility';
import type { BulkJobSpec, JobSpecRepository } from '../../domain/ports/jobSpecRepository';
import { kvsCall } from './kvsErrors';
import { kvsKeys } from './kvsKeys';

const specSchema = z.object({ kind: z.literal('bulk-action'), action: bulkActionSchema, actor: auditActorSchema });

/** JobSpecRepository in KVS: one small validated value per job (a few hundred bytes). */
export class KvsJobSpecs implements JobSpecRepository {
  async save(jobId: string, spec: BulkJobSpec): Promise<void> {
    if ((await this.get(jobId)) !== null) return;
    const value = specSchema.parse(spec);
    await kvsCall('set job spec', () => kvs.set(kvsKeys.jobSpec(jobId), value));
  }

  async get(jobId: string): Promise<BulkJobSpec | null> {
    const raw = await kvsCall('get job spec', () => kvs.get<unknown>(kvsKeys.jobSpec(jobId)));
    if (raw === undefined) return null;
    const parsed = specSchema.safeParse(raw);
    if (!parsed.success) throw new DomainError('INTERNAL', 'Stored job spec cannot be read', { jobId });
    return parsed.data;
  }
}
