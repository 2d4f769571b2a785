/**
 * The manifest's `resources`: the UI Kit entry of the admin page (a .tsx file Forge bundles) and the static Custom
 * UI resources a `Frame` shows (a folder with an index.html, served as files).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';

const ManifestSchema = z.object({
  modules: z.object({
    'jira:adminPage': z.array(z.object({ key: z.string(), resource: z.string(), render: z.string().optional() }).loose()).optional(),
  }).loose().optional(),
  resources: z.array(z.object({ key: z.string(), path: z.string() })).optional(),
}).loose();

/** The admin page's UI Kit entry and the Frame resources, by key. */
export interface PreviewResources {
  /** The admin page module key and the path of its UI Kit entry (relative to the repository). */
  page: { moduleKey: string; entry: string };
  /** Static resources (every resource except the UI Kit entry): key → folder relative to the repository. */
  frames: Map<string, string>;
}

/** Reads the resources of the manifest's (first) `jira:adminPage` module. */
export const readResources = (manifestPath: string): PreviewResources => {
  const manifest = ManifestSchema.parse(parse(readFileSync(manifestPath, 'utf8')) ?? {});
  const page = manifest.modules?.['jira:adminPage']?.[0];
  if (page === undefined) throw new Error('preview: manifest.yml has no jira:adminPage module');
  const resources = manifest.resources ?? [];
  const entry = resources.find((r) => r.key === page.resource);
  if (entry === undefined) throw new Error(`preview: the admin page's resource '${page.resource}' is not in manifest resources`);
  const frames = new Map(resources.filter((r) => r !== entry).map((r) => [r.key, r.path.replace(/\/+$/, '')]));
  return { page: { moduleKey: page.key, entry: entry.path }, frames };
};
