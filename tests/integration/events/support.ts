import type { UseForgeRuntimeOptions } from '../../support/forgeRuntime';

/** Test consumers for the app's two queues (long-running: 900 s), with handlers the tests replace. */
export const queueManifest = (queues: readonly string[]): NonNullable<UseForgeRuntimeOptions['manifest']> => ({
  functions: queues.map((q) => ({ key: `${q}-worker`, handler: `test.${q}`, timeoutSeconds: 900 })),
  consumers: queues.map((q) => ({ key: `${q}-consumer`, queue: q, function: `${q}-worker` })),
});

/** The `body` of an AsyncEvent a `function:` consumer receives. */
export const bodyOf = (event: unknown): unknown =>
  typeof event === 'object' && event !== null && 'body' in event ? event.body : undefined;
