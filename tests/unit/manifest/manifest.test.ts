import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';

const root = join(__dirname, '../../..');
const manifestSchema = z.object({
  modules: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
  resources: z.array(z.object({ key: z.string(), path: z.string() })),
  app: z.object({ runtime: z.object({ name: z.string() }) }),
  permissions: z.object({ scopes: z.array(z.string()), external: z.object({ fetch: z.object({ backend: z.array(z.object({ address: z.string() })) }) }) }),
});
const manifest = manifestSchema.parse(YAML.parse(readFileSync(join(root, 'manifest.yml'), 'utf8')));
const functions = z.array(z.object({ key: z.string(), handler: z.string() })).parse(manifest.modules.function);

describe('manifest.yml', () => {
  it.each(functions.map((f) => [f.key, f.handler]))('function %s → %s is an exported function of src/', async (_key, handler) => {
    const [file, exported] = handler.split('.');
    const mod = (await import(join(root, 'src', file!))) as Record<string, unknown>;
    expect(typeof mod[exported!]).toBe('function');
  });

  it('every module refers to a declared function', () => {
    const keys = new Set(functions.map((f) => f.key));
    const referenced = Object.entries(manifest.modules)
      .filter(([type]) => type !== 'function')
      .flatMap(([, items]) => items)
      .flatMap((item) => [item.function, (item.resolver as { function?: unknown } | undefined)?.function])
      .filter((name): name is string => typeof name === 'string');
    expect(referenced.length).toBeGreaterThan(0);
    for (const name of referenced) expect(keys).toContain(name);
  });

  it('runs on nodejs22.x with object-form egress to the Admin APIs', () => {
    expect(manifest.app.runtime.name).toBe('nodejs22.x');
    expect(manifest.permissions.external.fetch.backend.map((b) => b.address)).toContain('https://api.atlassian.com');
    expect(manifest.permissions.scopes).toContain('storage:app');
  });

  it('every resource exists: a UI Kit entry file, or a static folder with an index.html', () => {
    for (const resource of manifest.resources) {
      const path = join(root, resource.path);
      expect(existsSync(path)).toBe(true);
      if (statSync(path).isDirectory()) expect(existsSync(join(path, 'index.html'))).toBe(true);
    }
  });
});
