import { useForgeRuntime } from '../../support/forgeRuntime';
import type { User } from '../../../src/domain/model/user';
import { ensureSchema } from '../../../src/adapters/forge-sql/schema/migrations';
import { SqlUserRepository } from '../../../src/adapters/forge-sql/users/sqlUserRepository';
import { recordSql } from './support/recordSql';
import { groups, seedUsers } from './support/seedDirectory';

useForgeRuntime();
const repo = new SqlUserRepository();
const [first, second] = seedUsers(2, groups(2)) as [User, User];
const okta = { id: 'dir-okta', name: 'Okta – Contractors' };

beforeAll(async () => {
  await ensureSchema();
}, 60_000);

describe('SqlUserRepository: the directory a user was read from (B2 hand-off)', () => {
  it('stores it with the user in the same upsert statement and reads it back', async () => {
    const sent = await recordSql(() => repo.upsertMany([{ ...first, directory: okta }, second], 1));
    expect(sent.filter((s) => s.query.startsWith('INSERT INTO users ('))).toHaveLength(1);
    const [read, unknown] = await repo.getMany([first.accountId, second.accountId]);
    expect(read?.directory).toEqual(okta);
    expect(unknown).not.toHaveProperty('directory');
  });

  it('keeps the stored directory when a write does not know it, and takes a new one when the sync reads another', async () => {
    await repo.upsertMany([{ ...first, name: 'Renamed' }], 2);
    expect(await repo.get(first.accountId)).toMatchObject({ name: 'Renamed', directory: okta });
    const moved = { id: 'dir-main', name: '' };
    await repo.upsertMany([{ ...first, directory: moved }], 3);
    expect((await repo.get(first.accountId))?.directory).toEqual(moved);
  });
});
