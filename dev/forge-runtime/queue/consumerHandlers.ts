/**
 * Finds the function behind a consumer: a handler set directly by the caller (tests) or the module
 * named in the manifest (`handler: index.syncWorker` → export `syncWorker` of `src/index`) loaded
 * through the caller's loader.
 */
import type { ManifestConsumer, ManifestFunction, RuntimeManifest } from '../manifest';

/** A Forge function handler: `(payload, context)`. */
export type FunctionHandler = (payload: unknown, context: unknown) => unknown;

/** Loads `export` of module `file` (relative to src/, no extension) — e.g. `(f, e) => require('../src/' + f)[e]`. */
export type FunctionLoader = (file: string, exportName: string) => unknown;

/** The consumer of a queue and its function. */
export interface ConsumerBinding {
  consumer: ManifestConsumer;
  fn: ManifestFunction;
  /** Resolver method for `resolver:` consumers. */
  method?: string;
}

/** Looks up the (first) consumer declared for `queueName`. */
export function bindingFor(manifest: RuntimeManifest, queueName: string): ConsumerBinding | undefined {
  const consumer = manifest.consumers.find((c) => c.queue === queueName);
  if (consumer === undefined) return undefined;
  const fnKey = consumer.function ?? consumer.resolver?.function;
  const fn = manifest.functions.find((f) => f.key === fnKey);
  if (fn === undefined) return undefined;
  return { consumer, fn, ...(consumer.resolver === undefined ? {} : { method: consumer.resolver.method }) };
}

/** Resolves the handler of a function: direct handlers first, then the loader. */
export async function resolveHandler(
  fn: ManifestFunction,
  direct: ReadonlyMap<string, FunctionHandler>,
  loader: FunctionLoader | undefined,
): Promise<FunctionHandler> {
  const given = direct.get(fn.key);
  if (given !== undefined) return given;
  const dot = fn.handler.lastIndexOf('.');
  const file = fn.handler.slice(0, dot);
  const exportName = fn.handler.slice(dot + 1);
  if (loader === undefined) throw new Error(`forge-runtime: no handler or loader for function '${fn.key}' (${fn.handler})`);
  const loaded: unknown = await loader(file, exportName);
  if (typeof loaded !== 'function') throw new Error(`forge-runtime: ${fn.handler} is not a function`);
  return loaded as FunctionHandler;
}
