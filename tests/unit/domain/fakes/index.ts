/**
 * The in-memory ports every domain test uses: one implementation per port in src/domain/ports. They behave like
 * the adapters (idempotent upserts stamped with the generation, an idempotent audit log, a lease with a TTL, a
 * queue with delays), not like mocks. The repositories share `Tables`; every port call of the sync's fakes goes
 * through one `KillSwitch`, so a test can kill the consumer at any call.
 */
export * from './apiKeyChecks';
export * from './auditLog';
export * from './callerRepository';
export * from './clock';
export * from './directoryActions';
export * from './directoryReader';
export * from './groupRepository';
export * from './ids';
export * from './jobQueue';
export * from './jobRepository';
export * from './killSwitch';
export * from './lock';
export * from './notifier';
export * from './productRepository';
export * from './secretStore';
export * from './settingsStore';
export * from './siteDirectory';
export * from './siteDirectoryRepository';
export * from './syncRunRepository';
export * from './tables';
export * from './userRepository';
export * from './webhooks';
