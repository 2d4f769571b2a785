import React from 'react';
import { Button, Inline, Text } from '@forge/react';
import { useLocale } from '../i18n/LocaleContext';

/**
 * Previous / Next over keyset pages: the caller keeps a stack of cursors (page i is fetched with cursors[i]).
 * `total` (from a count resolver) is shown when known.
 */
export const KeysetPager = (props: {
  page: number;
  pageSize: number;
  rowsOnPage: number;
  hasNext: boolean;
  total?: number | null;
  onPrevious: () => void;
  onNext: () => void;
}): React.JSX.Element => {
  const { t, fmt } = useLocale();
  const first = props.page * props.pageSize + (props.rowsOnPage > 0 ? 1 : 0);
  const last = props.page * props.pageSize + props.rowsOnPage;
  const range =
    props.total === undefined || props.total === null
      ? t('paging.range', { first: fmt.number(first), last: fmt.number(last) })
      : t('paging.rangeOf', { first: fmt.number(first), last: fmt.number(last), total: fmt.number(props.total) });
  return (
    <Inline space="space.100" alignBlock="center">
      <Button isDisabled={props.page === 0} onClick={props.onPrevious} iconBefore="chevron-left">
        {t('paging.previous')}
      </Button>
      <Text>{t('paging.page', { page: fmt.number(props.page + 1) })}</Text>
      <Text>{range}</Text>
      <Button isDisabled={!props.hasNext} onClick={props.onNext} iconAfter="chevron-right">
        {t('paging.next')}
      </Button>
    </Inline>
  );
};
