import type { Job } from '../../model/jobs';
import type { BulkAction } from '../../policy/actionEligibility';

/** A bulk-action job's progress as the admin page polls it (B3). */
export interface BulkJobView {
  jobId: string;
  action: BulkAction;
  status: Job['status'];
  createdAt: Date;
  updatedAt: Date;
  createdBy: string | null;
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  skipped: number;
  percent: number;
  /** A revert's (B5): the job it undoes; null for other jobs. */
  revertsJobId: string | null;
}

/** The job as bulk.status shows it; `percent` is 100 once finished, at most 99 while running. */
export const toBulkJobView = (job: Job): BulkJobView => {
  const total = job.total ?? 0;
  const done = job.status !== 'queued' && job.status !== 'running';
  return {
    jobId: job.id,
    action: job.spec.action,
    status: job.status,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    createdBy: job.createdBy,
    total,
    processed: job.processed,
    succeeded: job.succeeded,
    failed: job.failed,
    skipped: job.skipped,
    percent: done || total === 0 ? 100 : Math.min(99, Math.floor((job.processed / total) * 100)),
    revertsJobId: job.spec.kind === 'revert' ? job.spec.revertsJobId : null,
  };
};

/** Succeeded, failed, partially failed or cancelled: no slice will change it any more. */
export const isFinished = (job: Job): boolean => job.status !== 'queued' && job.status !== 'running';
