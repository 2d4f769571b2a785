/** Every KVS key the app writes, in one place (keys match /^[a-zA-Z0-9:._\s-#]+$/, ≤ 500 characters). */
export const kvsKeys = {
  settings: 'settings',
  /** A Forge secret (kvs.setSecret): readable only through kvs.getSecret, never queryable. */
  apiKeySecret: 'admin-api-key',
  /** What may be shown about the key; never the key itself. */
  apiKeyInfo: 'admin-api-key-info',
  /** A web trigger caller (S10), its last use, and its requests in one minute (`windowStartMs`). */
  caller: (id: string): string => `caller:${id}`,
  callerUsed: (id: string): string => `caller-used:${id}`,
  callerRate: (id: string, windowStartMs: number): string => `caller-rate:${id}:${String(windowStartMs)}`,
  lock: (name: string): string => `lock:${name}`,
  /** The Automation webhook targets and the app page link (never a secret). */
  webhookTargets: 'webhook-targets',
  /** A target's secret, a Forge secret like the API key. */
  webhookSecret: (targetId: string): string => `webhook-secret:${targetId}`,
} as const;

/** Documented KVS value limit (limits-kvs-ce): 240 KiB of JSON. */
export const MAX_VALUE_BYTES = 240 * 1024;
