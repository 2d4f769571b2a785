import React, { useEffect, useMemo, useState } from 'react';
import { events } from '@forge/bridge';
import { Button, Frame, Inline, Stack, Text } from '@forge/react';
import { useLocale } from '../../i18n/LocaleContext';
import { buildExportMessage, type ExportSpec } from './exportMessage';
import { CSV_RESOURCE, READY_EVENT, REQUEST_EVENT } from './protocol';

interface Subscription {
  unsubscribe: () => void;
}

/**
 * X1–X4: opens the CSV export Frame and keeps it told what to export (the list's current filter). The file is
 * built and saved inside the frame: its Download button is the user gesture a browser download needs.
 */
export const CsvExport = (props: { spec: ExportSpec }): React.JSX.Element => {
  const locale = useLocale();
  const { t } = locale;
  const [open, setOpen] = useState(false);
  const specKey = JSON.stringify(props.spec);
  const message = useMemo(
    () => buildExportMessage(props.spec, locale, locale.fmt.localeTag, new Date().toISOString().slice(0, 10)),
    [specKey, locale],
  );
  useEffect(() => {
    if (!open) return undefined;
    let subscription: Subscription | undefined;
    let closed = false;
    const send = (): void => {
      void events.emit(REQUEST_EVENT, message);
    };
    void events.on(READY_EVENT, () => {
      send();
    }).then((s: Subscription | undefined) => {
      if (closed) s?.unsubscribe();
      else subscription = s;
    });
    send();
    return () => {
      closed = true;
      subscription?.unsubscribe();
    };
  }, [open, message]);
  if (!open) {
    return (
      <Inline>
        <Button
          iconBefore="download"
          onClick={() => {
            setOpen(true);
          }}
        >
          {t('export.open')}
        </Button>
      </Inline>
    );
  }
  return (
    <Stack space="space.100">
      <Text>{t('export.hint')}</Text>
      <Frame resource={CSV_RESOURCE} height="140px" />
      <Inline>
        <Button
          appearance="subtle"
          onClick={() => {
            setOpen(false);
          }}
        >
          {t('export.close')}
        </Button>
      </Inline>
    </Stack>
  );
};
