import React, { useState } from 'react';
import { Button, DynamicTable, Heading, Inline, LoadingButton, SectionMessage, Stack, Text } from '@forge/react';
import type { Failure, ProposalDto } from '../../../../contract';
import { call } from '../../../api';
import { ErrorBox } from '../../../components/ErrorBox';
import { KeysetPager } from '../../../components/KeysetPager';
import { LoadView, Note } from '../../../components/LoadView';
import { TwoLines } from '../../../components/TwoLines';
import { useLoad } from '../../../hooks/useLoad';
import { usePagedList } from '../../../hooks/usePagedList';
import { useProducts, type ProductChoice } from '../../../hooks/useProducts';
import { useLocale } from '../../../i18n/LocaleContext';
import { changeText } from './runText';

const USERS_PAGE = 100;
const columns = ['task', 'change', 'users', 'proposedAt', 'expiresAt', 'open'] as const;

/** T6: one proposal — its change, the users it would change as proposed, and Approve / Reject while it is open. */
const ProposalDetail = (props: { proposalId: string; products: ProductChoice[]; onBack: () => void; onDecided: () => void }): React.JSX.Element => {
  const locale = useLocale();
  const { t, fmt } = locale;
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null);
  const [error, setError] = useState<Failure | null>(null);
  const [decided, setDecided] = useState<ProposalDto | null>(null);
  const paged = usePagedList((after) => call('tasks.proposal', { proposalId: props.proposalId, limit: USERS_PAGE, after }), [props.proposalId]);
  const decide = (decision: 'approve' | 'reject'): void => {
    setDeciding(decision);
    setError(null);
    void call('tasks.decideProposal', { proposalId: props.proposalId, decision }).then((answer) => {
      setDeciding(null);
      if (!answer.ok) {
        setError(answer.error);
        return;
      }
      setDecided(answer.data);
      props.onDecided();
    });
  };
  return (
    <Stack space="space.150">
      <Inline>
        <Button appearance="subtle" onClick={props.onBack}>
          {t('taskRuns.proposals.back')}
        </Button>
      </Inline>
      <LoadView load={paged.load} onRetry={paged.reload}>
        {({ proposal, items }) => {
          const current = decided ?? proposal;
          return (
            <Stack space="space.150">
              <Heading size="small">{t('taskRuns.proposals.detailTitle', { name: current.taskName ?? t('taskRuns.deletedTask') })}</Heading>
              <Text>{t('taskRuns.proposals.summary', { change: changeText(current.change, props.products, locale), count: current.users, formatted: fmt.number(current.users) })}</Text>
              <Note>{t('taskRuns.proposals.replanned')}</Note>
              {current.status === 'pending' ? (
                <Text>{t('taskRuns.proposals.expires', { at: fmt.dateTime(current.expiresAt) })}</Text>
              ) : (
                <SectionMessage appearance={current.status === 'approved' ? 'success' : 'information'} title={t(`taskRuns.proposals.decided.${current.status}`)}>
                  <Text>{current.decidedByName === null ? '' : t('taskRuns.proposals.decidedBy', { name: current.decidedByName })}</Text>
                </SectionMessage>
              )}
              <DynamicTable
                caption={t('taskRuns.proposals.usersCaption')}
                head={{ cells: [{ key: 'user', content: t('taskRuns.proposals.columns.user') }] }}
                rows={items.map((user) => ({
                  key: user.accountId,
                  cells: [{ key: 'user', content: <TwoLines main={user.name ?? user.email ?? t('taskRuns.userLeft')} sub={user.name === null ? null : user.email} /> }],
                }))}
              />
              <KeysetPager page={paged.page} pageSize={USERS_PAGE} rowsOnPage={items.length} hasNext={paged.hasNext} total={current.users} onPrevious={paged.previous} onNext={paged.next} />
              {error !== null && <ErrorBox error={error} />}
              {current.status === 'pending' && (
                <Inline space="space.100">
                  <LoadingButton appearance="danger" isLoading={deciding === 'approve'} isDisabled={deciding !== null} onClick={() => { decide('approve'); }}>
                    {t('taskRuns.proposals.approve', { count: current.users, formatted: fmt.number(current.users) })}
                  </LoadingButton>
                  <LoadingButton isLoading={deciding === 'reject'} isDisabled={deciding !== null} onClick={() => { decide('reject'); }}>
                    {t('taskRuns.proposals.reject')}
                  </LoadingButton>
                </Inline>
              )}
            </Stack>
          );
        }}
      </LoadView>
    </Stack>
  );
};

/** T6: the proposals waiting for review, of every task: open one to see its plan and approve or reject it. */
export const ProposalsPanel = (): React.JSX.Element => {
  const locale = useLocale();
  const { t, fmt } = locale;
  const products = useProducts();
  const [openId, setOpenId] = useState<string | null>(null);
  const [load, reload, refresh] = useLoad(() => call('tasks.proposals', { status: 'pending' }), []);
  if (openId !== null) {
    return (
      <ProposalDetail
        proposalId={openId}
        products={products}
        onBack={() => {
          setOpenId(null);
        }}
        onDecided={refresh}
      />
    );
  }
  return (
    <Stack space="space.100">
      <Heading size="xsmall">{t('taskRuns.proposals.title')}</Heading>
      <LoadView load={load} onRetry={reload}>
        {({ items }) =>
          items.length === 0 ? (
            <Note>{t('taskRuns.proposals.none')}</Note>
          ) : (
            <DynamicTable
              caption={t('taskRuns.proposals.caption')}
              head={{ cells: columns.map((key) => ({ key, content: key === 'open' ? '' : t(`taskRuns.proposals.columns.${key}`) })) }}
              rows={items.map((p) => ({
                key: p.proposalId,
                cells: [
                  { key: 'task', content: p.taskName ?? t('taskRuns.deletedTask') },
                  { key: 'change', content: changeText(p.change, products, locale) },
                  { key: 'users', content: fmt.number(p.users) },
                  { key: 'proposedAt', content: fmt.dateTime(p.createdAt) },
                  { key: 'expiresAt', content: fmt.dateTime(p.expiresAt) },
                  {
                    key: 'open',
                    content: (
                      <Button appearance="subtle" onClick={() => { setOpenId(p.proposalId); }}>
                        {t('taskRuns.proposals.open')}
                      </Button>
                    ),
                  },
                ],
              }))}
            />
          )
        }
      </LoadView>
    </Stack>
  );
};
