/**
 * Entry of `npm run bench:sql` (bundled by scripts/run-bench.mjs, run outside jest). The runtime's hooks go in
 * before anything loads @forge/api or @forge/sql, so the bench is imported afterwards.
 */
import { installGlobalHooks } from '../../dev/forge-runtime';

installGlobalHooks();

import('./sqlBench')
  .then((bench) => bench.runBench())
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    process.stderr.write(`bench:sql failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
