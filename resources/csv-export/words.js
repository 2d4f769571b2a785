/*
 * Words for the CSV export Frame (FEATURES X1-X3, A5): codes and audit sentences in the viewer's language. Plain
 * browser JavaScript with no build step, loaded by index.html before csv.js; it defines `globalThis.UloWords`.
 * Every text comes translated in the admin page's message (`words`): the frame holds no strings of its own.
 *
 * `words` is { locale, yes, no, values: { column: { code: word } }, actor: { task, taskUnknown, system, caller, callerUnknown }, phrases: { key: template } }.
 * An audit sentence ({ key, params }, see src/contract/audit.ts) is written as src/ui/components/auditSentence.ts
 * writes it: each parameter formatted for the locale, a `count` parameter picking the plural form (`key_one`,
 * `key_other`, ... by Intl.PluralRules), `{{name}}` and `{{name, number}}` replaced.
 */
(function (global) {
  'use strict';

  var UNITS = [['hour', 3600000], ['minute', 60000], ['second', 1000]];

  /** The two largest units of a duration, e.g. "1 min 12 sec" (as src/ui/i18n/duration.ts). */
  function duration(ms, locale) {
    var rest = Math.max(0, Math.round(ms / 1000)) * 1000;
    var parts = [];
    for (var i = 0; i < UNITS.length; i++) {
      var amount = Math.floor(rest / UNITS[i][1]);
      rest -= amount * UNITS[i][1];
      if (amount > 0 || (parts.length === 0 && UNITS[i][0] === 'second')) {
        parts.push(new Intl.NumberFormat(locale, { style: 'unit', unit: UNITS[i][0], unitDisplay: 'short' }).format(amount));
      }
    }
    return parts.slice(0, 2).join(' ');
  }

  function list(items, locale) {
    return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  }

  function param(p, words) {
    var locale = words.locale;
    switch (p.kind) {
      case 'number': return new Intl.NumberFormat(locale).format(p.value);
      case 'date': return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(p.value));
      case 'duration': return duration(p.value, locale);
      case 'list': return list(p.value, locale);
      case 'phrases': return list(p.value.map(function (x) { return sentence(x, words); }), locale);
      default: return String(p.value);
    }
  }

  /** An audit sentence in the viewer's language; empty when there is none or its template is unknown. */
  function sentence(phrase, words) {
    if (!phrase) return '';
    var values = {};
    Object.keys(phrase.params).forEach(function (name) { values[name] = param(phrase.params[name], words); });
    var count = phrase.params.count;
    var key = phrase.key;
    if (count && count.kind === 'number') {
      var form = key + '_' + new Intl.PluralRules(words.locale).select(count.value);
      key = words.phrases[form] !== undefined ? form : words.phrases[key + '_other'] !== undefined ? key + '_other' : key;
    }
    var template = words.phrases[key];
    if (template === undefined) return '';
    return template.replace(/\{\{\s*(\w+)\s*(?:,\s*number\s*)?\}\}/g, function (all, name) {
      return values[name] === undefined ? '' : values[name];
    });
  }

  /** The word for a code of a column (state, status, action, ...); the code itself when no word is known. */
  function word(column, code, words) {
    if (code === null || code === undefined) return null;
    var dictionary = words.values[column] || {};
    return dictionary[code] !== undefined ? dictionary[code] : code;
  }

  function yesNo(value, words) {
    return value === true ? words.yes : value === false ? words.no : null;
  }

  function actor(a, words) {
    if (a.kind === 'admin') return a.name || a.accountId;
    if (a.kind === 'caller') return a.name ? words.actor.caller.replace(/\{\{\s*name\s*\}\}/g, a.name) : words.actor.callerUnknown;
    if (a.kind === 'task') return a.name ? words.actor.task.replace(/\{\{\s*name\s*\}\}/g, a.name) : words.actor.taskUnknown;
    return words.actor.system;
  }

  global.UloWords = { sentence: sentence, word: word, yesNo: yesNo, actor: actor, duration: duration };
})(globalThis);
