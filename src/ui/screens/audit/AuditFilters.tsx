import React, { useState } from 'react';
import { Button, DatePicker, Inline, Label, Stack } from '@forge/react';
import { auditActions, auditOutcomes } from '../../../contract';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { useLocale } from '../../i18n/LocaleContext';
import type { AuditFilterState } from './auditFilter';

/** A2: time range, action, outcome, actor, affected user and search; applied together with "Apply". */
export const AuditFilters = (props: { state: AuditFilterState; onApply: (state: AuditFilterState) => void }): React.JSX.Element => {
  const { t, fmt } = useLocale();
  const [draft, setDraft] = useState(props.state);
  const set = (patch: Partial<AuditFilterState>): void => {
    setDraft({ ...draft, ...patch });
  };
  const day = (id: string, label: string, value: string, onChange: (v: string) => void): React.JSX.Element => (
    <Stack space="space.050">
      <Label labelFor={id}>{label}</Label>
      <DatePicker id={id} value={value} locale={fmt.localeTag} placeholder={label} onChange={onChange} />
    </Stack>
  );
  return (
    <Stack space="space.150">
      <Inline space="space.150" shouldWrap alignBlock="end">
        {day('audit-from', t('audit.filters.from'), draft.fromDay, (fromDay) => { set({ fromDay }); })}
        {day('audit-to', t('audit.filters.to'), draft.toDay, (toDay) => { set({ toDay }); })}
        <SelectField
          id="audit-action"
          label={t('audit.filters.action')}
          options={[{ value: 'any', label: t('filters.any') }, ...auditActions.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))]}
          value={draft.action}
          onChange={(action) => { set({ action }); }}
        />
        <SelectField
          id="audit-outcome"
          label={t('audit.filters.outcome')}
          options={[{ value: 'any', label: t('filters.any') }, ...auditOutcomes.map((o) => ({ value: o, label: t(`audit.outcomes.${o}`) }))]}
          value={draft.outcome}
          onChange={(outcome) => { set({ outcome }); }}
        />
      </Inline>
      <Inline space="space.150" shouldWrap alignBlock="end">
        <TextField id="audit-actor" label={t('audit.filters.actor')} value={draft.actorId} onChange={(actorId) => { set({ actorId }); }} />
        <TextField id="audit-target" label={t('audit.filters.target')} value={draft.targetAccountId} onChange={(targetAccountId) => { set({ targetAccountId }); }} />
        <TextField id="audit-search" label={t('audit.filters.search')} value={draft.search} onChange={(search) => { set({ search }); }} />
        <Button appearance="primary" onClick={() => { props.onApply(draft); }}>
          {t('filters.apply')}
        </Button>
      </Inline>
    </Stack>
  );
};
