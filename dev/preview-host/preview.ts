/**
 * The whole local preview in one call: back end (MariaDB, Forge runtime with the app's handlers, simulators),
 * browser bundles and the host server. `npm start` (main.ts) and the E2E tests both use it.
 */
import { join } from 'node:path';
import { repoRoot, startBackend, type Backend } from './backend';
import { buildBundles } from './bundles';
import { DEFAULT_OPTIONS, type PreviewOptions } from './options';
import { readResources } from './resources';
import { startHostServer } from './server';

/** A running preview. */
export interface Preview {
  /** The page, e.g. `http://127.0.0.1:8080/`. */
  readonly url: string;
  readonly backend: Backend;
  /** Stops the server, the queue pump, the simulators and (when it started one) MariaDB. */
  stop(): Promise<void>;
}

/** Starts the preview; anything that fails half-way is stopped again before the error is rethrown. */
export const startPreview = async (overrides: Partial<PreviewOptions> = {}): Promise<Preview> => {
  const options: PreviewOptions = { ...DEFAULT_OPTIONS, ...overrides };
  const root = repoRoot();
  const resources = readResources(join(root, 'manifest.yml'));
  const bundles = await buildBundles(root, resources.page.entry);
  let backend: Backend | undefined;
  try {
    backend = await startBackend(options);
    const server = await startHostServer({ backend, bundles, resources, root }, options.port);
    backend.runtime.webTriggers.baseUrl = server.url;
    const running = backend;
    return {
      url: server.url,
      backend: running,
      stop: async () => {
        await server.close();
        await running.stop();
        await bundles.dispose();
      },
    };
  } catch (error) {
    await backend?.stop().catch(() => undefined);
    await bundles.dispose();
    throw error;
  }
};
