import { z } from 'zod';
import { accountStatuses, cursorSchema, pageLimit, pageSchema } from './common';

const siteKey = z.string().trim().min(1).max(128);

/** The directory's view of a person named by a site row; null when the account is not in the synced directory. */
export const personSchema = z
  .object({ name: z.string(), email: z.string().nullable(), accountStatus: z.enum(accountStatuses) })
  .nullable();

/** projectUsers.list (U2): project role members, group actors expanded; ordered by project, role, account. */
export const projectUsersListPayloadSchema = z
  .object({ projectKey: siteKey.optional(), roleName: siteKey.optional(), limit: pageLimit(500, 50), after: cursorSchema })
  .strict();

export const projectUserRowSchema = z.object({
  projectKey: z.string(),
  roleName: z.string(),
  accountId: z.string(),
  /** The group through which the user holds the role; null for a direct member. */
  viaGroupId: z.string().nullable(),
  viaGroupName: z.string().nullable(),
  person: personSchema,
});
export type ProjectUserRowDto = z.infer<typeof projectUserRowSchema>;
export const projectUsersPageSchema = pageSchema(projectUserRowSchema);

/** customers.list (U3, X2): JSM customers per service desk with their organizations; ordered by desk, account. */
export const customersListPayloadSchema = z
  .object({ serviceDeskId: siteKey.optional(), organizationId: siteKey.optional(), limit: pageLimit(500, 50), after: cursorSchema })
  .strict();

export const customerRowSchema = z.object({
  serviceDeskId: z.string(),
  serviceDeskName: z.string(),
  accountId: z.string(),
  /** The name and email JSM gives the customer (null when not synced); the directory's `person` comes first. */
  displayName: z.string().nullable(),
  email: z.string().nullable(),
  person: personSchema,
  /** `name` null when the organization's name was not synced. */
  organizations: z.array(z.object({ id: z.string(), name: z.string().nullable() })),
});
export type CustomerRowDto = z.infer<typeof customerRowSchema>;
export const customersPageSchema = pageSchema(customerRowSchema);

/** projectUsers.projects / customers.serviceDesks / customers.organizations (U2, U3 filters): what the synced rows name, by name. */
export const siteChoicesPayloadSchema = z.object({}).strict();
export const siteChoicesSchema = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });
export type SiteChoiceDto = z.infer<typeof siteChoicesSchema>['items'][number];
