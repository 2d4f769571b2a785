import { TABLE_OPTIONS } from './directoryTables';

/**
 * Jira project role members (U2); group actors expanded, `via_group_id` '' for direct members. The project's name
 * is repeated on its rows; the project filter lists (key, name) pairs from their index.
 */
export const createProjectRoleMembers = `CREATE TABLE IF NOT EXISTS project_role_members (
  project_key VARCHAR(64) NOT NULL,
  project_name VARCHAR(255) NOT NULL,
  role_name VARCHAR(128) NOT NULL,
  account_id VARCHAR(128) NOT NULL,
  via_group_id VARCHAR(128) NOT NULL DEFAULT '',
  seen_generation INT NOT NULL,
  PRIMARY KEY (project_key, role_name, account_id, via_group_id),
  INDEX idx_role_members_account (account_id),
  INDEX idx_role_members_project (project_key, project_name)
) ${TABLE_OPTIONS}`;

/**
 * JSM customers per service desk (U3), with the desk's name (repeated per row, listed from its index) and the name and
 * email JSM gives the customer, for customers outside the org directory (never a bare `qm:` ID on screen).
 */
export const createJsmCustomers = `CREATE TABLE IF NOT EXISTS jsm_customers (
  service_desk_id VARCHAR(64) NOT NULL,
  service_desk_name VARCHAR(255) NOT NULL,
  account_id VARCHAR(128) NOT NULL,
  display_name VARCHAR(255) NULL,
  email VARCHAR(255) NULL,
  seen_generation INT NOT NULL,
  PRIMARY KEY (service_desk_id, account_id),
  INDEX idx_customers_account (account_id),
  INDEX idx_customers_desk (service_desk_id, service_desk_name)
) ${TABLE_OPTIONS}`;

export const createJsmOrganizations = `CREATE TABLE IF NOT EXISTS jsm_organizations (
  organization_id VARCHAR(64) NOT NULL,
  name VARCHAR(255) NOT NULL,
  seen_generation INT NOT NULL,
  PRIMARY KEY (organization_id)
) ${TABLE_OPTIONS}`;

/** Customer ↔ organization membership (X2). */
export const createJsmOrganizationMembers = `CREATE TABLE IF NOT EXISTS jsm_organization_members (
  organization_id VARCHAR(64) NOT NULL,
  account_id VARCHAR(128) NOT NULL,
  seen_generation INT NOT NULL,
  PRIMARY KEY (organization_id, account_id),
  INDEX idx_org_members_account (account_id)
) ${TABLE_OPTIONS}`;

