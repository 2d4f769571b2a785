import type { SyncRun } from '../../model/jobs';
import { productFamily } from '../../model/product';
import { thresholdDayChoices, type Settings } from '../../model/settings';
import { ProtectedEmails, type ProtectedEntry } from '../../policy/protectedEmails';
import { isValidTimeZone, upcomingSlotStart } from '../../policy/timeSlot';
import type { Clock } from '../../ports/clock';
import type { ProductRepository } from '../../ports/productRepository';
import type { SecretStore } from '../../ports/secretStore';
import type { SettingsStore } from '../../ports/settingsStore';
import type { SyncRunRepository } from '../../ports/syncRunRepository';
import type { UserRepository } from '../../ports/userRepository';
import { toApiKeyView, type ApiKeyView } from '../apiKey/apiKeyView';

/** What reading the settings page needs. */
export interface SettingsDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  products: ProductRepository;
  runs: SyncRunRepository;
  users: Pick<UserRepository, 'countMatching'>;
  clock: Clock;
}

/** The settings as the settings page shows them, with what is derived from them (next sync, whitelist counts). */
export interface SettingsView extends Omit<Settings, 'version' | 'sync' | 'protectedEmails'> {
  sync: Settings['sync'] & {
    /** The slot start the next scheduled sync serves; null without an API key or a valid zone. */
    nextSyncAt: Date | null;
    /** The slot at `nextSyncAt` has passed without its run: the next hourly check makes it up. */
    nextSyncCatchUp: boolean;
    lastSync: { startedAt: Date; finishedAt: Date | null; status: SyncRun['status'] } | null;
  };
  protectedEmails: { entry: string; kind: ProtectedEntry['kind']; protectedUsers: number }[];
  /** Each family named by its first product, with that product's site so the page can drop a repeated site. */
  productFamilies: { family: string; name: string | null; siteUrl: string | null }[];
  apiKey: ApiKeyView | null;
  thresholdDayChoices: number[];
}

/** Counting runs this many whitelist entries at a time (each count is one indexed SQL statement). */
const COUNT_CONCURRENCY = 5;

/** S8: how many synced users (still in the org) each entry protects. */
const protectedCounts = async (settings: Settings, deps: SettingsDeps, now: Date): Promise<SettingsView['protectedEmails']> => {
  const entries = ProtectedEmails.from(settings.protectedEmails).entries;
  const counts: number[] = [];
  for (let i = 0; i < entries.length; i += COUNT_CONCURRENCY) {
    const batch = entries.slice(i, i + COUNT_CONCURRENCY).map((entry) =>
      deps.users.countMatching(
        { protected: true },
        { now, thresholds: settings.inactivity, protectedEmails: ProtectedEmails.from([entry.raw]) },
      ),
    );
    counts.push(...(await Promise.all(batch)));
  }
  return entries.map((entry, i) => ({ entry: entry.raw, kind: entry.kind, protectedUsers: counts[i] ?? 0 }));
};

const familiesOf = (products: Awaited<ReturnType<ProductRepository['list']>>): SettingsView['productFamilies'] => {
  const families = new Map<string, SettingsView['productFamilies'][number]>();
  for (const p of products) {
    const family = productFamily(p.key);
    if (!families.has(family)) families.set(family, { family, name: p.name, siteUrl: p.siteUrl });
  }
  return [...families.values()];
};

/** S4: the next scheduled sync as the hourly tick will make it (none without a key: the tick then starts nothing). */
const nextSync = async (sync: Settings['sync'], hasKey: boolean, latest: SyncRun | null, deps: SettingsDeps, now: Date) => {
  if (!hasKey || !isValidTimeZone(sync.timeZone)) return { nextSyncAt: null, nextSyncCatchUp: false };
  const lastScheduled = latest?.trigger === 'schedule' ? latest : await deps.runs.latestScheduled();
  const next = upcomingSlotStart({ hour: sync.hour, timeZone: sync.timeZone }, now, lastScheduled?.startedAt ?? null);
  return { nextSyncAt: next.at, nextSyncCatchUp: next.catchUp };
};

/** S1–S8 as the settings page shows them: values, last and next sync, whitelist counts, the key's public facts. */
export const getSettings = async (deps: SettingsDeps): Promise<SettingsView> => {
  const now = deps.clock.now();
  const [settings, key, products, latest] = await Promise.all([
    deps.settings.load(),
    deps.secrets.info(),
    deps.products.list(),
    deps.runs.latest(),
  ]);
  const { version: _version, sync, protectedEmails: _raw, ...rest } = settings;
  return {
    ...rest,
    sync: {
      ...sync,
      ...(await nextSync(sync, key !== null, latest, deps, now)),
      lastSync: latest === null ? null : { startedAt: latest.startedAt, finishedAt: latest.finishedAt, status: latest.status },
    },
    protectedEmails: await protectedCounts(settings, deps, now),
    productFamilies: familiesOf(products),
    apiKey: key === null ? null : toApiKeyView(key, now),
    thresholdDayChoices: [...thresholdDayChoices],
  };
};
