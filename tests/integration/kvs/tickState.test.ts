import { useForgeRuntime } from '../../support/forgeRuntime';
import { KvsTickState } from '../../../src/adapters/kvs/kvsTickState';

useForgeRuntime({ sql: false });

describe('KvsTickState', () => {
  it('remembers the last scheduled sync and the last expiry notice, null before the first', async () => {
    const state = new KvsTickState();
    expect(await state.lastScheduledSyncAt()).toBeNull();
    expect(await state.lastExpiryNoticeFor()).toBeNull();
    await state.setLastScheduledSyncAt(new Date('2025-06-15T03:00:00.000Z'));
    await state.setLastExpiryNoticeFor(new Date('2025-07-01T00:00:00.000Z'));
    expect(await state.lastScheduledSyncAt()).toEqual(new Date('2025-06-15T03:00:00.000Z'));
    expect(await state.lastExpiryNoticeFor()).toEqual(new Date('2025-07-01T00:00:00.000Z'));
  });
});
