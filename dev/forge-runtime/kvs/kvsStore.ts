/**
 * The in-memory data of the local KVS: separate namespaces for plain keys, secrets and each custom
 * entity, values stored as JSON copies, TTLs measured on the runtime clock (expired entries vanish
 * on the next read).
 */
import type { RuntimeClock } from '../clock';

/** One stored entry. */
export interface KvsEntry {
  value: unknown;
  createdAt: number;
  updatedAt: number;
  expireAt?: number;
}

/** `kvs` (plain keys), `secret`, or `entity:<name>`. */
export type Namespace = string;

/** The entry as the KVS API returns it (`expireTime` as ISO text). */
export interface KvsRecord {
  key: string;
  value: unknown;
  createdAt: number;
  updatedAt: number;
  expireTime?: string;
}

function copy(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/** Namespaced key/value maps with TTL. */
export class KvsStore {
  private readonly spaces = new Map<Namespace, Map<string, KvsEntry>>();

  constructor(private readonly clock: RuntimeClock) {}

  private space(ns: Namespace): Map<string, KvsEntry> {
    let s = this.spaces.get(ns);
    if (s === undefined) {
      s = new Map();
      this.spaces.set(ns, s);
    }
    return s;
  }

  /** The live entry, dropping it when its TTL has passed. */
  get(ns: Namespace, key: string): KvsEntry | undefined {
    const s = this.space(ns);
    const e = s.get(key);
    if (e?.expireAt !== undefined && e.expireAt <= this.clock.now()) {
      s.delete(key);
      return undefined;
    }
    return e;
  }

  /** Writes a copy of `value`; returns the previous live entry. */
  set(ns: Namespace, key: string, value: unknown, ttlMs?: number): KvsEntry | undefined {
    const previous = this.get(ns, key);
    const now = this.clock.now();
    const entry: KvsEntry = { value: copy(value), createdAt: previous?.createdAt ?? now, updatedAt: now };
    if (ttlMs !== undefined) entry.expireAt = now + ttlMs;
    this.space(ns).set(key, entry);
    return previous;
  }

  /** Removes a key; true when a live entry was removed. */
  delete(ns: Namespace, key: string): boolean {
    const live = this.get(ns, key) !== undefined;
    this.space(ns).delete(key);
    return live;
  }

  /** Live keys of a namespace in ascending order. */
  keys(ns: Namespace): string[] {
    return [...this.space(ns).keys()].filter((k) => this.get(ns, k) !== undefined).sort();
  }

  /** Every live entry as [namespace, key, value], in a stable order (for tests that check nothing changed). */
  entries(): [Namespace, string, unknown][] {
    return [...this.spaces.keys()].sort().flatMap((ns) => this.keys(ns).map((key): [Namespace, string, unknown] => [ns, key, this.get(ns, key)?.value]));
  }

  /** Removes everything (between tests). */
  clear(): void {
    this.spaces.clear();
  }

  /** The API view of an entry. */
  static record(key: string, e: KvsEntry): KvsRecord {
    return {
      key,
      value: copy(e.value),
      createdAt: e.createdAt,
      updatedAt: e.updatedAt,
      ...(e.expireAt === undefined ? {} : { expireTime: new Date(e.expireAt).toISOString() }),
    };
  }
}
