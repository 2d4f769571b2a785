/**
 * Clean-up of servers left behind by runs that were killed before their teardown (e.g. SIGKILL in
 * CI): every base dir records the pid of the process that started it; when that process is gone,
 * the leftover `mariadbd` (verified by its command line naming the same dir) is stopped and the dir
 * removed. Dirs without an owner file are removed once 10 minutes old and not in use by a server.
 */
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Prefix of the temporary base dirs (see mariadbServer.ts). */
export const BASE_DIR_PREFIX = 'forge-runtime-mariadb-';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function readPid(file: string): Promise<number | undefined> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** Dirs without an owner file (start-up interrupted before it was written) count as stale after this. */
const ORPHAN_AGE_MS = 10 * 60_000;

async function olderThan(dir: string, ms: number): Promise<boolean> {
  const info = await stat(dir).catch(() => undefined);
  return info !== undefined && Date.now() - info.mtimeMs > ms;
}

/** Records the current process as the owner of a base dir. */
export async function recordOwner(baseDir: string): Promise<void> {
  await writeFile(join(baseDir, 'owner.pid'), String(process.pid));
}

/** Stops servers whose owner process has exited and removes their dirs; returns how many were removed. */
export async function removeStaleServers(parentDir: string): Promise<number> {
  const entries = await readdir(parentDir).catch(() => []);
  let removed = 0;
  for (const name of entries.filter((n) => n.startsWith(BASE_DIR_PREFIX))) {
    const baseDir = join(parentDir, name);
    const owner = await readPid(join(baseDir, 'owner.pid'));
    if (owner === undefined ? !(await olderThan(baseDir, ORPHAN_AGE_MS)) : alive(owner)) continue;
    const server = await readPid(join(baseDir, 'mariadb.pid'));
    if (server !== undefined && alive(server)) {
      if (owner === undefined) continue; // unknown owner: never stop a running server
      const cmdline = await readFile(`/proc/${String(server)}/cmdline`, 'utf8').catch(() => '');
      if (cmdline.includes(baseDir)) process.kill(server, 'SIGKILL');
    }
    await rm(baseDir, { recursive: true, force: true });
    removed++;
  }
  return removed;
}
