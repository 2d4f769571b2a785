/**
 * The same preview `npm start` runs, started in the test process on a free port (import this module before
 * anything that loads @forge/api: the preview installs the runtime's egress hook when it loads). It uses jest's
 * MariaDB server when globalSetup started one. The app's own console output goes to test-results/e2e/server.log
 * instead of the test report.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import type { MariaDbConnectionInfo } from '../../../dev/forge-runtime';
import { startPreview, type Preview } from '../../../dev/preview-host/preview';
import { ARTEFACTS } from './screenshots';

const LOG = join(ARTEFACTS, 'server.log');

const captureConsole = (): (() => void) => {
  mkdirSync(ARTEFACTS, { recursive: true });
  writeFileSync(LOG, '');
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const spies = methods.map((method) =>
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      appendFileSync(LOG, `[${new Date().toISOString()}] ${method}: ${format(...args)}\n`);
    }),
  );
  return () => { for (const spy of spies) spy.mockRestore(); };
};

const sharedMariaDb = (): MariaDbConnectionInfo | undefined => {
  const raw = process.env.FORGE_RUNTIME_MARIADB;
  return raw === undefined ? undefined : (JSON.parse(raw) as MariaDbConnectionInfo);
};

/** A running preview for a test file. */
export interface TestPreview {
  readonly preview: Preview;
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the preview with `users` simulated members and no artificial latency. */
export const startTestPreview = async (users: number): Promise<TestPreview> => {
  const restore = captureConsole();
  const mariaDb = sharedMariaDb();
  const preview = await startPreview({ users, port: 0, latencyMs: 0, verbose: false, seed: 'e2e', ...(mariaDb === undefined ? {} : { mariaDb }) });
  return {
    preview,
    url: preview.url,
    stop: async () => {
      await preview.stop();
      restore();
    },
  };
};
