/* Sends a dossier's attachment form (an initiative's, a nomination's) as multipart with the page's CSRF token in its
   header (the CSRF check runs before a multipart body is read), then shows the page again with the file listed, or the refusal's message. */
(function () {
  'use strict';
  var form = document.getElementById('attach-form');
  if (!form) return;
  var status = document.getElementById('attach-status');
  var csrfToken = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var button = form.querySelector('button');
    button.disabled = true;
    status.textContent = form.getAttribute('data-uploading');
    fetch(form.getAttribute('action'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': document.documentElement.lang || 'vi', 'X-CSRF-Token': csrfToken },
      body: new window.FormData(form),
    })
      .then(function (response) {
        return response.json().then(
          function (body) { return { ok: response.ok, body: body }; },
          function () { return { ok: false, body: null }; },
        );
      }, function () { return { ok: false, body: null }; })
      .then(function (result) {
        if (result.ok) {
          window.location.reload();
          return;
        }
        button.disabled = false;
        status.textContent = (result.body && result.body.message) || '—';
      });
  });
  // Rendered disabled: posted before this script ran, the form would lack the CSRF header and be refused.
  form.querySelector('button').disabled = false;
})();
