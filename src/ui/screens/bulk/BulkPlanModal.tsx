import React from 'react';
import {
  Button,
  DynamicTable,
  Heading,
  List,
  ListItem,
  LoadingButton,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  ModalTitle,
  ModalTransition,
  Stack,
  Text,
} from '@forge/react';
import type { BulkPlanDto, BulkSelectionDto, Failure } from '../../../contract';
import { ErrorBox } from '../../components/ErrorBox';
import { Note } from '../../components/LoadView';
import { useLocale } from '../../i18n/LocaleContext';
import { HandoffExport } from './HandoffExport';
import { planItemText } from './planItemText';

const entries = <K extends string>(record: Partial<Record<K, number>>): [K, number][] =>
  (Object.entries(record) as [K, number | undefined][]).flatMap(([key, n]) => (n === undefined || n === 0 ? [] : [[key, n]]));

/**
 * B2: the plan before anything happens — the action and count, what will change (for a revoke, which group or role
 * is removed) and what is skipped and why, with the hand-off list of what the identity provider owns.
 */
export const BulkPlanModal = (props: {
  plan: BulkPlanDto;
  selection: BulkSelectionDto;
  actionName: string;
  starting: boolean;
  error: Failure | null;
  onConfirm: () => void;
  onCancel: () => void;
}): React.JSX.Element => {
  const locale = useLocale();
  const { t, fmt } = locale;
  const { summary, items } = props.plan;
  const n = (count: number): string => fmt.number(count);
  return (
    <ModalTransition>
      <Modal onClose={props.onCancel} width="large">
        <ModalHeader>
          <ModalTitle appearance="warning">{t('bulk.plan.title', { action: props.actionName, count: summary.total, formatted: n(summary.total) })}</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <Stack space="space.150">
            <Text>{t('bulk.plan.willChange', { count: summary.willChange, formatted: n(summary.willChange) })}</Text>
            <List type="unordered">
              {entries(summary.byMethod).map(([method, count]) => (
                <ListItem key={method}>{t('bulk.plan.byMethod', { method: t(`bulk.methods.${method}`), count: n(count) })}</ListItem>
              ))}
            </List>
            <Text>{t('bulk.plan.skipped', { count: summary.skipped, formatted: n(summary.skipped) })}</Text>
            <List type="unordered">
              {entries(summary.skippedByReason).map(([reason, count]) => (
                <ListItem key={reason}>{t('bulk.plan.byReason', { reason: t(`bulk.reasons.${reason}`), count: n(count) })}</ListItem>
              ))}
            </List>
            <Heading size="xsmall">{t('bulk.plan.users')}</Heading>
            <DynamicTable
              label={t('bulk.plan.users')}
              head={{ cells: ['user', 'decision', 'why'].map((key) => ({ key, content: t(`bulk.plan.columns.${key}`) })) }}
              rows={items.map((item) => ({
                key: item.accountId,
                cells: [
                  { key: 'user', content: item.name ?? item.email ?? item.accountId },
                  { key: 'decision', content: t(`bulk.plan.decisions.${item.decision}`) },
                  { key: 'why', content: planItemText(item, locale) },
                ],
              }))}
            />
            {props.plan.moreItems && <Note>{t('bulk.plan.moreItems', { shown: n(items.length) })}</Note>}
            <HandoffExport plan={props.plan} selection={props.selection} />
            {props.error !== null && <ErrorBox error={props.error} />}
          </Stack>
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={props.onCancel}>
            {t('common.cancel')}
          </Button>
          <LoadingButton
            appearance="danger"
            isLoading={props.starting}
            isDisabled={summary.willChange === 0}
            onClick={props.onConfirm}
          >
            {t('bulk.plan.confirm', { action: props.actionName, count: summary.willChange, formatted: n(summary.willChange) })}
          </LoadingButton>
        </ModalFooter>
      </Modal>
    </ModalTransition>
  );
};
