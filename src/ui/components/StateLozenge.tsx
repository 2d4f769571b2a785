import React from 'react';
import { Lozenge } from '@forge/react';
import type { InactivityState } from '../../contract';
import type { Locale } from '../i18n/LocaleContext';
import { stateColours } from './stateColours';

/** An inactivity state as a lozenge coloured by its meaning. Hook-free: usable inside DynamicTable cells. */
export const stateLozenge = (state: InactivityState, { t }: Pick<Locale, 't'>): React.JSX.Element => (
  <Lozenge appearance={stateColours[state].lozenge}>{t(`states.${state}`)}</Lozenge>
);
