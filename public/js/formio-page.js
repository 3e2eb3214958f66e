/*
 * Shared by the pages that run Form.io: the page's data, Form.io pointed at this server for every library it
 * would otherwise fetch from cdn.form.io, calls to the JSON API with the session cookie, and the status line.
 */
(function () {
  'use strict';

  var pageData = JSON.parse(document.getElementById('page-data').textContent);
  // The session's CSRF token, which the server requires of every call that changes something.
  var csrfToken = document.querySelector('meta[name="csrf-token"]').getAttribute('content');

  // ace, quill and flatpickr load from /assets/vendor/<library>; nothing may come from another site.
  Formio.cdn.setBaseUrl(window.location.origin + '/assets/vendor');
  Formio.icons = 'bi';

  function format(template, params) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return params && key in params ? String(params[key]) : match;
    });
  }

  /** A text of the page data's `texts`, placeholders filled. */
  function text(key, params) {
    return format(pageData.texts[key] || key, params);
  }

  /** Options every Form.io instance of the page gets: language and our translation of Form.io's own strings. */
  function formioOptions(extra) {
    var i18n = {};
    i18n[pageData.language] = pageData.translation || {};
    return Object.assign({ language: pageData.language, i18n: i18n, noAlerts: false }, extra || {});
  }

  /**
   * Calls the API with the session cookie and the CSRF token. Resolves to { ok, status, body }; a network failure resolves
   * with status 0 so that callers show one message and keep the person's data on the page.
   */
  function api(method, url, body) {
    return fetch(url, {
      method: method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': pageData.language, 'X-CSRF-Token': csrfToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(
      function (response) {
        return response.text().then(function (raw) {
          var parsed = null;
          try {
            parsed = raw ? JSON.parse(raw) : null;
          } catch {
            // A proxy's HTML error page, say: the caller shows the generic message.
            parsed = null;
          }
          return { ok: response.ok, status: response.status, body: parsed };
        });
      },
      function () {
        return { ok: false, status: 0, body: null };
      },
    );
  }

  /** The status line: a message, optionally a list, styled as progress, success or error. */
  function showStatus(kind, message, items) {
    var element = document.getElementById('form-status');
    element.className = 'form-status' + (kind === 'error' ? ' is-error' : kind === 'done' ? ' is-done' : '');
    element.textContent = message;
    if (items && items.length) {
      var list = document.createElement('ul');
      items.forEach(function (item) {
        var entry = document.createElement('li');
        entry.textContent = item;
        list.appendChild(entry);
      });
      element.appendChild(list);
    }
  }

  /** The message to show for a failed call: the API's own localized message, or ours for network and session. */
  function failureMessage(result) {
    if (result.status === 0) return text('networkError');
    if (result.status === 401) return text('signedOut');
    return (result.body && result.body.message) || text('networkError');
  }

  function timeNow() {
    return new Date().toLocaleTimeString(pageData.language === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh' });
  }

  window.thiduaFormPage = {
    data: pageData,
    text: text,
    formioOptions: formioOptions,
    api: api,
    showStatus: showStatus,
    failureMessage: failureMessage,
    timeNow: timeNow,
  };
})();
