/** The time source for the core: the domain never calls `Date.now()` itself. */
export interface Clock {
  now(): Date;
}
