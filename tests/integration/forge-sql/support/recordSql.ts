type ForgeFetch = (target: { type?: string }, path: string, init?: RequestInit) => Promise<Response>;
const g = globalThis as unknown as { __forge_fetch__: ForgeFetch };

/** One SQL request as @forge/sql sent it to the runtime: its statement and the byte size of the whole body. */
export interface SentSql {
  query: string;
  bytes: number;
}

/** Runs `run` and records every SQL request @forge/sql actually sends while it runs (through `__forge_fetch__`). */
export const recordSql = async (run: () => Promise<unknown>): Promise<SentSql[]> => {
  const original = g.__forge_fetch__;
  const seen: SentSql[] = [];
  g.__forge_fetch__ = (target, path, init) => {
    if (target.type === 'sql' && typeof init?.body === 'string') {
      const { query } = JSON.parse(init.body) as { query: string };
      seen.push({ query, bytes: Buffer.byteLength(init.body, 'utf8') });
    }
    return original(target, path, init);
  };
  try {
    await run();
  } finally {
    g.__forge_fetch__ = original;
  }
  return seen;
};
