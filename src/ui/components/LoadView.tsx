import React from 'react';
import { Spinner, Stack, Text } from '@forge/react';
import type { Load } from '../hooks/useLoad';
import { useLocale } from '../i18n/LocaleContext';
import { ErrorBox } from './ErrorBox';

/** The loading and error states every screen shares; `children` renders the loaded data. */
export const LoadView = <T,>(props: {
  load: Load<T>;
  onRetry?: () => void;
  children: (data: T) => React.ReactNode;
}): React.JSX.Element => {
  const { t } = useLocale();
  const { load } = props;
  if (load.status === 'loading') {
    return (
      <Stack space="space.100">
        <Spinner label={t('app.loading')} />
      </Stack>
    );
  }
  if (load.status === 'error') return <ErrorBox error={load.error} onRetry={props.onRetry} />;
  return <>{props.children(load.data)}</>;
};

/** A quiet line of secondary text. */
export const Note = (props: { children: React.ReactNode }): React.JSX.Element => (
  <Text color="color.text.subtlest">{props.children}</Text>
);
