import { kvs } from '@forge/kvs';
import { z } from 'zod';
import type { JobPointerName, JobPointers } from '../../domain/ports/jobPointers';
import { kvsCall } from './kvsErrors';
import { kvsKeys } from './kvsKeys';

const pointerSchema = z.object({ jobId: z.string().min(1) });

/** JobPointers in KVS: one tiny value per kind of work. */
export class KvsJobPointers implements JobPointers {
  async current(name: JobPointerName): Promise<string | null> {
    const raw = await kvsCall('get job pointer', () => kvs.get<unknown>(kvsKeys.jobPointer(name)));
    const parsed = pointerSchema.safeParse(raw);
    return parsed.success ? parsed.data.jobId : null;
  }

  async set(name: JobPointerName, jobId: string): Promise<void> {
    const value = pointerSchema.parse({ jobId });
    await kvsCall('set job pointer', () => kvs.set(kvsKeys.jobPointer(name), value));
  }

  async clear(name: JobPointerName, jobId: string): Promise<void> {
    if ((await this.current(name)) !== jobId) return;
    await kvsCall('clear job pointer', () => kvs.delete(kvsKeys.jobPointer(name)));
  }
}
