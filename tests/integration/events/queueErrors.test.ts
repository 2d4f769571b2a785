import {
  InternalServerError,
  InvalidPushSettingsError,
  InvocationLimitReachedError,
  PartialSuccessError,
  PayloadTooBigError,
  RateLimitError,
  TooManyEventsError,
} from '@forge/events';
import { ForgeJobQueue } from '../../../src/adapters/events/jobQueue';
import { DomainError } from '../../../src/domain/model/errors';

const failingWith = (error: unknown): ForgeJobQueue =>
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- the SDK boundary may reject with anything
  new ForgeJobQueue(() => ({ push: () => Promise.reject(error) }));

const cases: [string, unknown, string][] = [
  ['RateLimitError', new RateLimitError('slow down'), 'RATE_LIMITED'],
  ['InvocationLimitReachedError', new InvocationLimitReachedError('chain'), 'UPSTREAM_FAILED'],
  ['PayloadTooBigError', new PayloadTooBigError('big'), 'VALIDATION_FAILED'],
  ['TooManyEventsError', new TooManyEventsError('many'), 'VALIDATION_FAILED'],
  ['InvalidPushSettingsError', new InvalidPushSettingsError('delay'), 'VALIDATION_FAILED'],
  ['PartialSuccessError', new PartialSuccessError('some', { jobId: 'j' }, []), 'UPSTREAM_FAILED'],
  ['InternalServerError', new InternalServerError('500', 500), 'UPSTREAM_FAILED'],
  ['a network TypeError', new TypeError('fetch failed'), 'UPSTREAM_FAILED'],
  ['a thrown string', 'a string', 'UPSTREAM_FAILED'],
  ['a DomainError', new DomainError('LOCK_HELD', 'kept as is'), 'LOCK_HELD'],
];

describe('ForgeJobQueue maps every @forge/events error to a DomainError', () => {
  it.each(cases)('%s → its DomainError', async (_label, error, code) => {
    await expect(failingWith(error).push({ kind: 'sync', runId: 'r', slice: 0 })).rejects.toMatchObject({ code });
  });

  it('pushes one { body, delayInSeconds } event to the queue of the message’s kind', async () => {
    const pushes: [string, unknown][] = [];
    const queue = new ForgeJobQueue((key) => ({
      push: (event) => {
        pushes.push([key, event]);
        return Promise.resolve({ jobId: 'job' });
      },
    }));
    await queue.push({ kind: 'task-run', taskId: 't', runId: 'r', slice: 0 }, 30);
    await queue.push({ kind: 'sync', runId: 'r', slice: 4 });
    expect(pushes).toEqual([
      ['ulo-jobs', { body: { kind: 'task-run', taskId: 't', runId: 'r', slice: 0 }, delayInSeconds: 30 }],
      ['ulo-sync', { body: { kind: 'sync', runId: 'r', slice: 4 }, delayInSeconds: 0 }],
    ]);
  });
});
