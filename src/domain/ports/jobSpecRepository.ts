import type { AuditActor } from '../model/audit';
import type { BulkAction } from '../policy/actionEligibility';

/** What a bulk-action job does and on whose behalf; fixed when the job is created. */
export interface BulkJobSpec {
  kind: 'bulk-action';
  action: BulkAction;
  actor: AuditActor;
}

/**
 * The definition of each job, kept apart from its progress row so a slice on any instance (after a restart, a
 * re-delivery) knows what to do. Written once, before the job's first message is pushed.
 */
export interface JobSpecRepository {
  /** Idempotent: saving the same job's spec again keeps the first one. */
  save(jobId: string, spec: BulkJobSpec): Promise<void>;
  get(jobId: string): Promise<BulkJobSpec | null>;
}
