/*
 * The CSV export Frame's page script (FEATURES X1-X4). No build step and no external URLs.
 *
 * Bridge assumption: like every Custom UI resource, a Frame's iframe gets the Forge host's bridge script
 * injected, which defines `window.__bridge.callBridge(command, data)` — the same object @forge/bridge reads
 * (`invoke` is `callBridge('invoke', { functionKey, payload })`, `events.on/emit` are `callBridge('on' | 'emit')`).
 * Without a bundler we cannot import @forge/bridge, so this script calls that injected bridge directly, with the
 * same command shapes. The resolver calls run as the viewing admin, through the admin page's resolver.
 *
 * Flow: announce READY; the admin page answers with the request (kind, filter, translated texts). Download
 * fetches every page, builds the file and saves it. Saving right after a long fetch may no longer count as a user
 * gesture, so a "Save file" button keeps the built file for a second, certain click.
 */
(function () {
  'use strict';

  var READY_EVENT = 'ulo-csv-ready';
  var REQUEST_EVENT = 'ulo-csv-request';
  var csv = globalThis.UloCsv;
  var state = { message: null, busy: false, blob: null };
  var el = {};

  function bridge() {
    var b = globalThis.__bridge;
    return b && typeof b.callBridge === 'function' ? b : null;
  }

  function invoke(functionKey, payload) {
    return bridge().callBridge('invoke', { functionKey: functionKey, payload: payload });
  }

  function fill(template, rows, total) {
    var format = new Intl.NumberFormat(state.message.locale);
    return template.replace('{{rows}}', format.format(rows)).replace('{{total}}', total === null ? '' : format.format(total));
  }

  function show(text, progress) {
    el.status.textContent = text;
    if (progress === undefined) {
      el.progress.hidden = true;
    } else {
      el.progress.hidden = false;
      if (progress === null) el.progress.removeAttribute('value');
      else el.progress.value = progress;
    }
  }

  function render() {
    var m = state.message;
    el.download.hidden = m === null;
    el.save.hidden = state.blob === null;
    if (m === null) return;
    el.download.textContent = m.text.download;
    el.save.textContent = m.text.saveAgain;
    el.download.disabled = state.busy;
  }

  function save() {
    if (state.blob === null) return;
    var url = URL.createObjectURL(state.blob);
    var link = document.createElement('a');
    link.href = url;
    link.download = state.message.fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  function download() {
    var m = state.message;
    if (m === null || state.busy) return;
    state.busy = true;
    state.blob = null;
    render();
    show(m.text.preparing, m.total ? 0 : null);
    csv.fetchAll(invoke, m.kind, m.payload, function (rows) {
      var template = m.total ? m.text.progress : m.text.progressUnknown;
      show(fill(template, rows, m.total), m.total ? Math.min(rows / m.total, 1) : null);
    }).then(function (items) {
      state.blob = new Blob([csv.toCsv(m.kind, m.headers, items, m.words)], { type: 'text/csv;charset=utf-8' });
      show(fill(m.text.done, items.length, null));
      save();
    }).catch(function (error) {
      show(m.text.errors[error && error.code] || m.text.failed);
    }).then(function () {
      state.busy = false;
      render();
    });
  }

  function onRequest(message) {
    if (!message || message.version !== 1 || !csv.columns[message.kind]) return;
    if (state.busy) return;
    state.message = message;
    state.blob = null;
    show('');
    render();
  }

  function start() {
    el.download = document.getElementById('download');
    el.save = document.getElementById('save');
    el.progress = document.getElementById('progress');
    el.status = document.getElementById('status');
    el.download.addEventListener('click', download);
    el.save.addEventListener('click', save);
    render();
    var b = bridge();
    if (b === null) {
      show('\u26A0');
      return;
    }
    Promise.resolve(b.callBridge('on', { event: REQUEST_EVENT, callback: onRequest })).then(function () {
      return b.callBridge('emit', { event: READY_EVENT, payload: {} });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
