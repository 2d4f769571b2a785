/**
 * Options of the local preview (`npm start`) and their command-line form.
 */
import type { MariaDbConnectionInfo } from '../forge-runtime';

/** What {@link startPreview} needs; every field has a default. */
export interface PreviewOptions {
  /** Members of the simulated organization (default 2,000). */
  users: number;
  /** Seed of the simulated organization and Jira site (same seed, same data). */
  seed: string;
  /** Port of the preview host on 127.0.0.1 (0 = any free port). */
  port: number;
  /** Median latency of the Admin API simulator in ms (default 40: slow enough to watch a sync progress). */
  latencyMs: number;
  /** How often the queue pump looks for due events, in ms. */
  pumpIntervalMs: number;
  /** An already running MariaDB (tests pass jest's); otherwise a private one is started and stopped with the preview. */
  mariaDb?: MariaDbConnectionInfo;
  /** Write what happens (consumer logs, queue deliveries) to stdout. */
  verbose: boolean;
}

/** The defaults of `npm start`. */
export const DEFAULT_OPTIONS: PreviewOptions = {
  users: 2000,
  seed: 'preview',
  port: 8080,
  latencyMs: 40,
  pumpIntervalMs: 50,
  verbose: true,
};

const usage = `Usage: npm start -- [--users N] [--port P] [--seed S] [--latency MS] [--quiet]
  --users N     members of the simulated organization (default 2000)
  --port P      port of the preview host on 127.0.0.1 (default 8080; 0 = any free port)
  --seed S      seed of the simulated organization (default "preview")
  --latency MS  median Admin API latency in ms (default 40)
  --quiet       do not print consumer and queue logs`;

const integer = (name: string, raw: string | undefined, min: number): number => {
  const value = Number(raw);
  if (raw === undefined || !Number.isInteger(value) || value < min) throw new Error(`--${name} needs a whole number >= ${String(min)}\n${usage}`);
  return value;
};

/** Parses `--users N --port P --seed S --latency MS --quiet`; throws with the usage text on anything else. */
export const parseArgs = (args: readonly string[]): PreviewOptions => {
  const options: PreviewOptions = { ...DEFAULT_OPTIONS };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const next = (): string | undefined => args[++i];
    switch (arg) {
      case '--users': options.users = integer('users', next(), 1); break;
      case '--port': options.port = integer('port', next(), 0); break;
      case '--latency': options.latencyMs = integer('latency', next(), 0); break;
      case '--seed': {
        const seed = next();
        if (seed === undefined || seed === '') throw new Error(`--seed needs a value\n${usage}`);
        options.seed = seed;
        break;
      }
      case '--quiet': options.verbose = false; break;
      case '--help': case '-h': throw new Error(usage);
      default: throw new Error(`Unknown argument ${String(arg)}\n${usage}`);
    }
  }
  return options;
};
