import type { AuditAction, AuditEntry, AuditOutcome } from '../model/audit';

export interface AuditQuery {
  from?: Date;
  to?: Date;
  actions?: AuditAction[];
  actorId?: string;
  targetAccountId?: string;
  outcome?: AuditOutcome[];
  search?: string;
  limit: number;
  after: string | null;
}

/** Append-only record of every change the app makes or attempts. Entries are never updated. */
export interface AuditLog {
  append(entries: readonly AuditEntry[]): Promise<void>;
  query(query: AuditQuery): Promise<{ items: AuditEntry[]; next: string | null }>;
}
