/**
 * What Forge SQL's query policy decides before a statement reaches the database: one statement per
 * request, no transactions, no foreign keys, no session/schema switching. Literals and comments are
 * blanked out first so that a `;` or `REFERENCES` inside a string does not count.
 */

/** How a statement is counted and which timeout applies. */
export type StatementKind = 'select' | 'dml' | 'ddl' | 'other';

/** The result of looking at one request's query text. */
export interface StatementAnalysis {
  kind: StatementKind;
  /** Non-empty `;`-separated statements (a single trailing `;` is fine). */
  statementCount: number;
  /** First keyword, upper-case. */
  keyword: string;
  /** `?` placeholders outside literals and comments. */
  placeholders: number;
  /** Query text with literals replaced by `''`, quoted identifiers by two backticks, comments by a space. */
  code: string;
}

type LexState = 'code' | 'single' | 'double' | 'backtick' | 'line' | 'block';

function closingQuote(state: LexState): string {
  return state === 'single' ? "'" : state === 'double' ? '"' : '`';
}

/** Blanks string literals, quoted identifiers (to '' and ``) and comments (to a space). */
export function stripLiteralsAndComments(query: string): string {
  // Most statements (every multi-row upsert) have no quote or comment at all: nothing to blank.
  if (!/['"`#]|--|\/\*/.test(query)) return query;
  let out = '';
  let state: LexState = 'code';
  for (let i = 0; i < query.length; i++) {
    const c = query.charAt(i);
    const next = query.charAt(i + 1);
    if (state === 'code') {
      if (c === "'" || c === '"') { state = c === "'" ? 'single' : 'double'; out += "''"; }
      else if (c === '`') { state = 'backtick'; out += '``'; }
      else if (c === '#' || (c === '-' && next === '-' && /\s/.test(query.charAt(i + 2) || ' '))) { state = 'line'; out += ' '; }
      else if (c === '/' && next === '*') { state = 'block'; out += ' '; i++; }
      else out += c;
    } else if (state === 'line') {
      if (c === '\n') { state = 'code'; out += c; }
    } else if (state === 'block') {
      if (c === '*' && next === '/') { state = 'code'; i++; }
    } else {
      const quote = closingQuote(state);
      if (c === '\\' && state !== 'backtick') { i++; continue; }
      if (c === quote && next === quote) { i++; continue; }
      if (c === quote) state = 'code';
    }
  }
  return out;
}

const SELECT_WORDS = new Set(['SELECT', 'WITH', 'SHOW', 'EXPLAIN', 'DESCRIBE', 'DESC', 'TABLE', 'VALUES', '(']);
const DML_WORDS = new Set(['INSERT', 'UPDATE', 'DELETE', 'REPLACE']);
const DDL_WORDS = new Set(['CREATE', 'ALTER', 'DROP', 'TRUNCATE', 'RENAME']);

const NON_SPACE = /\S/g;
/** The first keyword (or an opening parenthesis) where the first statement starts. */
const KEYWORD = /\(|[A-Za-z_]+/y;

/**
 * The non-empty `;`-separated statements of `code` and where the first one starts. Found with `indexOf` and a
 * regular expression rather than by splitting: a multi-row upsert is 1 MiB of text.
 */
const statementsOf = (code: string): { count: number; first: number } => {
  let count = 0;
  let first = -1;
  for (let from = 0; ; ) {
    const end = code.indexOf(';', from);
    const stop = end < 0 ? code.length : end;
    NON_SPACE.lastIndex = from;
    const found = NON_SPACE.exec(code);
    if (found !== null && found.index < stop) {
      count++;
      if (first < 0) first = found.index;
    }
    if (end < 0) return { count, first };
    from = end + 1;
  }
};

const keywordAt = (code: string, at: number): string => {
  KEYWORD.lastIndex = at;
  return (KEYWORD.exec(code)?.[0] ?? '').toUpperCase();
};

const countPlaceholders = (code: string): number => {
  let count = 0;
  for (let at = code.indexOf('?'); at >= 0; at = code.indexOf('?', at + 1)) count++;
  return count;
};

/** Classifies a request's query text. */
export function analyzeStatement(query: string): StatementAnalysis {
  const code = stripLiteralsAndComments(query);
  const { count: statementCount, first } = statementsOf(code);
  const keyword = first < 0 ? '' : keywordAt(code, first);
  const kind: StatementKind = SELECT_WORDS.has(keyword) ? 'select'
    : DML_WORDS.has(keyword) ? 'dml'
    : DDL_WORDS.has(keyword) ? 'ddl' : 'other';
  return { kind, statementCount, keyword, placeholders: countPlaceholders(code), code };
}

const TRANSACTION_WORDS = new Set(['START', 'BEGIN', 'COMMIT', 'ROLLBACK', 'SAVEPOINT', 'RELEASE', 'XA']);
const REFUSED_WORDS = new Set(['USE', 'PREPARE', 'EXECUTE', 'DEALLOCATE', 'LOCK', 'UNLOCK', 'HANDLER', 'LOAD', 'GRANT', 'REVOKE', 'KILL', 'FLUSH', 'SHUTDOWN', 'INSTALL', 'UNINSTALL']);

/** The reason Forge's query policy refuses this statement, or `undefined` when it may run. */
export function policyViolation(analysis: StatementAnalysis): string | undefined {
  const { keyword, code, statementCount } = analysis;
  if (statementCount === 0) return 'The query is empty.';
  if (statementCount > 1) return 'Multiple statements are not allowed: each request must contain exactly one statement.';
  if (TRANSACTION_WORDS.has(keyword) || (keyword === 'SET' && /\b(autocommit|transaction)\b/i.test(code))) {
    return 'Transactions are not supported by Forge SQL: every statement is committed on its own.';
  }
  if (keyword === 'SET') return 'SET statements are not permitted by the Forge SQL query policy.';
  if (REFUSED_WORDS.has(keyword)) return `${keyword} statements are not permitted by the Forge SQL query policy.`;
  if (analysis.kind === 'ddl' && /\b(FOREIGN\s+KEY|REFERENCES)\b/i.test(code)) {
    return 'Foreign keys are not supported by Forge SQL.';
  }
  if (analysis.kind === 'ddl' && /^\s*(CREATE|DROP|ALTER)\s+(DATABASE|SCHEMA)\b/i.test(code)) {
    return 'Creating, altering or dropping databases is not permitted: Forge SQL scopes every app installation to its own schema.';
  }
  return undefined;
}
