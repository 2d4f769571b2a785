import React from 'react';
import { Lozenge } from '@forge/react';
import type { InactivityState } from '../../contract';
import type { Locale } from '../i18n/LocaleContext';

const appearances = {
  active: 'success',
  warning: 'moved',
  overdue: 'removed',
  'never-active': 'new',
  unknown: 'default',
} as const;

/** An inactivity state as a coloured lozenge. Hook-free: usable inside DynamicTable cells. */
export const stateLozenge = (state: InactivityState, { t }: Pick<Locale, 't'>): React.JSX.Element => (
  <Lozenge appearance={appearances[state]}>{t(`states.${state}`)}</Lozenge>
);
