// `npm run bench:sql` / `npm run bench:sync -- --users N`: there is no ts-node/tsx here, so a bench (TypeScript)
// is bundled with esbuild into .tmp/bench-<name> (packages stay external) and run on the Node that npm put first
// on PATH (the pinned node@22) — outside jest, whose module sandbox would slow the measured code down.
// Usage: node scripts/run-bench.mjs <sql|sync|tasks> [arguments passed through].
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const [name, ...args] = process.argv.slice(2);
const dir = `scripts/bench-${name ?? ''}`;
if (name === undefined || !existsSync(`${dir}/main.ts`)) {
  process.stderr.write('usage: node scripts/run-bench.mjs <sql|sync|tasks> [arguments]\n');
  process.exit(2);
}
const outdir = `.tmp/bench-${name}`;
const entryPoints = { main: `${dir}/main.ts` };
// bench:sync also runs the simulators in a process of their own.
if (existsSync(`${dir}/simHost.ts`)) entryPoints.simHost = `${dir}/simHost.ts`;
await build({ entryPoints, bundle: true, platform: 'node', format: 'cjs', target: 'node22', packages: 'external', outdir, logLevel: 'warning' });
const bench = spawnSync(process.execPath, [`${outdir}/main.js`, ...args], { stdio: 'inherit' });
process.exit(bench.status ?? 1);
