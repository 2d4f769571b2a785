/**
 * The browser bundles of the preview, built with esbuild into .tmp/preview/web:
 * - `host.js` + `host.css`: our stand-in for Atlassian's UI Kit host (bridge, forgeDoc renderer over Atlaskit);
 * - `app.js`: the app's own UI Kit entry (manifest resource `main`, src/ui/index.tsx) with the real @forge/react
 *   and @forge/bridge, exactly the code Forge would bundle — rebuilt incrementally on every page load;
 * - `frame-bridge.js`: the bridge a Frame's Custom UI resource gets, talking to the host over postMessage.
 */
import { join } from 'node:path';
import { build, context, type BuildContext, type BuildOptions } from 'esbuild';

/** Where the bundles are and how to refresh the app's. */
export interface Bundles {
  readonly dir: string;
  /** Rebuilds the app bundle if its sources changed (cheap when nothing did); resolves with build errors, if any. */
  refreshApp(): Promise<string[]>;
  dispose(): Promise<void>;
}

const common: BuildOptions = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  jsx: 'automatic',
  sourcemap: 'linked',
  logLevel: 'silent',
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
};

const messages = (errors: readonly { text: string; location: { file: string; line: number } | null }[]): string[] =>
  errors.map((e) => (e.location === null ? e.text : `${e.location.file}:${String(e.location.line)}: ${e.text}`));

/** Builds the host and frame bundles once and prepares the app bundle's incremental context. */
export const buildBundles = async (root: string, appEntry: string): Promise<Bundles> => {
  const dir = join(root, '.tmp', 'preview', 'web');
  const here = join(root, 'dev', 'preview-host', 'browser');
  await Promise.all([
    build({ ...common, entryPoints: { host: join(here, 'host.tsx') }, outdir: dir, format: 'esm', splitting: true, chunkNames: 'chunks/[name]-[hash]' }),
    build({ ...common, entryPoints: { 'frame-bridge': join(here, 'frameBridge.ts') }, outdir: dir, format: 'iife' }),
  ]);
  const app: BuildContext = await context({ ...common, entryPoints: { app: join(root, appEntry) }, outdir: dir, format: 'esm' });
  const refreshApp = async (): Promise<string[]> => {
    try {
      const result = await app.rebuild();
      return messages(result.errors);
    } catch (error) {
      const errors = (error as { errors?: { text: string; location: { file: string; line: number } | null }[] }).errors;
      return errors === undefined ? [String(error)] : messages(errors);
    }
  };
  const first = await refreshApp();
  if (first.length > 0) throw new Error(`preview: the app's UI does not build:\n${first.join('\n')}`);
  return { dir, refreshApp, dispose: () => app.dispose() };
};
