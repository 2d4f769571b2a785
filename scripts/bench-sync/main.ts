/**
 * Entry of `npm run bench:sync -- --users N` (bundled by scripts/run-bench.mjs). The runtime's hooks go in before anything loads
 * @forge/api (it captures `fetch` when it loads), so the bench itself is imported afterwards.
 */
import { installGlobalHooks } from '../../dev/forge-runtime';

installGlobalHooks();

const usersArg = (args: readonly string[]): number => {
  const at = args.indexOf('--users');
  const users = Number(at >= 0 ? args[at + 1] : '10000');
  if (!Number.isInteger(users) || users < 1) throw new Error('--users must be a positive integer');
  return users;
};

import('./bench')
  .then((bench) => bench.runBench(usersArg(process.argv.slice(2))))
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    process.stderr.write(`bench:sync failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
