import React, { useState } from 'react';
import { ErrorMessage, Inline, LoadingButton, Stack } from '@forge/react';
import { thresholdDayChoices, type SettingsDto } from '../../../contract';
import { SelectField } from '../../components/SelectField';
import { useLocale } from '../../i18n/LocaleContext';
import { SaveFeedback } from './SaveFeedback';
import { Section } from './Section';
import { useSectionSave, type SaveSettings } from './useSave';

/** S2: warning and overdue thresholds, each one of the allowed day counts; warning must be below overdue. */
export const ThresholdsSection = (props: { settings: SettingsDto; save: SaveSettings }): React.JSX.Element => {
  const { t } = useLocale();
  const saved = props.settings.inactivity;
  const [warning, setWarning] = useState(String(saved.warningDays));
  const [overdue, setOverdue] = useState(String(saved.overdueDays));
  const save = useSectionSave(props.save);
  const choices = props.settings.thresholdDayChoices.length > 0 ? props.settings.thresholdDayChoices : [...thresholdDayChoices];
  const options = choices.map((days) => ({ value: String(days), label: t('common.days', { count: days }) }));
  const inOrder = Number(warning) < Number(overdue);
  return (
    <Section title={t('settings.thresholds.title')} description={t('settings.thresholds.description')}>
      <Inline space="space.200" alignBlock="end">
        <SelectField id="threshold-warning" label={t('settings.thresholds.warning')} options={options} value={warning} onChange={setWarning} />
        <SelectField id="threshold-overdue" label={t('settings.thresholds.overdue')} options={options} value={overdue} onChange={setOverdue} />
        <LoadingButton
          appearance="primary"
          isLoading={save.saving}
          isDisabled={!inOrder}
          onClick={() => {
            save.run({ inactivity: { warningDays: Number(warning), overdueDays: Number(overdue) } });
          }}
        >
          {t('common.save')}
        </LoadingButton>
      </Inline>
      <Stack space="space.100">
        {!inOrder && <ErrorMessage>{t('validation.threshold.warning-not-below-overdue')}</ErrorMessage>}
        <SaveFeedback save={save} />
      </Stack>
    </Section>
  );
};
