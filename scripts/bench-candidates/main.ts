/**
 * Entry of `node scripts/run-bench.mjs candidates` (bundled by scripts/run-bench.mjs, run outside jest). The runtime's
 * hooks go in before anything loads @forge/sql, so the bench is imported afterwards.
 */
import { installGlobalHooks } from '../../dev/forge-runtime';

installGlobalHooks();

import('./candidatesBench')
  .then((bench) => bench.runBench())
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    process.stderr.write(`bench:candidates failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
