/** New unique ids (sync runs, jobs, audit entries): the domain never calls `crypto.randomUUID()` itself. */
export interface IdGenerator {
  next(): string;
}
