/*
 * Calls to the JSON API from this server's pages: the session cookie, the session's CSRF token (the server requires it
 * of every call that changes something) and the page's language, so refusals come back in the reader's words.
 */
(function () {
  'use strict';

  var csrfToken = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  var language = document.documentElement.lang || 'vi';

  /**
   * Resolves to { ok, status, body }; a network failure resolves with status 0 and a body that is not JSON (a proxy's
   * error page, say) with body null, so that callers show one message and keep the person's data on the page.
   */
  function api(method, url, body) {
    return fetch(url, {
      method: method,
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Accept-Language': language, 'X-CSRF-Token': csrfToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).then(
      function (response) {
        return response.text().then(function (raw) {
          var parsed = null;
          try {
            parsed = raw ? JSON.parse(raw) : null;
          } catch {
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

  window.thiduaApi = api;
})();
