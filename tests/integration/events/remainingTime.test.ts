/** Off the platform (no `__forge_runtime__`), or with a runtime that reports no time: INTERNAL, never a guess. */
describe('remainingMs without a Forge runtime', () => {
  it.each([
    ['no runtime', (): never => { throw new Error('Forge runtime not found.'); }],
    ['no remaining time', () => ({ invocationRemainingTimeInMillis: () => Number.NaN })],
  ])('throws INTERNAL when there is %s', (_label, getAppContext) => {
    jest.isolateModules(() => {
      jest.doMock('@forge/api', () => ({ getAppContext }));
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the mock, in isolation
      const { remainingMs } = require('../../../src/adapters/events/remainingTime') as typeof import('../../../src/adapters/events/remainingTime');
      expect(() => remainingMs()).toThrow(expect.objectContaining({ name: 'DomainError', code: 'INTERNAL' }) as Error);
    });
  });
});
