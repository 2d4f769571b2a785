import { createHash } from 'node:crypto';
import type { Caller } from '../../../../src/domain/model/caller';
import type { CallerRepository, CallerTokens, RequestCounter } from '../../../../src/domain/ports/callerRepository';

/** Callers in memory, their last use apart (as the KVS adapter keeps them). */
export class FakeCallerRepository implements CallerRepository {
  readonly callers = new Map<string, Caller>();
  readonly used = new Map<string, Date>();

  list(): Promise<Caller[]> {
    return Promise.resolve([...this.callers.values()].map((c) => structuredClone(c)).sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()));
  }
  get(id: string): Promise<Caller | null> {
    const found = this.callers.get(id);
    return Promise.resolve(found === undefined ? null : structuredClone(found));
  }
  save(caller: Caller): Promise<void> {
    this.callers.set(caller.id, structuredClone(caller));
    return Promise.resolve();
  }
  markUsed(id: string, at: Date): Promise<void> {
    this.used.set(id, at);
    return Promise.resolve();
  }
  lastUsed(ids: readonly string[]): Promise<Map<string, Date>> {
    return Promise.resolve(new Map([...this.used].filter(([id]) => ids.includes(id))));
  }
}

/** Tokens that are predictable (`ulo.<id>.secret-<n>…`) but hashed as the adapter does (SHA-256). */
export class FakeCallerTokens implements CallerTokens {
  private n = 0;
  issue(callerId: string): string {
    this.n += 1;
    return `ulo.${callerId}.secret-${String(this.n)}-${'x'.repeat(24)}`;
  }
  hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
  sameHash(a: string, b: string): boolean {
    return a === b;
  }
}

/** Counts per caller and window, in memory. */
export class FakeRequestCounter implements RequestCounter {
  readonly counts = new Map<string, number>();
  hit(callerId: string, windowStart: Date): Promise<number> {
    const key = `${callerId}|${windowStart.toISOString()}`;
    const count = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, count);
    return Promise.resolve(count);
  }
}
