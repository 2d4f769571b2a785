/** A small seeded pseudo-random generator (mulberry32): the same seed always builds the same site. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('jira-simulator: pick from an empty list');
    return item;
  }

  /** `count` distinct elements (fewer when the list is shorter), in a random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const n = Math.min(count, items.length);
    const chosen = new Set<number>();
    const out: T[] = [];
    while (out.length < n) {
      const i = Math.floor(this.next() * items.length);
      if (chosen.has(i)) continue;
      chosen.add(i);
      out.push(items[i] as T);
    }
    return out;
  }

  /** 8 lowercase hex digits, for ids. */
  hex8(): string {
    return Math.floor(this.next() * 0x100000000)
      .toString(16)
      .padStart(8, '0');
  }
}
