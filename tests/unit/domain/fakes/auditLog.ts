import type { AuditEntry } from '../../../../src/domain/model/audit';
import type { AuditLog, AuditQuery } from '../../../../src/domain/ports/auditLog';
import { KillSwitch } from './killSwitch';
import { pageOf } from './page';

/**
 * Like the SQL audit log: appending is idempotent by id, an item's entry is replaced in place by its later outcome.
 * `query` filters by affected user, by job, by action, by outcome and from a time, newest first.
 */
export class FakeAuditLog implements AuditLog {
  entries = new Map<string, AuditEntry>();
  constructor(private readonly power: KillSwitch = new KillSwitch()) {}

  /** The entries in the order they were first written. */
  get list(): AuditEntry[] {
    return [...this.entries.values()];
  }

  append(entries: readonly AuditEntry[]): Promise<void> {
    this.power.tick();
    for (const e of entries) if (!this.entries.has(e.id)) this.entries.set(e.id, structuredClone(e));
    return Promise.resolve();
  }

  writeItemEntries(entries: readonly AuditEntry[]): Promise<void> {
    this.power.tick();
    for (const e of entries) this.entries.set(e.id, structuredClone(e));
    return Promise.resolve();
  }

  query(q: AuditQuery): Promise<{ items: AuditEntry[]; next: string | null }> {
    this.power.tick();
    const found = this.list.filter(
      (e) =>
        (q.targetAccountId === undefined || e.targetAccountId === q.targetAccountId) &&
        (q.jobId === undefined || e.jobId === q.jobId) &&
        (q.from === undefined || e.at >= q.from) &&
        (q.outcome === undefined || q.outcome.includes(e.outcome)) &&
        (q.actions === undefined || q.actions.includes(e.action)),
    );
    return Promise.resolve(pageOf([...found].reverse(), q.limit, q.after));
  }
}
