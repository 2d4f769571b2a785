// `npm run bench:sync -- --users N`: there is no ts-node/tsx here, so the bench (TypeScript) is bundled with
// esbuild into .tmp/bench-sync (packages stay external) and run on the Node that npm put first on PATH (the
// pinned node@22). Arguments are passed through.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';

const outdir = '.tmp/bench-sync';
await build({
  entryPoints: { main: 'scripts/bench-sync/main.ts', simHost: 'scripts/bench-sync/simHost.ts' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  packages: 'external',
  outdir,
  logLevel: 'warning',
});
const bench = spawnSync(process.execPath, [`${outdir}/main.js`, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(bench.status ?? 1);
