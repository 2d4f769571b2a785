/**
 * Shapes a MariaDB result the way Forge SQL answers: `{ rows, metadata }` where `rows` is the JSON of
 * the driver's rows for reads (no type conversion: DATETIME stays a string, BINARY becomes
 * `{ type: 'Buffer', data }`) or the update header for writes/DDL.
 */
import type { FieldPacket, ResultSetHeader, RowDataPacket } from 'mysql2/promise';
import type { RawResult } from './sqlDatabase';

/** Column description in Forge SQL's metadata. */
export interface ForgeSqlField {
  catalog: string;
  name: string;
  schema: string;
  characterSet: number;
  decimals: number;
  table: string;
  orgTable: string;
  orgName: string;
  flags: number;
  columnType: number;
  columnLength: number;
}

function toField(f: FieldPacket): ForgeSqlField {
  return {
    catalog: f.catalog,
    name: f.name,
    schema: f.schema ?? '',
    characterSet: f.characterSet ?? 0,
    decimals: f.decimals,
    table: f.table,
    orgTable: f.orgTable,
    orgName: f.orgName,
    flags: typeof f.flags === 'number' ? f.flags : 0,
    columnType: f.columnType ?? f.type ?? 0,
    columnLength: f.columnLength ?? f.length ?? 0,
  };
}

function isHeader(rows: RowDataPacket[] | ResultSetHeader): rows is ResultSetHeader {
  return !Array.isArray(rows);
}

function headerRows(h: ResultSetHeader): Record<string, unknown> {
  return {
    fieldCount: h.fieldCount,
    affectedRows: h.affectedRows,
    insertId: h.insertId,
    info: h.info,
    serverStatus: h.serverStatus,
    warningStatus: h.warningStatus,
  };
}

/** The JSON text of Forge SQL's response for one statement. */
export function forgeSqlResponseText(result: RawResult, dbExecutionTime: number): string {
  const rows = isHeader(result.rows) ? headerRows(result.rows) : result.rows.map((r) => ({ ...r }));
  const fields = (result.fields ?? []).map(toField);
  const rowsText = JSON.stringify(rows);
  const metadata = { dbExecutionTime, responseSize: Buffer.byteLength(rowsText, 'utf8'), fields };
  return `{"rows":${rowsText},"metadata":${JSON.stringify(metadata)}}`;
}
