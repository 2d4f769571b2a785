import React, { useState } from 'react';
import { Button, DatePicker, Form, Inline, Label, Stack } from '@forge/react';
import { auditActions, auditOutcomes } from '../../../contract';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { UserPicker } from '../../components/UserPicker';
import { useLocale } from '../../i18n/LocaleContext';
import { isBackwardRange, type AuditFilterState } from './auditFilter';

/**
 * A2: time range, action, outcome, acting admin, affected user and search (people by a word of their name or
 * email). Like the users' filters, every control applies at once; only the search text waits for Apply or Enter.
 * A From day after the To day marks both days.
 */
export const AuditFilters = (props: { state: AuditFilterState; onChange: (state: AuditFilterState) => void }): React.JSX.Element => {
  const { t, fmt } = useLocale();
  const { state } = props;
  const [search, setSearch] = useState(state.search);
  const set = (patch: Partial<AuditFilterState>): void => {
    props.onChange({ ...state, ...patch });
  };
  const day = (id: string, label: string, value: string, onChange: (v: string) => void): React.JSX.Element => (
    <Stack space="space.050">
      <Label labelFor={id}>{label}</Label>
      <DatePicker id={id} value={value} locale={fmt.localeTag} placeholder={label} onChange={onChange} isInvalid={isBackwardRange(state)} />
    </Stack>
  );
  return (
    <Stack space="space.150">
      <Inline space="space.150" shouldWrap alignBlock="end">
        {day('audit-from', t('audit.filters.from'), state.fromDay, (fromDay) => { set({ fromDay }); })}
        {day('audit-to', t('audit.filters.to'), state.toDay, (toDay) => { set({ toDay }); })}
        <SelectField
          id="audit-action"
          label={t('audit.filters.action')}
          options={[{ value: 'any', label: t('filters.any') }, ...auditActions.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))]}
          value={state.action}
          onChange={(action) => { set({ action }); }}
        />
        <SelectField
          id="audit-outcome"
          label={t('audit.filters.outcome')}
          options={[{ value: 'any', label: t('filters.any') }, ...auditOutcomes.map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))]}
          value={state.outcome}
          onChange={(outcome) => { set({ outcome }); }}
        />
      </Inline>
      <Inline space="space.150" shouldWrap alignBlock="end">
        <UserPicker id="audit-actor" label={t('auditFilters.actor')} value={state.actor} onChange={(actor) => { set({ actor }); }} />
        <UserPicker id="audit-target" label={t('auditFilters.target')} value={state.target} onChange={(target) => { set({ target }); }} />
        <Form onSubmit={() => { set({ search }); }}>
          <Inline space="space.100" alignBlock="end">
            <TextField id="audit-search" label={t('auditSearch.label')} value={search} onChange={setSearch} />
            <Button appearance="primary" type="submit">
              {t('filters.apply')}
            </Button>
          </Inline>
        </Form>
      </Inline>
    </Stack>
  );
};
