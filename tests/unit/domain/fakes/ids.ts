import type { IdGenerator } from '../../../../src/domain/ports/idGenerator';

/** `<prefix>-1`, `<prefix>-2`, ... */
export class SequentialIds implements IdGenerator {
  private n = 0;
  constructor(private readonly prefix = 'id') {}
  next(): string {
    this.n += 1;
    return `${this.prefix}-${String(this.n)}`;
  }
}
