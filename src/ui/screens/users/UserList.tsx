import React, { useState } from 'react';
import { EmptyState, Inline, Stack, Text } from '@forge/react';
import { call } from '../../api';
import { KeysetPager } from '../../components/KeysetPager';
import { LoadView } from '../../components/LoadView';
import { DEFAULT_PAGE_SIZE, PageSizePicker, type PageSize } from '../../components/PageSizePicker';
import { SortControls, type UserSort } from '../../components/SortControls';
import { useLoad } from '../../hooks/useLoad';
import { usePagedList } from '../../hooks/usePagedList';
import { useProducts } from '../../hooks/useProducts';
import { useLocale } from '../../i18n/LocaleContext';
import { BulkSection } from '../bulk/BulkSection';
import { CsvExport } from '../export/CsvExport';
import { UserDetail } from './UserDetail';
import { UserFilters } from './UserFilters';
import { UsersTable } from './UsersTable';
import { emptyFilter, toFilterDto, type FilterState } from './userFilter';

/**
 * U1/U4/U5 and I1/I2: a server-filtered, server-sorted, keyset-paged user list with selection, bulk actions,
 * a detail panel and CSV export. `inactiveOnly` makes it the Inactive users view. The action bar, and the job it
 * starts, sit above the table, where the admin selects (U6, B3).
 */
export const UserList = (props: { idPrefix: string; inactiveOnly: boolean; defaultSort: UserSort }): React.JSX.Element => {
  const { t, fmt } = useLocale();
  const [filterState, setFilterState] = useState<FilterState>(emptyFilter);
  const [sort, setSort] = useState<UserSort>(props.defaultSort);
  const [pageSize, setPageSize] = useState<PageSize>(DEFAULT_PAGE_SIZE);
  const [selected, setSelected] = useState<string[]>([]);
  const [allMatching, setAllMatching] = useState(false);
  const [detailId, setDetailId] = useState<string | null>(null);
  const products = useProducts();
  const filter = toFilterDto(filterState, props.inactiveOnly);
  const filterKey = JSON.stringify(filter);
  const paged = usePagedList((after) => call('users.list', { filter, sort, limit: pageSize, after }), { filter, sort, pageSize });
  const [count, , refreshCount] = useLoad(() => call('users.count', { filter }), [filterKey]);
  const total = count.status === 'ready' ? count.data.count : null;
  const changeFilter = (next: FilterState): void => {
    setFilterState(next);
    setSelected([]);
    setAllMatching(false);
  };
  const selectedSet = new Set(selected);
  const toggle = (ids: string[], on: boolean): void => {
    setSelected((current) => (on ? [...new Set([...current, ...ids])] : current.filter((id) => !ids.includes(id))));
  };
  return (
    <Stack space="space.200">
      <UserFilters idPrefix={props.idPrefix} state={filterState} onChange={changeFilter} products={products} inactiveOnly={props.inactiveOnly} />
      <Inline space="space.300" alignBlock="end" spread="space-between">
        <Inline space="space.150">
          <SortControls idPrefix={props.idPrefix} sort={sort} onChange={setSort} />
          <PageSizePicker id={`${props.idPrefix}-page-size`} value={pageSize} onChange={setPageSize} />
        </Inline>
        <Text>{total === null ? '' : t('users.matching', { count: total, formatted: fmt.number(total) })}</Text>
      </Inline>
      <BulkSection
        idPrefix={props.idPrefix}
        selectedIds={selected}
        allMatching={allMatching}
        onAllMatching={setAllMatching}
        onClear={() => {
          setSelected([]);
        }}
        filter={filter}
        matchingCount={total}
        products={products}
        onFinished={() => {
          setSelected([]);
          setAllMatching(false);
          paged.refresh();
          refreshCount();
        }}
      />
      <LoadView load={paged.load} onRetry={paged.reload}>
        {(page) =>
          page.items.length === 0 && paged.page === 0 ? (
            <EmptyState
              header={props.inactiveOnly ? t('inactive.empty.header') : t('users.empty.header')}
              description={props.inactiveOnly ? t('inactive.empty.body') : t('users.empty.body')}
            />
          ) : (
            <Stack space="space.100">
              <UsersTable
                idPrefix={props.idPrefix}
                users={page.items}
                selected={selectedSet}
                onToggle={(user, on) => {
                  toggle([user.accountId], on);
                }}
                onTogglePage={(on) => {
                  toggle(page.items.map((u) => u.accountId), on);
                }}
                onDetails={(user) => {
                  setDetailId(user.accountId);
                }}
              />
              <KeysetPager page={paged.page} pageSize={pageSize} rowsOnPage={page.items.length} hasNext={paged.hasNext} total={total} onPrevious={paged.previous} onNext={paged.next} />
            </Stack>
          )
        }
      </LoadView>
      <CsvExport spec={{ kind: 'users', payload: { filter, sort }, total }} />
      {detailId !== null && (
        <UserDetail
          accountId={detailId}
          products={products}
          onClose={() => {
            setDetailId(null);
          }}
        />
      )}
    </Stack>
  );
};
