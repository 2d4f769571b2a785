import { hash53 } from '../sql/hash53';

/**
 * A 53-bit id of a directory group (cyrb53 over its id): memberships are keyed and indexed by it instead
 * of the group id, and carry no name; reads get the id and the name from `directory_groups`, which holds
 * the hash as a unique key. With n groups a collision is a ~n²/2⁵⁴ chance (~1e-8 for 10,000 groups), accepted:
 * the second group's registration would leave the first's row, and its memberships would read as the first group.
 */
export const groupHash = (groupId: string): number => hash53(groupId);
