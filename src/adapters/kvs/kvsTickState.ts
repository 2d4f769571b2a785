import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { TickState } from '../../domain/ports/tickState';
import { kvsCall } from './kvsErrors';

const instantSchema = z.object({ at: z.iso.datetime() });

const read = async (key: string): Promise<Date | null> => {
  const parsed = instantSchema.safeParse(await kvsCall(`get ${key}`, () => kvs.get<unknown>(key)));
  return parsed.success ? new Date(parsed.data.at) : null;
};

const write = async (key: string, at: Date): Promise<void> => {
  await kvsCall(`set ${key}`, () => kvs.set(key, { at: at.toISOString() }));
};

/** TickState in KVS: two tiny values the hourly tick reads on every run. */
export class KvsTickState implements TickState {
  lastScheduledSyncAt(): Promise<Date | null> {
    return read('tick:last-scheduled-sync');
  }

  setLastScheduledSyncAt(at: Date): Promise<void> {
    return write('tick:last-scheduled-sync', at);
  }

  lastExpiryNoticeFor(): Promise<Date | null> {
    return read('tick:last-expiry-notice');
  }

  setLastExpiryNoticeFor(expiresAt: Date): Promise<void> {
    return write('tick:last-expiry-notice', expiresAt);
  }
}
