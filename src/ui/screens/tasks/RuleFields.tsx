import React from 'react';
import { Stack } from '@forge/react';
import { taskRuleKinds, type TaskRuleKind } from '../../../contract';
import { MultiSelectField } from '../../components/MultiSelectField';
import { productNames } from '../../components/productNames';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import type { ProductChoice } from '../../hooks/useProducts';
import { useLocale } from '../../i18n/LocaleContext';
import { FieldError, type FieldsProps } from './FieldError';
import type { TaskForm } from './taskForm';

/** A seat cap only removes its own product: choosing it turns a deactivation into that removal. */
const seatCapAction = (form: TaskForm): Partial<TaskForm> => ({
  proposeChange: 'revoke',
  ...(form.actionType === 'deactivate' ? { actionType: 'revoke' } : {}),
});

/** T1 / T8: the rule's kind and its parameters (days, state, products; or the seat cap's product and seats). */
export const RuleFields = (props: FieldsProps<TaskForm> & { products: readonly ProductChoice[] }): React.JSX.Element => {
  const locale = useLocale();
  const { t } = locale;
  const { form, set, issues } = props;
  const names = productNames(props.products, locale);
  const keys = [...new Map(props.products.map((p) => [p.productKey, names.name(p)])).entries()].map(([value, label]) => ({ value, label }));
  return (
    <Stack space="space.100">
      <SelectField<TaskRuleKind>
        id="task-rule-kind"
        label={t('tasks.rule.kind')}
        options={taskRuleKinds.map((kind) => ({ value: kind, label: t(`tasks.rule.kinds.${kind}`) }))}
        value={form.ruleKind}
        onChange={(ruleKind) => { set(ruleKind === 'seat-cap' ? { ruleKind, ...seatCapAction(form) } : { ruleKind }); }}
      />
      {(form.ruleKind === 'inactive' || form.ruleKind === 'never-active') && (
        <Stack space="space.050">
          <TextField id="task-days" type="number" label={t(`tasks.rule.days.${form.ruleKind}`)} value={form.days} onChange={(days) => { set({ days }); }} />
          <FieldError issues={issues} paths={['rule.minInactiveDays', 'rule.addedMoreThanDays']} />
        </Stack>
      )}
      {form.ruleKind === 'state' && (
        <SelectField<'warning' | 'overdue'>
          id="task-state"
          label={t('tasks.rule.state')}
          options={(['warning', 'overdue'] as const).map((s) => ({ value: s, label: t(`tasks.rule.states.${s}`) }))}
          value={form.state}
          onChange={(state) => { set({ state }); }}
        />
      )}
      {form.ruleKind !== 'seat-cap' && (
        <Stack space="space.050">
          <MultiSelectField id="task-scope" label={t('tasks.rule.scope')} placeholder={t('tasks.rule.anyProduct')} options={keys} value={form.scope} onChange={(scope) => { set({ scope }); }} />
          <FieldError issues={issues} paths={['rule.products']} />
        </Stack>
      )}
      {form.ruleKind === 'seat-cap' && (
        <Stack space="space.050">
          <SelectField
            id="task-seat-product"
            label={t('tasks.rule.seatProduct')}
            options={props.products.map((p) => ({ value: `${p.productKey}|${p.resourceId}`, label: names.label(p) }))}
            value={form.seatProduct}
            onChange={(seatProduct) => { set({ seatProduct }); }}
          />
          <FieldError issues={issues} paths={['rule.product']} />
          <TextField id="task-max-seats" type="number" label={t('tasks.rule.maxSeats')} value={form.maxSeats} onChange={(maxSeats) => { set({ maxSeats }); }} />
          <FieldError issues={issues} paths={['rule.maxSeats']} />
        </Stack>
      )}
    </Stack>
  );
};
