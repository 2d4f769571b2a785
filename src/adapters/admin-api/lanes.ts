import pLimit from 'p-limit';
import { defaultPace, endpointClassOf, type EndpointClass, type Operation } from './config';
import { EndpointPacer } from './rateLimiter';
import type { HttpSettings } from './settings';

/**
 * One lane per endpoint class: its pacer and a queue that lets at most `maxConcurrency` attempts hold a
 * pacing slot at once, so the pacer never books far ahead of what the server has told it.
 */
export class Lanes {
  private readonly pacers = new Map<EndpointClass, EndpointPacer>();
  private readonly queues = new Map<EndpointClass, pLimit.Limit>();

  constructor(private readonly s: HttpSettings) {}

  pacer(operation: Operation): EndpointPacer {
    const endpoint = endpointClassOf[operation];
    let pacer = this.pacers.get(endpoint);
    if (!pacer) {
      pacer = new EndpointPacer({ ...defaultPace(endpoint), resetSlackMs: this.s.resetSlackMs, ...this.s.pacing[endpoint] });
      this.pacers.set(endpoint, pacer);
    }
    return pacer;
  }

  queue(operation: Operation): pLimit.Limit {
    const endpoint = endpointClassOf[operation];
    let queue = this.queues.get(endpoint);
    if (!queue) {
      queue = pLimit(this.s.maxConcurrency);
      this.queues.set(endpoint, queue);
    }
    return queue;
  }
}
