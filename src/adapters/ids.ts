import { randomUUID } from 'node:crypto';
import type { IdGenerator } from '../domain/ports/idGenerator';

/** IdGenerator over `crypto.randomUUID()`: random (v4) UUIDs for sync runs, jobs and audit entries. */
export const uuidGenerator: IdGenerator = { next: () => randomUUID() };
