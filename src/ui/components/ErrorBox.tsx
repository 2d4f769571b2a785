import React from 'react';
import { Button, List, ListItem, SectionMessage, Stack, Text } from '@forge/react';
import { validationIssueSchema, type Failure, type ValidationIssue } from '../../contract';
import { useLocale } from '../i18n/LocaleContext';

/** The VALIDATION_FAILED issues of a failure (`details.issues`), ignoring anything malformed. */
export const issuesOf = (error: Failure): ValidationIssue[] => {
  const raw = error.details?.issues;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((issue: unknown) => {
    const parsed = validationIssueSchema.safeParse(issue);
    return parsed.success ? [parsed.data] : [];
  });
};

const keyFixes: Record<string, string> = {
  API_KEY_REJECTED: 'errors.hints.goToSettings',
  API_KEY_FORBIDDEN: 'errors.hints.goToSettings',
  API_KEY_EXPIRED: 'errors.hints.goToSettings',
  API_KEY_REVOKED: 'errors.hints.goToSettings',
  API_KEY_MISSING: 'errors.hints.goToSettings',
};

/** A failed resolver answer, translated, with field-level issues and a retry button where retrying may help. */
export const ErrorBox = (props: { error: Failure; onRetry?: (() => void) | undefined }): React.JSX.Element => {
  const { t } = useLocale();
  const { error, onRetry } = props;
  const issues = issuesOf(error);
  const hint = keyFixes[error.code];
  return (
    <SectionMessage appearance={error.code === 'VALIDATION_FAILED' ? 'warning' : 'error'} title={t('errors.title')}>
      <Stack space="space.100">
        <Text>{t(error.messageKey)}</Text>
        {issues.length > 0 && (
          <List type="unordered">
            {issues.map((issue) => (
              <ListItem key={`${issue.path}:${issue.messageKey}`}>{t(issue.messageKey, { ...issue.params })}</ListItem>
            ))}
          </List>
        )}
        {hint !== undefined && <Text>{t(hint)}</Text>}
        {onRetry !== undefined && (
          <Button appearance="subtle" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </SectionMessage>
  );
};
