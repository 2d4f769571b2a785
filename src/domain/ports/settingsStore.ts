import type { Settings } from '../model/settings';

/** Settings in KVS: validated on read and write, defaults when absent. */
export interface SettingsStore {
  load(): Promise<Settings>;
  save(settings: Settings): Promise<void>;
}
