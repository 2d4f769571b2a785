/**
 * The manifest's `scheduledTrigger` modules, fired on demand (the preview's "Run hourly trigger" button): each
 * runs its function in an invocation without a user, with the event Forge sends a scheduled trigger.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import type { ForgeRuntime } from '../forge-runtime';

const ManifestSchema = z.object({
  modules: z.object({
    scheduledTrigger: z.array(z.object({ key: z.string(), function: z.string(), interval: z.string() })).optional(),
    function: z.array(z.object({ key: z.string(), handler: z.string(), timeoutSeconds: z.number().optional() })).optional(),
  }).loose().optional(),
}).loose();

/** One scheduled trigger and the function it runs. */
export interface ScheduledTrigger {
  key: string;
  interval: string;
  functionKey: string;
  /** `index.hourlyTick`: file (relative to src/) and export. */
  handler: string;
  timeoutSeconds: number;
}

/** Loads export `name` of `file` (relative to src/). */
export type HandlerLoader = (file: string, name: string) => Promise<unknown>;

/** The scheduled triggers declared in a manifest file. */
export const readScheduledTriggers = (manifestPath: string): ScheduledTrigger[] => {
  const manifest = ManifestSchema.parse(parse(readFileSync(manifestPath, 'utf8')) ?? {});
  const functions = manifest.modules?.function ?? [];
  return (manifest.modules?.scheduledTrigger ?? []).flatMap((t) => {
    const fn = functions.find((f) => f.key === t.function);
    if (fn === undefined) return [];
    return [{ key: t.key, interval: t.interval, functionKey: fn.key, handler: fn.handler, timeoutSeconds: fn.timeoutSeconds ?? 55 }];
  });
};

/** What one firing did. */
export interface TriggerRun {
  key: string;
  ok: boolean;
  ms: number;
  error?: string;
}

/** Fires one trigger now, the way Forge calls a scheduled trigger's function. */
export const fireTrigger = async (runtime: ForgeRuntime, trigger: ScheduledTrigger, load: HandlerLoader): Promise<TriggerRun> => {
  const started = Date.now();
  const dot = trigger.handler.lastIndexOf('.');
  try {
    const handler = await load(trigger.handler.slice(0, dot), trigger.handler.slice(dot + 1));
    if (typeof handler !== 'function') throw new Error(`${trigger.handler} is not a function`);
    const event = { context: { cloudId: runtime.app.cloudId, moduleKey: trigger.key }, contextToken: 'preview-context-token' };
    const context = { installContext: `ari:cloud:jira::site/${runtime.app.cloudId}` };
    await runtime.invoke(
      { functionKey: trigger.functionKey, moduleKey: trigger.key, moduleType: 'core:scheduledTrigger', timeoutMs: trigger.timeoutSeconds * 1000 },
      () => Promise.resolve((handler as (e: unknown, c: unknown) => unknown)(event, context)),
    );
    return { key: trigger.key, ok: true, ms: Date.now() - started };
  } catch (error) {
    return { key: trigger.key, ok: false, ms: Date.now() - started, error: error instanceof Error ? error.message : String(error) };
  }
};
