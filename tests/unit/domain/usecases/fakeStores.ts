import { DomainError } from '../../../../src/domain/model/errors';
import type { Product } from '../../../../src/domain/model/product';
import { defaultSettings, type Settings } from '../../../../src/domain/model/settings';
import type { JobMessage, JobQueue } from '../../../../src/domain/ports/jobQueue';
import type { Lock, LockLease } from '../../../../src/domain/ports/lock';
import type { ApiKeyInfo, SecretStore } from '../../../../src/domain/ports/secretStore';
import type { SettingsStore } from '../../../../src/domain/ports/settingsStore';

/** In-memory KVS-like stores and the queue, for use-case tests. */
export class MemorySettings implements SettingsStore {
  saved: Settings[] = [];
  constructor(public value: Settings = defaultSettings()) {}
  load(): Promise<Settings> {
    return Promise.resolve(structuredClone(this.value));
  }
  save(s: Settings): Promise<void> {
    this.value = s;
    this.saved.push(s);
    return Promise.resolve();
  }
}

export class MemorySecrets implements SecretStore {
  key: string | null = null;
  constructor(public stored: ApiKeyInfo | null = { orgId: 'org-1', orgName: 'Acme', lastFour: 'abcd', expiresAt: null, expirySource: null }) {}
  saveKey(key: string, info: ApiKeyInfo): Promise<void> {
    this.key = key;
    this.stored = info;
    return Promise.resolve();
  }
  info(): Promise<ApiKeyInfo | null> {
    return Promise.resolve(this.stored);
  }
  removeKey(): Promise<void> {
    this.key = null;
    this.stored = null;
    return Promise.resolve();
  }
}

export const memoryProducts = (products: Product[] = []) => ({
  upsertMany: (): Promise<void> => Promise.resolve(),
  list: (): Promise<Product[]> => Promise.resolve(products),
});

/** Locks without TTL: `held` maps a lock's name to its holder's token (set one to play another holder). */
export class MemoryLock implements Lock {
  held = new Map<string, string>();
  private issued = 0;
  acquire(name: string): Promise<LockLease | null> {
    if (this.held.has(name)) return Promise.resolve(null);
    const token = `token-${String(++this.issued)}`;
    this.held.set(name, token);
    return Promise.resolve({ name, token });
  }
  release(lease: LockLease): Promise<void> {
    if (this.held.get(lease.name) === lease.token) this.held.delete(lease.name);
    return Promise.resolve();
  }
}

export class MemoryQueue implements JobQueue {
  pushed: { message: JobMessage; delaySeconds: number }[] = [];
  fail = false;
  push(message: JobMessage, delaySeconds = 0): Promise<void> {
    if (this.fail) return Promise.reject(new DomainError('UPSTREAM_FAILED', 'queue down'));
    this.pushed.push({ message, delaySeconds });
    return Promise.resolve();
  }
}
