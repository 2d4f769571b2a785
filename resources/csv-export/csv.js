/*
 * CSV building for the export Frame (FEATURES X1-X4). Plain browser JavaScript with no build step: loaded by
 * index.html as a classic script, it defines `globalThis.UloCsv`. tests/unit/ui/csv.test.ts runs this same file
 * in a Node vm context.
 *
 * Escaping (RFC 4180): fields are separated by commas and records by CRLF; a field holding a quote, comma, CR or
 * LF is wrapped in quotes, with quotes doubled. Formula injection (OWASP "CSV injection"): a text field starting
 * with = + - @ TAB or CR is prefixed with a single quote so spreadsheet apps show it as text, not run it. Numbers
 * and booleans are written as they are. The file starts with a UTF-8 byte order mark so Excel reads it as UTF-8.
 * Instants stay ISO-8601 UTC strings. States, statuses, yes/no, actions, outcomes and reasons are words in the
 * viewer's language (words.js, loaded first); their stable codes follow in the `…Code` columns for machines, and
 * the audit log's stored details as JSON in `detailsData`.
 */
(function (global) {
  'use strict';

  var BOM = '\uFEFF';
  var words = global.UloWords;
  var FORMULA_START = /^[=+\-@\t\r]/;
  var NEEDS_QUOTES = /[",\r\n]/;

  /** The columns of each export, in file order (mirrors src/ui/screens/export/protocol.ts). */
  var columns = {
    users: [
      'accountId', 'name', 'email', 'accountType', 'accountStatus', 'membershipStatus', 'managed', 'billable', 'protected',
      'addedToOrgAt', 'lastActiveAt', 'inactivity', 'inactiveDays', 'products', 'groups', 'adminUrl',
      'accountStatusCode', 'membershipStatusCode', 'inactivityCode',
    ],
    customers: ['serviceDesk', 'serviceDeskId', 'accountId', 'name', 'email', 'accountStatus', 'organizations', 'accountStatusCode'],
    audit: [
      'at', 'actor', 'action', 'targetAccountId', 'targetName', 'targetEmail', 'outcome', 'reason', 'details', 'jobId',
      'actionCode', 'outcomeCode', 'reasonCode', 'detailsData',
    ],
    handoff: ['name', 'email', 'reason', 'group', 'groupDirectory', 'directory', 'accountId', 'directoryId', 'groupDirectoryId'],
    taskDryRun: [
      'name', 'email', 'decision', 'how', 'reason', 'inactivity', 'inactiveDays', 'seatRank', 'noticeUntil', 'groups', 'accountId',
      'decisionCode', 'howCode', 'reasonCode', 'inactivityCode',
    ],
  };

  /** Which resolver pages each export, and how many rows per call (the contract's maximum). */
  var lists = {
    users: { key: 'users.list', limit: 500 },
    customers: { key: 'customers.list', limit: 500 },
    audit: { key: 'audit.list', limit: 1000 },
    handoff: { key: 'bulk.handoff', limit: 1000 },
    taskDryRun: { key: 'tasks.dryRun', limit: 1000 },
  };

  function escapeCell(value) {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    var text = String(value);
    if (FORMULA_START.test(text)) text = "'" + text;
    return NEEDS_QUOTES.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function joinNames(list, name) {
    return (list || []).map(name).join('; ');
  }

  function person(row, field) {
    return row.person ? row.person[field] : null;
  }

  /** One record's cells by column key: words in the viewer's language, codes in the `…Code` columns. */
  var rowFor = {
    users: function (u, w) {
      return Object.assign({}, u, {
        accountType: words.word('accountType', u.accountType, w),
        accountStatus: words.word('accountStatus', u.accountStatus, w),
        membershipStatus: words.word('membershipStatus', u.membershipStatus, w),
        managed: words.yesNo(u.managed, w),
        billable: words.yesNo(u.billable, w),
        protected: words.yesNo(u.protected, w),
        inactivity: words.word('inactivity', u.inactivity, w),
        products: joinNames(u.products, function (p) {
          return (p.productName || p.productKey) + ': ' + (p.lastActiveAt || '-') + ' (' + words.word('inactivity', p.inactivity, w) + ')';
        }),
        groups: joinNames(u.groups, function (g) { return g.name; }),
        accountStatusCode: u.accountStatus,
        membershipStatusCode: u.membershipStatus,
        inactivityCode: u.inactivity,
      });
    },
    customers: function (c, w) {
      return {
        serviceDesk: c.serviceDeskName,
        serviceDeskId: c.serviceDeskId,
        accountId: c.accountId,
        name: person(c, 'name') || c.displayName,
        email: person(c, 'email') || c.email,
        accountStatus: words.word('accountStatus', person(c, 'accountStatus'), w),
        organizations: joinNames(c.organizations, function (o) { return o.name || o.id; }),
        accountStatusCode: person(c, 'accountStatus'),
      };
    },
    audit: function (e, w) {
      return Object.assign({}, e, {
        actor: words.actor(e.actor, w),
        action: words.word('action', e.action, w),
        outcome: words.word('outcome', e.outcome, w),
        reason: words.word('reason', e.reason, w),
        details: words.sentence(e.summary, w),
        actionCode: e.action,
        outcomeCode: e.outcome,
        reasonCode: e.reason,
        detailsData: JSON.stringify(e.details || {}),
      });
    },
    handoff: function (h, w) {
      return Object.assign({}, h, { reason: words.word('reason', h.reason, w) });
    },
    taskDryRun: function (d, w) {
      return Object.assign({}, d, {
        decision: words.word('decision', d.decision, w),
        how: (d.methods || []).map(function (m) { return words.word('taskMethod', m, w); }).join('; '),
        reason: words.word('taskReason', d.reason, w),
        inactivity: words.word('inactivity', d.state, w),
        groups: (d.groups || []).join('; '),
        decisionCode: d.decision,
        howCode: (d.methods || []).join('; '),
        reasonCode: d.reason,
        inactivityCode: d.state,
      });
    },
  };

  function line(cells) {
    return cells.map(escapeCell).join(',') + '\r\n';
  }

  /**
   * The whole file as text, header row first, BOM included. Headers and `w` (the words, see words.js) come
   * translated from the admin page.
   */
  function toCsv(kind, headers, items, w) {
    var keys = columns[kind];
    var out = [BOM, line(keys.map(function (k) { return headers[k] || k; }))];
    for (var i = 0; i < items.length; i++) {
      var record = rowFor[kind](items[i], w);
      out.push(line(keys.map(function (k) { return record[k]; })));
    }
    return out.join('');
  }

  /**
   * Fetches every page of the export through `invoke(functionKey, payload)` (the Forge bridge), following the
   * keyset cursor. Calls `onProgress(rowsSoFar)` after each page. Rejects with an Error whose `code` is the
   * resolver's error code when a page fails.
   */
  function fetchAll(invoke, kind, payload, onProgress) {
    var list = lists[kind];
    var items = [];
    function page(after) {
      var body = Object.assign({}, payload, { limit: list.limit, after: after });
      return Promise.resolve(invoke(list.key, body)).then(function (envelope) {
        if (!envelope || envelope.ok !== true || !envelope.data || !Array.isArray(envelope.data.items)) {
          var error = new Error('export page failed');
          error.code = envelope && envelope.error && envelope.error.code ? envelope.error.code : 'INTERNAL';
          throw error;
        }
        Array.prototype.push.apply(items, envelope.data.items);
        onProgress(items.length);
        return envelope.data.next ? page(envelope.data.next) : items;
      });
    }
    return page(null);
  }

  global.UloCsv = { BOM: BOM, columns: columns, lists: lists, escapeCell: escapeCell, toCsv: toCsv, fetchAll: fetchAll };
})(globalThis);
