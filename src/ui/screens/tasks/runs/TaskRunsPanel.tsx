import React, { useState } from 'react';
import { Button, Heading, Inline, Stack } from '@forge/react';
import { useLocale } from '../../../i18n/LocaleContext';
import { DryRunPanel } from './DryRunPanel';
import { RunDetail } from './RunDetail';
import { RunHistory } from './RunHistory';
import { RunNow } from './RunNow';

/**
 * The selected task's panels on the Automated tasks tab: its dry run (on demand), Run now (dry run first, then
 * confirm), its run history, and a run's detail.
 */
export const TaskRunsPanel = (props: { taskId: string; taskName: string }): React.JSX.Element => {
  const { t } = useLocale();
  const [openRun, setOpenRun] = useState<string | null>(null);
  const [dryRun, setDryRun] = useState(false);
  const [started, setStarted] = useState<string | null>(null);
  if (openRun !== null) {
    return (
      <RunDetail
        runId={openRun}
        onBack={() => {
          setOpenRun(null);
        }}
      />
    );
  }
  return (
    <Stack space="space.200">
      <Inline space="space.100">
        <Button
          onClick={() => {
            setDryRun(!dryRun);
          }}
        >
          {t(dryRun ? 'taskRuns.dryRun.hide' : 'taskRuns.dryRun.open')}
        </Button>
        <RunNow
          taskId={props.taskId}
          taskName={props.taskName}
          onStarted={(run) => {
            setStarted(run.runId);
          }}
        />
      </Inline>
      {dryRun && <DryRunPanel source={{ taskId: props.taskId, definition: null }} />}
      <Heading size="xsmall">{t('taskRuns.runs.title')}</Heading>
      <RunHistory taskId={props.taskId} refreshOn={started} onOpen={setOpenRun} />
    </Stack>
  );
};
