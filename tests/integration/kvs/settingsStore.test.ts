import { useForgeRuntime } from '../../support/forgeRuntime';
import { kvs } from '@forge/kvs';
import { defaultSettings, SETTINGS_VERSION, type Settings } from '../../../src/domain/model/settings';
import { KvsSettingsStore } from '../../../src/adapters/kvs/kvsSettingsStore';

const rt = useForgeRuntime({ sql: false });
const store = new KvsSettingsStore();
beforeEach(() => {
  rt.reset();
});

const custom: Settings = {
  ...defaultSettings(),
  inactivity: { warningDays: 30, overdueDays: 120 },
  sync: { hour: 22, timeZone: 'Europe/Berlin' },
  protectedEmails: ['boss@example.com', '@vip.example', 'admin-*@example.com'],
  seatPrices: { jira: 8.15 },
};

describe('KvsSettingsStore (S2-S8 persistence)', () => {
  it('gives the defaults on a fresh install without writing anything', async () => {
    expect(await store.load()).toEqual(defaultSettings());
    expect(await kvs.get('settings')).toBeUndefined();
  });

  it('saves and loads settings with their version', async () => {
    await store.save(custom);
    expect(await store.load()).toEqual(custom);
    expect(await kvs.get('settings')).toMatchObject({ version: SETTINGS_VERSION });
  });

  it.each<[string, unknown]>([
    ['warning not below overdue', { ...custom, inactivity: { warningDays: 120, overdueDays: 120 } }],
    ['a threshold that is not a choice', { ...custom, inactivity: { warningDays: 45, overdueDays: 120 } }],
    ['an hour outside 0-23', { ...custom, sync: { hour: 24, timeZone: 'UTC' } }],
    ['an unknown field', { ...custom, surprise: true }],
    ['a negative seat price', { ...custom, seatPrices: { jira: -1 } }],
  ])('refuses %s and keeps what was stored', async (_name, value) => {
    await store.save(custom);
    await expect(store.save(value as Settings)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await store.load()).toEqual(custom);
  });

  it('refuses a malformed protected email entry with the reason', async () => {
    await expect(store.save({ ...custom, protectedEmails: ['ok@example.com', 'not an email'] })).rejects.toMatchObject({
      code: 'PROTECTED_EMAIL_INVALID',
      details: { problems: [{ index: 1, entry: 'not an email', reason: 'missing-at' }] },
    });
  });

  it('refuses settings larger than a KVS value may be (240 KiB)', async () => {
    const domain = `${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(60)}.example`;
    const many = Array.from({ length: 1000 }, (_, i) => `user${String(i).padStart(4, '0')}${'x'.repeat(50)}@${domain}`);
    await expect(store.save({ ...custom, protectedEmails: many })).rejects.toMatchObject({ code: 'STORAGE_LIMIT' });
  });

  it.each<[string, unknown]>([
    ['a corrupt value', { version: 1, inactivity: 'soon' }],
    ['a version from the future', { ...defaultSettings(), version: 99 }],
    ['the flat shape of the first preview (no migrations before 1.0)', { warningDays: 45, overdueDays: 100, syncHourUtc: 5 }],
  ])('fails loudly on %s instead of falling back to defaults (which would drop protection)', async (_name, raw) => {
    await kvs.set('settings', raw);
    await expect(store.load()).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(await kvs.get('settings')).toEqual(raw);
  });
});
