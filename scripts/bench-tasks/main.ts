/**
 * Entry of `npm run bench:tasks -- --users N --changes M` (bundled by scripts/run-bench.mjs). The runtime's hooks go
 * in before anything loads @forge/api (it captures `fetch` when it loads), so the bench itself is imported afterwards.
 */
import { installGlobalHooks } from '../../dev/forge-runtime';

installGlobalHooks();

const intArg = (args: readonly string[], name: string, fallback: number): number => {
  const at = args.indexOf(name);
  const value = Number(at >= 0 ? args[at + 1] : fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
  return value;
};

const args = process.argv.slice(2);
import('./bench')
  .then((bench) => bench.runBench(intArg(args, '--users', 100_000), intArg(args, '--changes', 1_000)))
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    process.stderr.write(`bench:tasks failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
