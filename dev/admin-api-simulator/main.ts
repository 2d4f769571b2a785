/**
 * CLI: starts a simulator and prints its base URL and keys. Node cannot run this TypeScript directly here (no
 * ts-node; type stripping needs file extensions in imports), so compile it first:
 *
 *   npx tsc dev/admin-api-simulator/main.ts --outDir .tmp/sim --module commonjs --target ES2022 \
 *     --esModuleInterop --skipLibCheck --strict
 *   node .tmp/sim/main.js --users 10000 --seed demo --port 8787 [--now 2026-06-01T00:00:00Z] [--sites 2]
 *     [--directories 1] [--latency 80] [--limit 300]
 */
import { AdminApiSimulator } from './server';
import { DEFAULT_KEYS } from './http/auth';

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

function num(args: string[], name: string, fallback: number): number {
  const raw = flag(args, name);
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(n)) throw new Error(`--${name} must be a number`);
  return n;
}

async function main(args: string[]): Promise<void> {
  const sim = new AdminApiSimulator({
    org: {
      users: num(args, 'users', 1000),
      now: flag(args, 'now') ?? new Date().toISOString(),
      seed: flag(args, 'seed') ?? 'cli',
      sites: num(args, 'sites', 1),
      directories: num(args, 'directories', 1),
    },
    port: num(args, 'port', 0),
    latency: { medianMs: num(args, 'latency', 0) },
    defaultRateLimit: num(args, 'limit', 300),
  });
  const url = await sim.start();
  const { org } = sim.state;
  process.stdout.write([
    `Admin API simulator on ${url}`,
    `  org ${org.id} (${org.name}), ${String(org.users.length)} users, directory ${org.directories[0]?.id ?? '-'}`,
    `  keys: valid "${DEFAULT_KEYS.valid}", expired "${DEFAULT_KEYS.expired}", scoped "${DEFAULT_KEYS.scoped}"`,
    `  try: curl -s -H 'Authorization: Bearer ${DEFAULT_KEYS.valid}' ${url}/admin/v1/orgs`,
    '',
  ].join('\n'));
  const stop = (): void => {
    void sim.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
