import React, { useState } from 'react';
import { Button, Inline, LoadingButton, Modal, ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition, Stack, Text } from '@forge/react';
import type { DryRunDto, Failure, TaskRunDto } from '../../../../contract';
import { call } from '../../../api';
import { ErrorBox } from '../../../components/ErrorBox';
import { useLocale } from '../../../i18n/LocaleContext';
import { DryRunPanel } from './DryRunPanel';

/**
 * T4 Run now: shows the task's dry run first, then runs it once the admin confirms. The run evaluates the task again
 * and reads the users live before changing anyone, so the dry run is what the admin agrees to, not what is replayed.
 */
export const RunNow = (props: { taskId: string; taskName: string; onStarted: (run: TaskRunDto) => void }): React.JSX.Element => {
  const { t, fmt } = useLocale();
  const [open, setOpen] = useState(false);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<Failure | null>(null);
  const [dry, setDry] = useState<DryRunDto | null>(null);
  const close = (): void => {
    setOpen(false);
    setError(null);
    setDry(null);
  };
  const confirm = (): void => {
    setStarting(true);
    setError(null);
    void call('tasks.runNow', { taskId: props.taskId }).then((answer) => {
      setStarting(false);
      if (!answer.ok) {
        setError(answer.error);
        return;
      }
      close();
      props.onStarted(answer.data);
    });
  };
  if (!open) {
    return (
      <Inline>
        <Button
          onClick={() => {
            setOpen(true);
          }}
        >
          {t('taskRuns.runNow.open')}
        </Button>
      </Inline>
    );
  }
  const willChange = dry?.summary.willChange ?? 0;
  return (
    <ModalTransition>
      <Modal onClose={close} width="x-large">
        <ModalHeader>
          <ModalTitle appearance="warning">{t('taskRuns.runNow.title', { name: props.taskName })}</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <Stack space="space.150">
            <Text>{t('taskRuns.runNow.intro')}</Text>
            <DryRunPanel source={{ taskId: props.taskId, definition: null }} onEvaluated={setDry} />
            {error !== null && <ErrorBox error={error} />}
          </Stack>
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={close}>
            {t('common.cancel')}
          </Button>
          <LoadingButton appearance="danger" isLoading={starting} isDisabled={dry === null} onClick={confirm}>
            {t('taskRuns.runNow.confirm', { count: willChange, formatted: fmt.number(willChange) })}
          </LoadingButton>
        </ModalFooter>
      </Modal>
    </ModalTransition>
  );
};
