import React from 'react';
import { Inline, SectionMessage, Stack, Text, Toggle } from '@forge/react';
import type { SettingsDto } from '../../../contract';
import { useLocale } from '../../i18n/LocaleContext';
import { SaveFeedback } from './SaveFeedback';
import { Section } from './Section';
import { useSectionSave, type SaveSettings } from './useSave';

/** S3: organization admins always have access; product admins and user-access admins only when enabled here. */
export const AccessSection = (props: { settings: SettingsDto; save: SaveSettings }): React.JSX.Element => {
  const { t } = useLocale();
  const { access } = props.settings;
  const save = useSectionSave(props.save);
  const toggle = (key: 'allowProductAdmins' | 'allowUserAccessAdmins', label: string): React.JSX.Element => (
    <Toggle
      id={`access-${key}`}
      label={label}
      isChecked={access[key]}
      isDisabled={save.saving}
      onChange={(event) => {
        save.run({ access: { [key]: event.target.checked === true } });
      }}
    />
  );
  return (
    <Section title={t('settings.access.title')}>
      <Stack space="space.100">
        <Text>{t('settings.access.orgAdmins')}</Text>
        <Inline space="space.100" alignBlock="center">
          {toggle('allowProductAdmins', t('settings.access.productAdmins'))}
          <Text>{t('settings.access.productAdmins')}</Text>
        </Inline>
        <Inline space="space.100" alignBlock="center">
          {toggle('allowUserAccessAdmins', t('settings.access.userAccessAdmins'))}
          <Text>{t('settings.access.userAccessAdmins')}</Text>
        </Inline>
        <SectionMessage appearance="warning">
          <Text>{t('settings.access.warning')}</Text>
        </SectionMessage>
        <SaveFeedback save={save} />
      </Stack>
    </Section>
  );
};
