import { errorCodes } from '../../../contract';
import type { Locale } from '../../i18n/LocaleContext';
import { csvWords } from './csvWords';
import { exportColumns, type CsvExportMessage, type ExportKind } from './protocol';

/** What a screen wants exported: the list's current filter, and its size when known. */
export interface ExportSpec {
  kind: ExportKind;
  payload: Record<string, unknown>;
  total: number | null;
}

/** Builds the frame's request with every header, word and status text translated for the viewer. */
export const buildExportMessage = (spec: ExportSpec, { t }: Pick<Locale, 't'>, locale: string, today: string): CsvExportMessage => ({
  version: 1,
  kind: spec.kind,
  payload: spec.payload,
  total: spec.total,
  fileName: `${t(`export.fileNames.${spec.kind}`)}-${today}.csv`,
  locale,
  headers: Object.fromEntries(exportColumns[spec.kind].map((key) => [key, t(`export.columns.${spec.kind}.${key}`)])),
  words: csvWords({ t }, locale),
  text: {
    download: t('export.frame.download'),
    saveAgain: t('export.frame.saveAgain'),
    preparing: t('export.frame.preparing'),
    progress: t('export.frame.progress', { rows: '{{rows}}', total: '{{total}}' }),
    progressUnknown: t('export.frame.progressUnknown', { rows: '{{rows}}' }),
    done: t('export.frame.done', { rows: '{{rows}}' }),
    failed: t('export.frame.failed'),
    noBridge: t('export.frame.noBridge'),
    errors: Object.fromEntries(errorCodes.map((code) => [code, t(`errors.${code}`)])),
  },
});
