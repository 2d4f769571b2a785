/**
 * Keeps the triggers' log lines (one per slice and tick, many per seed) out of the test output; they are kept in
 * `lines` for failure messages.
 */
export const quietLogs = (): { lines: string[] } => {
  const captured = { lines: [] as string[] };
  beforeAll(() => {
    for (const level of ['log', 'warn', 'error'] as const) {
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        captured.lines.push(`${level}: ${args.map(String).join(' ')}`);
      });
    }
  });
  afterAll(() => {
    jest.restoreAllMocks();
  });
  return captured;
};
