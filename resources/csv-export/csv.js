/*
 * CSV building for the export Frame (FEATURES X1-X4). Plain browser JavaScript with no build step: loaded by
 * index.html as a classic script, it defines `globalThis.UloCsv`. tests/unit/ui/csv.test.ts runs this same file
 * in a Node vm context.
 *
 * Escaping (RFC 4180): fields are separated by commas and records by CRLF; a field holding a quote, comma, CR or
 * LF is wrapped in quotes, with quotes doubled. Formula injection (OWASP "CSV injection"): a text field starting
 * with = + - @ TAB or CR is prefixed with a single quote so spreadsheet apps show it as text, not run it. Numbers
 * and booleans are written as they are. The file starts with a UTF-8 byte order mark so Excel reads it as UTF-8.
 * Instants stay ISO-8601 UTC strings; enumerations stay the contract's stable codes.
 */
(function (global) {
  'use strict';

  var BOM = '\uFEFF';
  var FORMULA_START = /^[=+\-@\t\r]/;
  var NEEDS_QUOTES = /[",\r\n]/;

  /** The columns of each export, in file order (mirrors src/ui/screens/export/protocol.ts). */
  var columns = {
    users: [
      'accountId', 'name', 'email', 'accountType', 'accountStatus', 'membershipStatus', 'managed', 'billable', 'protected',
      'addedToOrgAt', 'lastActiveAt', 'inactivity', 'inactiveDays', 'products', 'groups', 'adminUrl',
    ],
    customers: ['serviceDeskId', 'accountId', 'name', 'email', 'accountStatus', 'organizations'],
    audit: ['at', 'actor', 'action', 'targetAccountId', 'targetName', 'targetEmail', 'outcome', 'reason', 'details', 'jobId'],
    handoff: ['name', 'email', 'reason', 'group', 'accountId'],
  };

  /** Which resolver pages each export, and how many rows per call (the contract's maximum). */
  var lists = {
    users: { key: 'users.list', limit: 500 },
    customers: { key: 'customers.list', limit: 500 },
    audit: { key: 'audit.list', limit: 1000 },
    handoff: { key: 'bulk.handoff', limit: 1000 },
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

  /** One record's cells by column key; `words` translates coded values (sent by the admin page). */
  var rowFor = {
    users: function (u) {
      return Object.assign({}, u, {
        products: joinNames(u.products, function (p) {
          return (p.productName || p.productKey) + ': ' + (p.lastActiveAt || '-') + ' (' + p.inactivity + ')';
        }),
        groups: joinNames(u.groups, function (g) { return g.name; }),
      });
    },
    customers: function (c) {
      return {
        serviceDeskId: c.serviceDeskId,
        accountId: c.accountId,
        name: person(c, 'name'),
        email: person(c, 'email'),
        accountStatus: person(c, 'accountStatus'),
        organizations: joinNames(c.organizations, function (o) { return o.name || o.id; }),
      };
    },
    audit: function (e) {
      var actor = e.actor.kind === 'admin' ? e.actor.name || e.actor.accountId : e.actor.kind === 'task' ? 'task:' + e.actor.taskId : 'system';
      return Object.assign({}, e, { actor: actor, details: JSON.stringify(e.details || {}) });
    },
    handoff: function (h, words) {
      return Object.assign({}, h, { reason: words[h.reason] || h.reason });
    },
  };

  function line(cells) {
    return cells.map(escapeCell).join(',') + '\r\n';
  }

  /**
   * The whole file as text, header row first (headers come translated from the admin page), BOM included.
   * `words` (optional): translated text for coded values, by code.
   */
  function toCsv(kind, headers, items, words) {
    var keys = columns[kind];
    var out = [BOM, line(keys.map(function (k) { return headers[k] || k; }))];
    for (var i = 0; i < items.length; i++) {
      var record = rowFor[kind](items[i], words || {});
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
