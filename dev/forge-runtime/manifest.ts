/**
 * The parts of manifest.yml the local runtime needs: functions (handler, timeout), async-event
 * consumers, web triggers, and the egress allow-list (`permissions.external.fetch.backend`).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const FunctionSchema = z.object({ key: z.string(), handler: z.string(), timeoutSeconds: z.number().optional() });
const ConsumerSchema = z.object({
  key: z.string(),
  queue: z.string(),
  function: z.string().optional(),
  resolver: z.object({ function: z.string(), method: z.string() }).optional(),
});
const WebTriggerSchema = z.object({ key: z.string(), function: z.string() }).loose();
const EgressEntry = z.union([z.string(), z.object({ address: z.string() }).loose(), z.object({ remote: z.string() }).loose()]);

const ManifestSchema = z.object({
  modules: z.object({
    function: z.array(FunctionSchema).optional(),
    consumer: z.array(ConsumerSchema).optional(),
    webtrigger: z.array(WebTriggerSchema).optional(),
  }).loose().optional(),
  permissions: z.object({
    external: z.object({ fetch: z.object({ backend: z.array(EgressEntry).optional() }).loose().optional() }).loose().optional(),
  }).loose().optional(),
}).loose();

/** A function module. */
export type ManifestFunction = z.infer<typeof FunctionSchema>;
/** A consumer module. */
export type ManifestConsumer = z.infer<typeof ConsumerSchema>;
/** A webtrigger module (its function answers HTTP requests). */
export type ManifestWebTrigger = z.infer<typeof WebTriggerSchema>;

/** What the runtime reads from a manifest. */
export interface RuntimeManifest {
  functions: ManifestFunction[];
  consumers: ManifestConsumer[];
  /** Egress addresses (remotes are not egress and are left out). */
  egress: string[];
  webtriggers?: ManifestWebTrigger[];
}

/** Reads the runtime's view of a manifest object (e.g. `yaml.parse` output). */
export function toRuntimeManifest(raw: unknown): RuntimeManifest {
  const m = ManifestSchema.parse(raw ?? {});
  const backend = m.permissions?.external?.fetch?.backend ?? [];
  const egress = backend.flatMap((e) => (typeof e === 'string' ? [e] : typeof e.address === 'string' ? [e.address] : []));
  return { functions: m.modules?.function ?? [], consumers: m.modules?.consumer ?? [], egress, webtriggers: m.modules?.webtrigger ?? [] };
}

/** Reads and parses a manifest.yml file. */
export function loadManifest(path: string): RuntimeManifest {
  return toRuntimeManifest(parse(readFileSync(path, 'utf8')));
}

/** Adds functions/consumers/egress (e.g. test-only consumers) to a manifest. */
export function extendManifest(base: RuntimeManifest, extra: Partial<RuntimeManifest>): RuntimeManifest {
  return {
    functions: [...base.functions, ...(extra.functions ?? [])],
    consumers: [...base.consumers, ...(extra.consumers ?? [])],
    egress: [...base.egress, ...(extra.egress ?? [])],
    webtriggers: [...(base.webtriggers ?? []), ...(extra.webtriggers ?? [])],
  };
}
