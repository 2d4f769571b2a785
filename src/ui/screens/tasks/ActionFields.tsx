import React from 'react';
import { Stack, Text } from '@forge/react';
import { taskActionTypes, type TaskActionType } from '../../../contract';
import { MultiSelectField } from '../../components/MultiSelectField';
import { productNames } from '../../components/productNames';
import { SelectField } from '../../components/SelectField';
import type { ProductChoice } from '../../hooks/useProducts';
import { useLocale } from '../../i18n/LocaleContext';
import { FieldError, type FieldsProps } from './FieldError';
import type { TaskForm } from './taskForm';

/** What the task does: deactivate, revoke products, notify only, or propose a change for review (T6). */
export const ActionFields = (props: FieldsProps<TaskForm> & { products: readonly ProductChoice[] }): React.JSX.Element => {
  const locale = useLocale();
  const { t } = locale;
  const { form, set, issues } = props;
  const names = productNames(props.products, locale);
  const change = form.actionType === 'propose' ? form.proposeChange : form.actionType;
  const seatProduct = props.products.find((p) => `${p.productKey}|${p.resourceId}` === form.seatProduct);
  return (
    <Stack space="space.100">
      <SelectField<TaskActionType>
        id="task-action"
        label={t('tasks.action.type')}
        options={taskActionTypes.filter((type) => form.ruleKind !== 'seat-cap' || type !== 'deactivate').map((type) => ({ value: type, label: t(`tasks.action.types.${type}`) }))}
        value={form.actionType}
        onChange={(actionType) => { set({ actionType }); }}
      />
      {form.actionType === 'propose' && (
        <SelectField<'deactivate' | 'revoke'>
          id="task-propose-change"
          label={t('tasks.action.proposeChange')}
          options={(['deactivate', 'revoke'] as const).filter((type) => form.ruleKind !== 'seat-cap' || type === 'revoke').map((type) => ({ value: type, label: t(`tasks.action.types.${type}`) }))}
          value={form.proposeChange}
          onChange={(proposeChange) => { set({ proposeChange }); }}
        />
      )}
      {change === 'revoke' && form.ruleKind !== 'seat-cap' && (
        <MultiSelectField
          id="task-revoke-products"
          label={t('tasks.action.revokeProducts')}
          options={props.products.map((p) => ({ value: `${p.productKey}|${p.resourceId}`, label: names.label(p) }))}
          value={form.revokeProducts}
          onChange={(revokeProducts) => { set({ revokeProducts }); }}
        />
      )}
      {change === 'revoke' && form.ruleKind === 'seat-cap' && seatProduct !== undefined && (
        <Text>{t('tasks.action.revokesSeatProduct', { product: names.label(seatProduct) })}</Text>
      )}
      <FieldError issues={issues} paths={['action']} />
    </Stack>
  );
};
