import { useState } from 'react';
import type { Failure, SettingsDto, SettingsSavePayload } from '../../../contract';
import { call } from '../../api';

export type SaveSettings = (patch: SettingsSavePayload) => Promise<Failure | null>;

export interface SectionSave {
  saving: boolean;
  error: Failure | null;
  saved: boolean;
  run: (patch: SettingsSavePayload, onSuccess?: () => void) => void;
}

/** settings.save for one section: on success the screen's settings are replaced by the saved ones; on failure nothing changes. */
export const saveSettings =
  (onSaved: (settings: SettingsDto) => void): SaveSettings =>
  async (patch) => {
    const answer = await call('settings.save', patch);
    if (!answer.ok) return answer.error;
    onSaved(answer.data);
    return null;
  };

/** One section's saving state: busy, last error, or saved. */
export const useSectionSave = (save: SaveSettings): SectionSave => {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const [saved, setSaved] = useState(false);
  return {
    saving,
    error,
    saved,
    run: (patch, onSuccess) => {
      setSaving(true);
      setSaved(false);
      setError(null);
      void save(patch).then((failure) => {
        setSaving(false);
        setError(failure);
        setSaved(failure === null);
        if (failure === null) onSuccess?.();
      });
    },
  };
};
