import type { GroupMembership } from '../../../domain/ports/groupRepository';
import { multiRowStatements } from '../sql/multiRowStatements';
import type { Statement } from '../sql/sqlValues';
import { groupHash } from './groupHash';

/**
 * A membership row as a group-memberships sync writes it: only its stamp changes on an existing row. `user_left`
 * is left as it is (the users row says whether the user is in the org); a new row starts at 0.
 */
const membershipsUpsert = {
  head: 'INSERT INTO group_members (account_id,group_hash,seen_generation,write_id) VALUES',
  tail: 'ON DUPLICATE KEY UPDATE seen_generation=VALUES(seen_generation),write_id=VALUES(write_id)',
  columns: 4,
};

/** The statements that write these membership rows (keyed by account and group hash, so a repeat writes the same). */
export const membershipStatements = (memberships: readonly GroupMembership[], generation: number, writeId: number): Statement[] => [
  ...multiRowStatements(
    membershipsUpsert,
    memberships.map((m) => [m.accountId, groupHash(m.groupId), generation, writeId]),
  ),
];
