/** The reason code of a run the safety cap stopped (T7): the run fails with it and fires `task-failed`. */
export const SAFETY_CAP_EXCEEDED = 'safety-cap-exceeded';

/** Whether a run stays within its safety cap, and if not, by how much. */
export type SafetyVerdict =
  | { status: 'within-cap'; cap: number }
  | { status: 'over-cap'; reason: typeof SAFETY_CAP_EXCEEDED; cap: number; wouldChange: number; wouldAnnounce: number };

/**
 * T7: a run may change at most `cap` users, and announce at most `cap` (each announced user is a change to come).
 * Beyond either, the run changes nothing: no change, no notice sent, no notice cleared.
 */
export const checkSafetyCap = (cap: number, wouldChange: number, wouldAnnounce: number): SafetyVerdict =>
  wouldChange > cap || wouldAnnounce > cap
    ? { status: 'over-cap', reason: SAFETY_CAP_EXCEEDED, cap, wouldChange, wouldAnnounce }
    : { status: 'within-cap', cap };
