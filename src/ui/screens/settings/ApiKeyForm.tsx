import React, { useState } from 'react';
import { Button, DatePicker, Inline, Label, LoadingButton, Stack, Text } from '@forge/react';
import type { ApiKeyInfoDto, Failure } from '../../../contract';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useLocale } from '../../i18n/LocaleContext';
import { startOfDayIso } from '../../i18n/zonedDate';

type Org = { id: string; name: string };

/** An example expiry for the date field: the 28th of next month, a day past 12 so the locale's day/month order shows. */
const exampleExpiry = (now: Date): string => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 28)).toISOString();

/**
 * S1 entry: paste the key (masked) → "Check key" validates it live and lists the orgs it sees → pick one →
 * "Save key". The key lives only in this form's state until saved, and is cleared afterwards.
 */
export const ApiKeyForm = (props: { onSaved: (info: ApiKeyInfoDto) => void; onCancel?: () => void }): React.JSX.Element => {
  const { t, fmt, timeZone } = useLocale();
  const [key, setKey] = useState('');
  const [orgs, setOrgs] = useState<Org[] | null>(null);
  const [orgId, setOrgId] = useState('');
  const [expiryDay, setExpiryDay] = useState('');
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const check = (): void => {
    setBusy(true);
    setError(null);
    void call('apiKey.check', { key }).then((answer) => {
      setBusy(false);
      if (!answer.ok) {
        setError(answer.error);
        setOrgs(null);
        return;
      }
      setOrgs(answer.data.orgs);
      setOrgId(answer.data.orgs.length === 1 ? (answer.data.orgs[0]?.id ?? '') : '');
    });
  };
  const save = (): void => {
    setBusy(true);
    setError(null);
    const expiresAt = startOfDayIso(expiryDay, timeZone);
    void call('apiKey.save', { key, orgId, ...(expiresAt === null ? {} : { expiresAt }), ...(label.trim() === '' ? {} : { label: label.trim() }) }).then(
      (answer) => {
        setBusy(false);
        if (!answer.ok) {
          setError(answer.error);
          return;
        }
        setKey('');
        setOrgs(null);
        props.onSaved(answer.data);
      },
    );
  };
  return (
    <Stack space="space.150">
      <TextField
        id="api-key"
        type="password"
        label={t('settings.apiKey.key')}
        value={key}
        onChange={(value) => {
          setKey(value);
          setOrgs(null);
        }}
      />
      <Inline space="space.100">
        <LoadingButton isLoading={busy && orgs === null} isDisabled={key.trim().length < 8} onClick={check}>
          {t('settings.apiKey.check')}
        </LoadingButton>
        {props.onCancel !== undefined && (
          <Button appearance="subtle" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
        )}
      </Inline>
      {orgs !== null && orgs.length === 0 && <Text>{t('settings.apiKey.noOrgs')}</Text>}
      {orgs !== null && orgs.length > 0 && (
        <Stack space="space.150">
          {orgs.length === 1 ? (
            <Text>{t('settings.apiKey.orgFound', { name: orgs[0]?.name ?? '' })}</Text>
          ) : (
            <SelectField
              id="api-key-org"
              label={t('settings.apiKey.chooseOrg')}
              options={[{ value: '', label: t('settings.apiKey.chooseOrg') }, ...orgs.map((o) => ({ value: o.id, label: o.name }))]}
              value={orgId}
              onChange={setOrgId}
            />
          )}
          <Stack space="space.050">
            <Label labelFor="api-key-expiry">{t('settings.apiKey.expiry')}</Label>
            <DatePicker
              id="api-key-expiry"
              value={expiryDay}
              locale={fmt.localeTag}
              placeholder={t('settings.apiKey.expiryPlaceholder', { example: fmt.numericDay(exampleExpiry(new Date())) })}
              onChange={setExpiryDay}
            />
            <Text>{t('settings.apiKey.expiryHelp')}</Text>
          </Stack>
          <TextField id="api-key-label" label={t('settings.apiKey.label')} value={label} onChange={setLabel} />
          <Inline>
            <LoadingButton appearance="primary" isLoading={busy} isDisabled={orgId === ''} onClick={save}>
              {t('settings.apiKey.save')}
            </LoadingButton>
          </Inline>
        </Stack>
      )}
      {error !== null && <ErrorBox error={error} />}
    </Stack>
  );
};
