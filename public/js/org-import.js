/*
 * The CSV import pages' progress (/admin/org/imports): sends the upload form, then the import form, with XMLHttpRequest,
 * shows how much of the file has gone up (upload.onprogress), then the server's own progress lines (application/x-ndjson:
 * rows checked, passwords hashed, rows written) as they come, and opens the page the last line names. Without this
 * script the same forms post plainly and the server answers with that page when the work is done.
 */
(function () {
  'use strict';

  var box = document.getElementById('import-progress');
  if (!box) return;
  var text = document.getElementById('import-progress-text');
  var bar = document.getElementById('import-progress-bar');
  var errorBox = document.getElementById('import-script-error');
  var csrfToken = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  var language = document.documentElement.lang || 'vi';
  var locale = language === 'vi' ? 'vi-VN' : 'en-GB';

  function fill(template, params) {
    return template.replace(/\{(\w+)\}/g, function (match, key) {
      return Object.prototype.hasOwnProperty.call(params, key) ? params[key] : match;
    });
  }

  function show(message, done, total) {
    box.hidden = false;
    errorBox.hidden = true;
    text.textContent = message;
    bar.max = total > 0 ? total : 1;
    bar.value = total > 0 ? done : 1;
  }

  function fail(message, button) {
    box.hidden = true;
    errorBox.textContent = message;
    errorBox.hidden = false;
    if (button) button.disabled = false;
  }

  /** One line from the server: a step's count, where to go, or why it stopped. */
  function handle(line, button) {
    if (line.step) {
      var count = { done: Number(line.done).toLocaleString(locale), total: Number(line.total).toLocaleString(locale) };
      show(fill(box.getAttribute('data-' + line.step) || '{done}/{total}', count), line.done, line.total);
      return false;
    }
    // A refusal with a page to show (the problems found again on import) opens it too; otherwise its message stays here.
    if (line.location) {
      if (!line.error) show(box.getAttribute('data-done'), 1, 1);
      window.location.assign(line.location);
      return true;
    }
    fail(line.error || box.getAttribute('data-lost'), button);
    return true;
  }

  /** Sends the form's body and follows the answer's lines as they arrive. */
  function send(form, body, contentType) {
    var button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    var request = new window.XMLHttpRequest();
    var read = 0;
    var finished = false;
    function readLines(all) {
      var received = request.responseText;
      var end = all ? received.length : received.lastIndexOf('\n') + 1;
      if (end <= read) return;
      var chunk = received.slice(read, end);
      read = end;
      chunk.split('\n').forEach(function (raw) {
        if (!raw.trim() || finished) return;
        var line;
        try {
          line = JSON.parse(raw);
        } catch {
          return;
        }
        finished = handle(line, button);
      });
    }
    request.open('POST', form.getAttribute('action'));
    request.setRequestHeader('Accept', 'application/x-ndjson');
    request.setRequestHeader('X-CSRF-Token', csrfToken);
    if (contentType) request.setRequestHeader('Content-Type', contentType);
    request.upload.onprogress = function (event) {
      if (!event.lengthComputable) return;
      var percent = Math.floor((event.loaded * 100) / event.total);
      show(fill(box.getAttribute('data-uploading'), { percent: percent }), event.loaded, event.total);
    };
    request.onprogress = function () {
      readLines(false);
    };
    request.onload = function () {
      readLines(true);
      if (finished) return;
      // Not an answer of lines (the sign-in page after the session ended, an error page): let the page itself answer.
      if ((request.getResponseHeader('Content-Type') || '').indexOf('application/x-ndjson') !== 0) form.submit();
      else fail(box.getAttribute('data-lost'), button);
    };
    request.onerror = function () {
      if (!finished) fail(box.getAttribute('data-lost'), button);
    };
    request.send(body);
  }

  var upload = document.getElementById('upload-form');
  if (upload) {
    upload.addEventListener('submit', function (event) {
      var input = upload.querySelector('input[type="file"]');
      var file = input.files && input.files[0];
      if (!file) return;
      event.preventDefault();
      if (file.size > Number(box.getAttribute('data-max-bytes'))) {
        fail(box.getAttribute('data-too-large'));
        return;
      }
      send(upload, new window.FormData(upload));
    });
  }

  var importForm = document.getElementById('import-form');
  if (importForm) {
    importForm.addEventListener('submit', function (event) {
      event.preventDefault();
      send(importForm, new window.URLSearchParams(new window.FormData(importForm)).toString(), 'application/x-www-form-urlencoded');
    });
  }
})();
