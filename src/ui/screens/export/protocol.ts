/**
 * The message the admin page sends to the CSV export Frame (resources/csv-export) over the Forge Events API.
 * The frame announces itself with READY_EVENT; the page answers (and re-sends on every change) with
 * REQUEST_EVENT. All text the frame shows comes translated in the message: the frame holds no strings.
 */
export const READY_EVENT = 'ulo-csv-ready';
export const REQUEST_EVENT = 'ulo-csv-request';
/** The manifest resource key of the frame. */
export const CSV_RESOURCE = 'csv-export';

export type ExportKind = 'users' | 'customers' | 'audit' | 'handoff' | 'taskDryRun';

/** Column keys per kind, in file order; the frame's csv.js maps rows to exactly these. `…Code` columns are for machines. */
export const exportColumns: Record<ExportKind, readonly string[]> = {
  users: [
    'accountId', 'name', 'email', 'accountType', 'accountStatus', 'membershipStatus', 'managed', 'billable', 'protected',
    'addedToOrgAt', 'lastActiveAt', 'inactivity', 'inactiveDays', 'products', 'groups', 'adminUrl',
    'accountStatusCode', 'membershipStatusCode', 'inactivityCode',
  ],
  customers: ['serviceDesk', 'serviceDeskId', 'accountId', 'name', 'email', 'accountStatus', 'organizations', 'accountStatusCode'],
  audit: [
    'at', 'actor', 'action', 'targetAccountId', 'targetName', 'targetEmail', 'outcome', 'reason', 'details', 'jobId',
    'actionCode', 'outcomeCode', 'reasonCode', 'detailsData',
  ],
  handoff: ['name', 'email', 'reason', 'group', 'groupDirectory', 'directory', 'accountId', 'directoryId', 'groupDirectoryId'],
  taskDryRun: ['name', 'email', 'decision', 'how', 'reason', 'inactivity', 'inactiveDays', 'seatRank', 'noticeUntil', 'groups', 'accountId', 'decisionCode', 'howCode', 'reasonCode', 'inactivityCode'],
};

/** The words the frame writes instead of codes (resources/csv-export/words.js), in the viewer's language. */
export interface CsvWords {
  locale: string;
  yes: string;
  no: string;
  /** Per column (accountType, accountStatus, membershipStatus, inactivity, action, outcome, reason, decision, taskMethod, taskReason): code → word. */
  values: Record<string, Record<string, string>>;
  /** `task` contains {{id}}. */
  actor: { task: string; taskUnknown: string; system: string; caller: string; callerUnknown: string };
  /** The audit sentences' templates by i18next key (`auditDetails.…`, plural forms included), placeholders kept. */
  phrases: Record<string, string>;
}

export interface CsvExportMessage {
  version: 1;
  kind: ExportKind;
  /** The list payload without `limit` / `after`; the frame pages through it. */
  payload: Record<string, unknown>;
  /** Expected rows when known (users.count), for the progress bar. */
  total: number | null;
  fileName: string;
  locale: string;
  headers: Record<string, string>;
  words: CsvWords;
  text: {
    download: string;
    saveAgain: string;
    preparing: string;
    /** Contains {{rows}} and {{total}}. */
    progress: string;
    /** Contains {{rows}}. */
    progressUnknown: string;
    /** Contains {{rows}}. */
    done: string;
    failed: string;
    noBridge: string;
    errors: Record<string, string>;
  };
}
