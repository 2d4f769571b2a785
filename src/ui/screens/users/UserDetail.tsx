import React, { useState } from 'react';
import { Button, Heading, Modal, ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition, Stack } from '@forge/react';
import type { UserDetailDto } from '../../../contract';
import { call } from '../../api';
import { AuditTable } from '../../components/AuditTable';
import { KeysetPager } from '../../components/KeysetPager';
import { productNames } from '../../components/productNames';
import { LoadView, Note } from '../../components/LoadView';
import { usePagedList } from '../../hooks/usePagedList';
import type { ProductChoice } from '../../hooks/useProducts';
import { useLocale } from '../../i18n/LocaleContext';
import { AccessPaths } from './AccessPaths';
import { UserFacts } from './UserFacts';

const AUDIT_PAGE = 20;

/** U5: everything about one user, what grants each product, and that user's audit history, in a modal over the list. */
export const UserDetail = (props: { accountId: string; products: readonly ProductChoice[]; onClose: () => void }): React.JSX.Element => {
  const locale = useLocale();
  const { t } = locale;
  const [detail, setDetail] = useState<UserDetailDto | null>(null);
  const paged = usePagedList(async (after) => {
    const answer = await call('users.detail', { accountId: props.accountId, auditLimit: AUDIT_PAGE, auditAfter: after });
    if (!answer.ok) return answer;
    setDetail(answer.data);
    return { ok: true, data: answer.data.audit };
  }, props.accountId);
  return (
    <ModalTransition>
      <Modal onClose={props.onClose} width="x-large">
        <ModalHeader>
          <ModalTitle>{detail?.user.name ?? t('users.detail.title')}</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <LoadView load={paged.load} onRetry={paged.reload}>
            {(audit) => (
              <Stack space="space.200">
                {detail !== null && <UserFacts detail={detail} products={props.products} />}
                {detail !== null && <AccessPaths paths={detail.accessPaths} names={productNames(props.products, locale)} />}
                <Heading size="small">{t('users.detail.audit')}</Heading>
                {audit.items.length === 0 ? <Note>{t('users.detail.noAudit')}</Note> : <AuditTable entries={audit.items} showTarget={false} />}
                <KeysetPager page={paged.page} pageSize={AUDIT_PAGE} rowsOnPage={audit.items.length} hasNext={paged.hasNext} onPrevious={paged.previous} onNext={paged.next} />
              </Stack>
            )}
          </LoadView>
        </ModalBody>
        <ModalFooter>
          <Button onClick={props.onClose}>{t('common.close')}</Button>
        </ModalFooter>
      </Modal>
    </ModalTransition>
  );
};

