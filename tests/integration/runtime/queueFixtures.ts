/** Test-only consumers and functions for the queue tests (added to manifest.yml's). */
import type { RuntimeManifest } from '../../../dev/forge-runtime';

/** Queues: `short-q` (55 s function), `long-q` (900 s), `res-q` (resolver consumer), `slow-q` (1 s). */
export const TEST_QUEUES: Partial<RuntimeManifest> = {
  functions: [
    { key: 'short-fn', handler: 'nowhere.short' },
    { key: 'long-fn', handler: 'nowhere.long', timeoutSeconds: 900 },
    { key: 'resolver-fn', handler: 'nowhere.resolver' },
    { key: 'slow-fn', handler: 'nowhere.slow', timeoutSeconds: 1 },
  ],
  consumers: [
    { key: 'short-consumer', queue: 'short-q', function: 'short-fn' },
    { key: 'long-consumer', queue: 'long-q', function: 'long-fn' },
    { key: 'resolver-consumer', queue: 'res-q', resolver: { function: 'resolver-fn', method: 'on-event' } },
    { key: 'slow-consumer', queue: 'slow-q', function: 'slow-fn' },
  ],
};

/** A body of roughly `kb` kilobytes. */
export function bodyOfKb(kb: number): { blob: string } {
  return { blob: 'x'.repeat(kb * 1024) };
}
