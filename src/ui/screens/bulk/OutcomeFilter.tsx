import React from 'react';
import { Inline } from '@forge/react';
import { jobOutcomes } from '../../../contract';
import { SelectField } from '../../components/SelectField';
import { useLocale } from '../../i18n/LocaleContext';

/** Every outcome, or one: which per-user results of a job to list. */
export type OutcomeChoice = 'all' | (typeof jobOutcomes)[number];

/** The outcome filter above a job's per-user results (Jobs view, a task run's detail). */
export const OutcomeFilter = (props: { id: string; value: OutcomeChoice; onChange: (value: OutcomeChoice) => void }): React.JSX.Element => {
  const { t } = useLocale();
  return (
    <Inline>
      <SelectField
        id={props.id}
        label={t('jobs.outcomeFilter')}
        options={[{ value: 'all' as const, label: t('jobs.allOutcomes') }, ...jobOutcomes.map((value) => ({ value, label: t(`audit.outcomes.${value}`) }))]}
        value={props.value}
        onChange={props.onChange}
      />
    </Inline>
  );
};
