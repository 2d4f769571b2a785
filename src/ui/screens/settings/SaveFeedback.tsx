import React from 'react';
import { SectionMessage, Text } from '@forge/react';
import { ErrorBox } from '../../components/ErrorBox';
import { useLocale } from '../../i18n/LocaleContext';
import type { SectionSave } from './useSave';

/** A section's save outcome: the translated error (nothing was saved) or a short confirmation. */
export const SaveFeedback = (props: { save: SectionSave }): React.JSX.Element | null => {
  const { t } = useLocale();
  if (props.save.error !== null) return <ErrorBox error={props.save.error} />;
  if (props.save.saved) {
    return (
      <SectionMessage appearance="success">
        <Text>{t('settings.saved')}</Text>
      </SectionMessage>
    );
  }
  return null;
};
