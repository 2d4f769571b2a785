import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { countersSchema, readySchema, type Counters, type HostCommand, type Ready } from './ipc';

/** The simulator host process (simHost.ts, bundled next to this file). */
export interface SimHost {
  ready: Ready;
  counters(): Promise<Counters>;
  stop(): void;
}

const next = <T>(child: ChildProcess, parse: (m: unknown) => T | null): Promise<T> =>
  new Promise((resolve, reject) => {
    const onMessage = (message: unknown): void => {
      const parsed = parse(message);
      if (parsed === null) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(parsed);
    };
    const onExit = (code: number | null): void => {
      reject(new Error(`simulator host exited (${String(code)})`));
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });

/** Forks the simulator host for `users` users and waits until both simulators listen. */
export const startSimHost = async (users: number): Promise<SimHost> => {
  const child = fork(join(__dirname, 'simHost.js'), [String(users)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await next(child, (m) => readySchema.safeParse(m).data ?? null);
  const command = (c: HostCommand): void => {
    child.send(c);
  };
  return {
    ready,
    counters: () => {
      const answer = next(child, (m) => countersSchema.safeParse(m).data ?? null);
      command({ type: 'counters' });
      return answer;
    },
    stop: () => {
      command({ type: 'stop' });
    },
  };
};
