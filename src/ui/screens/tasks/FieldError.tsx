import React from 'react';
import { ErrorMessage } from '@forge/react';
import type { ValidationIssue } from '../../../contract';
import { useLocale } from '../../i18n/LocaleContext';
import { issueAt } from './taskForm';

/** The translated problem of a field (its path or anything under it), shown under the field; nothing when fine. */
export const FieldError = (props: { issues: readonly ValidationIssue[]; paths: string[] }): React.JSX.Element | null => {
  const { t } = useLocale();
  const issue = issueAt(props.issues, ...props.paths);
  return issue === undefined ? null : <ErrorMessage>{t(issue.messageKey, { ...issue.params })}</ErrorMessage>;
};

/** What each part of the editor edits, and the issues found for the task. */
export interface FieldsProps<F> {
  form: F;
  set: (patch: Partial<F>) => void;
  issues: readonly ValidationIssue[];
}
