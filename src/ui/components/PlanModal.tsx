import React from 'react';
import { Button, DynamicTable, Heading, List, ListItem, LoadingButton, Modal, ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition, Stack, Text } from '@forge/react';
import type { Failure } from '../../contract';
import { useLocale } from '../i18n/LocaleContext';
import { ErrorBox } from './ErrorBox';

/** A sentence with its list of counts ("2 users will change:" then "1 — deactivate ..."). */
export interface PlanCounts {
  text: string;
  lines: { key: string; text: string }[];
}

/** One planned user: who, the decision, and how or why. */
export interface PlanRow {
  key: string;
  user: string;
  decision: string;
  why: string;
}

/** The non-zero entries of a count record. */
export const countEntries = <K extends string>(record: Partial<Record<K, number>>): [K, number][] =>
  (Object.entries(record) as [K, number | undefined][]).flatMap(([key, n]) => (n === undefined || n === 0 ? [] : [[key, n]]));

/**
 * The confirmation of a plan before anything happens (B2, B5): a title, what will change and what is skipped with
 * their counts, the users in the plan, notes, and Cancel or the confirming button.
 */
export const PlanModal = (props: {
  title: string;
  counts: PlanCounts[];
  rows: PlanRow[];
  notes: React.ReactNode;
  error: Failure | null;
  confirm: { label: string; appearance: 'danger' | 'warning'; disabled: boolean; starting: boolean; onConfirm: () => void };
  onCancel: () => void;
}): React.JSX.Element => {
  const { t } = useLocale();
  return (
    <ModalTransition>
      <Modal onClose={props.onCancel} width="large">
        <ModalHeader>
          <ModalTitle appearance="warning">{props.title}</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <Stack space="space.150">
            {props.counts.map((c) => (
              <Stack key={c.text} space="space.100">
                <Text>{c.text}</Text>
                <List type="unordered">
                  {c.lines.map((line) => (
                    <ListItem key={line.key}>{line.text}</ListItem>
                  ))}
                </List>
              </Stack>
            ))}
            <Heading size="xsmall">{t('bulk.plan.users')}</Heading>
            <DynamicTable
              label={t('bulk.plan.users')}
              head={{ cells: ['user', 'decision', 'why'].map((key) => ({ key, content: t(`bulk.plan.columns.${key}`) })) }}
              rows={props.rows.map((row) => ({
                key: row.key,
                cells: [
                  { key: 'user', content: row.user },
                  { key: 'decision', content: row.decision },
                  { key: 'why', content: row.why },
                ],
              }))}
            />
            {props.notes}
            {props.error !== null && <ErrorBox error={props.error} />}
          </Stack>
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <LoadingButton appearance={props.confirm.appearance} isLoading={props.confirm.starting} isDisabled={props.confirm.disabled} onClick={props.confirm.onConfirm}>
            {props.confirm.label}
          </LoadingButton>
        </ModalFooter>
      </Modal>
    </ModalTransition>
  );
};
