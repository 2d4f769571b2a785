/** The Jira site's view of the calling user: ARCHITECTURE §4 gate 1. */
export interface JiraPermissions {
  /** True when the calling user holds Jira's ADMINISTER global permission. */
  isJiraAdmin(accountId: string): Promise<boolean>;
}
