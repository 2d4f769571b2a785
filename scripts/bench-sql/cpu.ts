/**
 * CPU accounting for the upsert figure: how much processor time the bench process (our adapter, @forge/sql and the
 * local runtime) and the MariaDB server each used while the upserts were timed. Against the wall time and the
 * machine's cores it says whether the figure is bound by the processors or by waiting.
 */
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Linux reports process times in clock ticks; USER_HZ is 100 on every mainstream architecture. */
const TICK_MS = 10;

/** CPU milliseconds (user + system) that process `pid` has used, from /proc; null where /proc cannot say. */
const processCpuMs = (pid: number): number | null => {
  try {
    // Fields after the parenthesised command name: state is field 3, utime field 14, stime field 15.
    const fields = readFileSync(`/proc/${String(pid)}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    return Number.isFinite(utime) && Number.isFinite(stime) ? (utime + stime) * TICK_MS : null;
  } catch {
    return null;
  }
};

const ownCpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

export interface CpuTotals {
  wallMs: number;
  benchCpuMs: number;
  serverCpuMs: number | null;
}

/** Adds up wall and CPU time over the measured sections (`track` wraps each one). */
export class CpuMeter {
  private readonly totals: CpuTotals = { wallMs: 0, benchCpuMs: 0, serverCpuMs: 0 };

  constructor(private readonly serverPid: number) {}

  async track<T>(section: () => Promise<T>): Promise<T> {
    const wall = performance.now();
    const own = ownCpuMs();
    const server = processCpuMs(this.serverPid);
    const result = await section();
    this.totals.wallMs += performance.now() - wall;
    this.totals.benchCpuMs += ownCpuMs() - own;
    const serverAfter = processCpuMs(this.serverPid);
    this.totals.serverCpuMs = server === null || serverAfter === null || this.totals.serverCpuMs === null ? null : this.totals.serverCpuMs + serverAfter - server;
    return result;
  }

  get result(): CpuTotals {
    return { ...this.totals };
  }
}

/** One line for the report: each side's CPU time and the average number of cores it kept busy. */
export const describeCpu = (totals: CpuTotals): string => {
  const cores = (ms: number): string => (ms / totals.wallMs).toFixed(2);
  const server = totals.serverCpuMs === null ? 'mariadbd: unknown' : `mariadbd ${Math.round(totals.serverCpuMs).toLocaleString('en')} ms (${cores(totals.serverCpuMs)} cores)`;
  return (
    `CPU while upserting: wall ${Math.round(totals.wallMs).toLocaleString('en')} ms; bench process ${Math.round(totals.benchCpuMs).toLocaleString('en')} ms ` +
    `(${cores(totals.benchCpuMs)} cores); ${server}; ${String(availableParallelism())} cores available`
  );
};
