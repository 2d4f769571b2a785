import React from 'react';
import { Button, DynamicTable, Stack } from '@forge/react';
import type { SettingsDto } from '../../../contract';
import { Note } from '../../components/LoadView';
import { useLocale } from '../../i18n/LocaleContext';
import { AddProtectedEntries } from './AddProtectedEntries';
import { SaveFeedback } from './SaveFeedback';
import { Section } from './Section';
import { useSectionSave, type SaveSettings } from './useSave';

/**
 * S8: exact addresses, @domains and wildcards that no action may touch, with how many synced users each protects.
 * Every change saves the whole list; an invalid entry is refused by the server with a translated reason. Several
 * entries may be pasted at once (AddProtectedEntries).
 */
export const ProtectedEmailsSection = (props: { settings: SettingsDto; save: SaveSettings }): React.JSX.Element => {
  const { t, fmt } = useLocale();
  const save = useSectionSave(props.save);
  const entries = props.settings.protectedEmails;
  const current = entries.map((e) => e.entry);
  return (
    <Section title={t('settings.protectedEmails.title')} description={t('settings.protectedEmails.description')}>
      {entries.length === 0 ? (
        <Note>{t('settings.protectedEmails.empty')}</Note>
      ) : (
        <DynamicTable
          label={t('settings.protectedEmails.title')}
          head={{ cells: ['entry', 'kind', 'users', 'actions'].map((key) => ({ key, content: t(`settings.protectedEmails.columns.${key}`) })) }}
          rows={entries.map((e) => ({
            key: e.entry,
            cells: [
              { key: 'entry', content: e.entry },
              { key: 'kind', content: t(`settings.protectedEmails.kinds.${e.kind}`) },
              { key: 'users', content: t('settings.protectedEmails.protects', { count: e.protectedUsers, formatted: fmt.number(e.protectedUsers) }) },
              {
                key: 'actions',
                content: (
                  <Button
                    appearance="subtle"
                    isDisabled={save.saving}
                    onClick={() => {
                      save.run({ protectedEmails: current.filter((c) => c !== e.entry) });
                    }}
                  >
                    {t('settings.protectedEmails.remove')}
                  </Button>
                ),
              },
            ],
          }))}
        />
      )}
      <AddProtectedEntries current={current} save={props.save} />
      <Stack space="space.100">
        <SaveFeedback save={save} />
      </Stack>
    </Section>
  );
};
