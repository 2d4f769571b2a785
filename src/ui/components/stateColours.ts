import type { InactivityState } from '../../contract';

/** The order states are shown in on the dashboard: from active to the inactive ones, then new and unknown. */
export const shownStates = ['active', 'warning', 'overdue', 'never-active', 'new', 'unknown'] as const satisfies readonly InactivityState[];

/**
 * Colours follow meaning (D3), in Atlassian's semantic tokens and UI Kit appearances: active is success, warning
 * warning, overdue and never-active danger, new information, unknown neutral.
 */
export const stateColours = {
  active: { lozenge: 'success', chart: 'color.chart.success', background: 'color.background.success' },
  warning: { lozenge: 'moved', chart: 'color.chart.warning', background: 'color.background.warning' },
  overdue: { lozenge: 'removed', chart: 'color.chart.danger', background: 'color.background.danger' },
  'never-active': { lozenge: 'removed', chart: 'color.chart.danger.bold', background: 'color.background.danger' },
  new: { lozenge: 'inprogress', chart: 'color.chart.information', background: 'color.background.information' },
  unknown: { lozenge: 'default', chart: 'color.chart.neutral', background: 'color.background.neutral' },
} as const satisfies Record<InactivityState, { lozenge: string; chart: string; background: string }>;
