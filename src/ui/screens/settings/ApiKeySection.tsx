import React, { useState } from 'react';
import { Button, Inline, Link, Modal, ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition, Text } from '@forge/react';
import { apiKeyDocsUrl, type ApiKeyInfoDto, type Failure } from '../../../contract';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { useLocale } from '../../i18n/LocaleContext';
import { ApiKeyForm } from './ApiKeyForm';
import { ApiKeyStatus } from './ApiKeyStatus';
import { Section } from './Section';

/** S1: the org API key — enter, check, pick the org, save; then its status, replace and remove. */
export const ApiKeySection = (props: { info: ApiKeyInfoDto | null; onChanged: (info: ApiKeyInfoDto | null) => void }): React.JSX.Element => {
  const { t } = useLocale();
  const [replacing, setReplacing] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const remove = (): void => {
    setConfirmRemove(false);
    void call('apiKey.remove', {}).then((answer) => {
      if (answer.ok) props.onChanged(null);
      else setError(answer.error);
    });
  };
  const saved = (info: ApiKeyInfoDto): void => {
    setReplacing(false);
    props.onChanged(info);
  };
  return (
    <Section title={t('settings.apiKey.title')} description={t('settings.apiKey.description')}>
      <Link href={apiKeyDocsUrl} openNewTab>
        {t('settings.apiKey.docsLink')}
      </Link>
      {props.info === null || replacing ? (
        <ApiKeyForm onSaved={saved} onCancel={replacing ? () => { setReplacing(false); } : undefined} />
      ) : (
        <>
          <ApiKeyStatus info={props.info} />
          <Inline space="space.100">
            <Button onClick={() => { setReplacing(true); }}>{t('settings.apiKey.replace')}</Button>
            <Button appearance="danger" onClick={() => { setConfirmRemove(true); }}>
              {t('settings.apiKey.remove')}
            </Button>
          </Inline>
        </>
      )}
      {error !== null && <ErrorBox error={error} />}
      {confirmRemove && (
        <ModalTransition>
          <Modal onClose={() => { setConfirmRemove(false); }}>
            <ModalHeader>
              <ModalTitle appearance="danger">{t('settings.apiKey.removeTitle')}</ModalTitle>
            </ModalHeader>
            <ModalBody>
              <Text>{t('settings.apiKey.removeBody')}</Text>
            </ModalBody>
            <ModalFooter>
              <Button appearance="subtle" onClick={() => { setConfirmRemove(false); }}>{t('common.cancel')}</Button>
              <Button appearance="danger" onClick={remove}>{t('settings.apiKey.removeConfirm')}</Button>
            </ModalFooter>
          </Modal>
        </ModalTransition>
      )}
    </Section>
  );
};
