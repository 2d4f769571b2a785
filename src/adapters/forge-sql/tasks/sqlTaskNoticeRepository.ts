import { z } from 'zod';
import type { TaskNotice } from '../../../domain/model/taskRecords';
import type { TaskNoticeRepository } from '../../../domain/ports/taskNoticeRepository';
import { chunked, multiRowStatements } from '../sql/multiRowStatements';
import { SqlExecutor } from '../sql/sqlExecutor';
import { placeholders, sqlDateTime, sqlDateTimeOrNull, toSqlDateTime, toSqlDateTimeOrNull } from '../sql/sqlValues';

const noticeRowSchema = z.object({
  task_id: z.string(),
  account_id: z.string(),
  announced_at: sqlDateTime,
  planned_change_at: sqlDateTimeOrNull,
});

/** Notices per read: about 150 bytes each in the answer, far below its 4 MiB limit. */
const PAGE = 10_000;

/** A user already announced by the task keeps the first notice. */
const noticesInsert = {
  head: 'INSERT INTO task_notices (task_id,account_id,announced_at,planned_change_at) VALUES',
  tail: 'ON DUPLICATE KEY UPDATE task_id=task_id',
  columns: 4,
};

/** TaskNoticeRepository over Forge SQL (table `task_notices`, keyed by task then user: docs/schema.md). */
export class SqlTaskNoticeRepository implements TaskNoticeRepository {
  constructor(private readonly db: SqlExecutor = new SqlExecutor()) {}

  /** Read in pages of the primary key, so that any number of notices stays within the response limit. */
  async forTask(taskId: string): Promise<TaskNotice[]> {
    const notices: TaskNotice[] = [];
    let after = '';
    for (;;) {
      const rows = await this.db.select(
        'SELECT task_id, account_id, announced_at, planned_change_at FROM task_notices WHERE task_id = ? AND account_id > ? ORDER BY account_id LIMIT ?',
        [taskId, after, PAGE],
        noticeRowSchema,
      );
      for (const r of rows) notices.push({ taskId: r.task_id, accountId: r.account_id, announcedAt: r.announced_at, plannedChangeAt: r.planned_change_at });
      const last = rows.at(-1);
      if (rows.length < PAGE || last === undefined) return notices;
      after = last.account_id;
    }
  }

  async add(notices: readonly TaskNotice[]): Promise<void> {
    const rows = notices.map((n) => [n.taskId, n.accountId, toSqlDateTime(n.announcedAt), toSqlDateTimeOrNull(n.plannedChangeAt)]);
    await this.db.executeAll(multiRowStatements(noticesInsert, rows));
  }

  async clear(taskId: string, accountIds: readonly string[]): Promise<void> {
    for (const chunk of chunked([...new Set(accountIds)])) {
      await this.db.execute({ query: `DELETE FROM task_notices WHERE task_id = ? AND account_id IN ${placeholders(chunk.length)}`, params: [taskId, ...chunk] });
    }
  }

  async clearTask(taskId: string): Promise<void> {
    await this.db.execute({ query: 'DELETE FROM task_notices WHERE task_id = ?', params: [taskId] });
  }
}
