import React, { useState } from 'react';
import { Button, Form, Inline, Stack } from '@forge/react';
import { accountStatuses, inactivityStates } from '../../../contract';
import { GroupPicker, type GroupRef } from '../../components/GroupPicker';
import { productName } from '../../components/productNames';
import { SelectField, type Choice } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { ProductChoice } from '../../hooks/useProducts';
import { useLocale } from '../../i18n/LocaleContext';
import { inactiveStates, type FilterState, type TriState } from './userFilter';

/** U4 / I1 filter controls. The search applies on Apply or Enter (a form); every other control applies at once. */
export const UserFilters = (props: {
  idPrefix: string;
  state: FilterState;
  onChange: (state: FilterState) => void;
  products: ProductChoice[];
  inactiveOnly: boolean;
}): React.JSX.Element => {
  const { t } = useLocale();
  const { state, idPrefix } = props;
  const [search, setSearch] = useState(state.search);
  const [group, setGroup] = useState<GroupRef[]>([]);
  const set = (patch: Partial<FilterState>): void => {
    props.onChange({ ...state, ...patch });
  };
  const any = { value: 'any', label: t('filters.any') } as const;
  const tri: Choice<TriState>[] = [any, { value: 'yes', label: t('common.yes') }, { value: 'no', label: t('common.no') }];
  const states = props.inactiveOnly ? inactiveStates : inactivityStates;
  const products = [...new Map(props.products.map((p) => [p.productKey, p])).values()];
  return (
    <Stack space="space.150">
      <Form onSubmit={() => { set({ search }); }}>
        <Inline space="space.100" alignBlock="end">
          <TextField id={`${idPrefix}-search`} label={t('filters.search')} value={search} onChange={setSearch} />
          <Button appearance="primary" type="submit">
            {t('filters.apply')}
          </Button>
        </Inline>
      </Form>
      <Inline space="space.150" shouldWrap>
        <SelectField
          id={`${idPrefix}-status`}
          label={t('filters.status')}
          options={[any, ...accountStatuses.map((s) => ({ value: s, label: t(`accountStatus.${s}`) }))]}
          value={state.status}
          onChange={(status) => {
            set({ status });
          }}
        />
        <SelectField
          id={`${idPrefix}-product`}
          label={t('filters.product')}
          options={[{ value: 'any', label: t('filters.allProducts') }, ...products.map((p) => ({ value: p.productKey, label: productName(p) }))]}
          value={state.productKey}
          onChange={(productKey) => {
            set({ productKey });
          }}
        />
        <SelectField
          id={`${idPrefix}-inactivity`}
          label={t('filters.inactivity')}
          options={[
            { value: 'any', label: props.inactiveOnly ? t('filters.allInactive') : t('filters.any') },
            ...states.map((s) => ({ value: s, label: t(`states.${s}`) })),
          ]}
          value={state.inactivity}
          onChange={(inactivity) => {
            set({ inactivity });
          }}
        />
        <GroupPicker
          id={`${idPrefix}-group`}
          label={t('filters.group')}
          isMulti={false}
          value={group}
          onChange={(groups) => {
            setGroup(groups);
            set({ groupId: groups[0]?.id ?? null });
          }}
        />
        <SelectField
          id={`${idPrefix}-managed`}
          label={t('filters.managed')}
          options={[any, { value: 'managed', label: t('users.managed') }, { value: 'external', label: t('users.external') }]}
          value={state.managed}
          onChange={(managed) => {
            set({ managed });
          }}
        />
        <SelectField id={`${idPrefix}-billable`} label={t('filters.billable')} options={tri} value={state.billable} onChange={(billable) => { set({ billable }); }} />
        <SelectField id={`${idPrefix}-protected`} label={t('filters.protected')} options={tri} value={state.protectedUsers} onChange={(protectedUsers) => { set({ protectedUsers }); }} />
      </Inline>
    </Stack>
  );
};
