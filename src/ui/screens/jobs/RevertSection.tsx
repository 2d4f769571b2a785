import React, { useState } from 'react';
import { Button, Inline, Stack } from '@forge/react';
import type { BulkJobDto, Failure, RevertPlanDto, RevertStateDto } from '../../../contract';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { Note } from '../../components/LoadView';
import { useLocale } from '../../i18n/LocaleContext';
import { RevertPlanModal } from './RevertPlanModal';

type Stage = { kind: 'idle' } | { kind: 'planning' } | { kind: 'plan'; plan: RevertPlanDto; starting: boolean };

const PLAN_ITEMS = 50;

/**
 * B5 on a finished job: whether (and by whom, when) it was reverted, and Revert — its plan (revert.plan, read live),
 * then the revert as a job of its own (revert.start), handed to `onStarted`. A job that cannot be reverted says why.
 */
export const RevertSection = (props: {
  jobId: string;
  revert: RevertStateDto | undefined;
  jobName: string;
  onStarted: (job: BulkJobDto) => void;
}): React.JSX.Element | null => {
  const { t, fmt } = useLocale();
  const { jobId } = props;
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [error, setError] = useState<Failure | null>(null);
  const revert = props.revert ?? null;
  if (revert === null) return null;
  const by = revert.revertedBy;

  const review = (): void => {
    setError(null);
    setStage({ kind: 'planning' });
    void call('revert.plan', { jobId, itemsLimit: PLAN_ITEMS }).then((answer) => {
      if (answer.ok) setStage({ kind: 'plan', plan: answer.data, starting: false });
      else {
        setError(answer.error);
        setStage({ kind: 'idle' });
      }
    });
  };
  const confirm = (): void => {
    if (stage.kind !== 'plan' || stage.starting) return;
    setStage({ ...stage, starting: true });
    void call('revert.start', { jobId }).then((answer) => {
      if (answer.ok) {
        setStage({ kind: 'idle' });
        props.onStarted(answer.data);
      } else {
        setError(answer.error);
        setStage({ ...stage, starting: false });
      }
    });
  };

  return (
    <Stack space="space.050">
      {by !== null && (
        <Note>
          {t(`revert.revertedBy.${by.status === 'queued' || by.status === 'running' ? 'running' : 'done'}`, {
            who: by.byName ?? t('jobs.startedBy.unknownAdmin'),
            at: fmt.dateTime(by.at),
            status: t(`jobStatus.${by.status}`),
          })}
        </Note>
      )}
      {revert.blocked === null ? (
        <Inline>
          <Button appearance="warning" isDisabled={stage.kind === 'planning'} onClick={review}>
            {t('revert.button')}
          </Button>
        </Inline>
      ) : (
        revert.blocked !== 'not-finished' && <Note>{t(`revert.blocked.${revert.blocked}`)}</Note>
      )}
      {stage.kind !== 'plan' && error !== null && <ErrorBox error={error} />}
      {stage.kind === 'plan' && (
        <RevertPlanModal
          plan={stage.plan}
          jobName={props.jobName}
          starting={stage.starting}
          error={error}
          onConfirm={confirm}
          onCancel={() => {
            setStage({ kind: 'idle' });
            setError(null);
          }}
        />
      )}
    </Stack>
  );
};
