import { join } from 'node:path';
import { loadManifest } from '../../../dev/forge-runtime';
import type { UseForgeRuntimeOptions } from '../../support/forgeRuntime';

/**
 * The app's manifest with its own consumers replaced by test consumers for the given queues
 * (long-running: 900 s), whose handlers the tests set; so the adapter is tested on its own.
 */
export const queueManifest = (queues: readonly string[]): Pick<UseForgeRuntimeOptions, 'baseManifest'> => {
  const app = loadManifest(join(__dirname, '../../../manifest.yml'));
  return {
    baseManifest: {
      egress: app.egress,
      functions: [...app.functions, ...queues.map((q) => ({ key: `${q}-worker`, handler: `test.${q}`, timeoutSeconds: 900 }))],
      consumers: queues.map((q) => ({ key: `${q}-consumer`, queue: q, function: `${q}-worker` })),
    },
  };
};

/** The `body` of an AsyncEvent a `function:` consumer receives. */
export const bodyOf = (event: unknown): unknown =>
  typeof event === 'object' && event !== null && 'body' in event ? event.body : undefined;
