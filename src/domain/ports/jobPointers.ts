/** The kinds of work of which at most one runs at a time. */
export type JobPointerName = 'sync' | 'bulk-action' | 'task-run';

/**
 * Small pointers to the job currently running per kind, so a tick or the admin page finds it
 * without a query. The job's own record (JobRepository / SyncRunRepository) stays the truth.
 */
export interface JobPointers {
  current(name: JobPointerName): Promise<string | null>;
  set(name: JobPointerName, jobId: string): Promise<void>;
  /** Clears the pointer only while it still points at `jobId`. */
  clear(name: JobPointerName, jobId: string): Promise<void>;
}
