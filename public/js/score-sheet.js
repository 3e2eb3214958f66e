/*
 * Filling a score sheet: the sheet form (Form.io, the pinned version) with the saved data; "Save draft" and "Submit"
 * send it to the score sheet API, which alone decides, and its problems come back with each criterion's field path.
 * Evidence goes up one file at a time per criterion (multipart, with the page's CSRF token); recusal takes a reason.
 */
(function () {
  'use strict';

  var page = window.thiduaFormPage;
  var data = page.data;
  var csrfToken = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  var saveButton = document.getElementById('save-draft');
  var submitButton = document.getElementById('submit-sheet');
  var recuseButton = document.getElementById('recuse');
  var base = '/api/v1/tasks/' + data.taskId + '/score-sheet';
  var form;

  /** Form.io's own submit buttons would bypass the server: this page has its own. */
  function withoutSubmitButtons(components) {
    return (components || [])
      .filter(function (component) {
        return !(component.type === 'button' && (component.action === undefined || component.action === 'submit'));
      })
      .map(function (component) {
        var copy = Object.assign({}, component);
        if (Array.isArray(copy.components)) copy.components = withoutSubmitButtons(copy.components);
        return copy;
      });
  }

  function clearServerErrors() {
    form.everyComponent(function (component) {
      if (component.serverErrors && component.serverErrors.length) {
        component.serverErrors = [];
        component.setCustomValidity([], false);
      }
    });
  }

  /** The server's problems on the fields they name (criterion paths like c_I_2_a or c_I_2_a.achieved). */
  function showFieldErrors(details) {
    clearServerErrors();
    form.showErrors(
      details.map(function (error) {
        var component = form.getComponent(error.path) || form.getComponent(String(error.path).split('.')[0]);
        return { message: error.message, path: error.path, fromServer: true, component: component ? component.component : undefined, context: { path: error.path, hasLabel: true } };
      }),
      true,
    );
  }

  function setBusy(busy) {
    [saveButton, submitButton, recuseButton].forEach(function (button) {
      if (button) button.disabled = busy;
    });
  }

  function closeSheet(status) {
    form.disabled = true;
    [saveButton, submitButton].forEach(function (button) {
      if (button) button.hidden = true;
    });
    var recusal = document.getElementById('recusal');
    if (recusal) recusal.hidden = true;
    document.querySelectorAll('.evidence-input, .evidence-upload').forEach(function (element) {
      element.hidden = true;
    });
    document.getElementById('sheet-status').textContent = page.text(status === 'recused' ? 'statusRecused' : 'statusSubmitted');
  }

  function send(mode) {
    setBusy(true);
    page.showStatus('progress', page.text(mode === 'draft' ? 'saving' : 'submitting'));
    var request = mode === 'draft' ? page.api('PUT', base + '/draft', { data: form.submission.data }) : page.api('POST', base, { data: form.submission.data, tableVersionId: data.tableVersionId });
    request.then(function (result) {
      setBusy(false);
      if (result.ok) {
        clearServerErrors();
        form.setAlert(false);
        if (result.body.data) form.setSubmission({ data: result.body.data });
        if (mode === 'draft') {
          page.showStatus('done', page.text('saved', { time: page.timeNow() }));
          return;
        }
        document.getElementById('sheet-total').textContent = result.body.totalText || '—';
        page.showStatus('done', page.text('submitted', { time: page.timeNow(), total: result.body.totalText || '—' }));
        closeSheet('submitted');
        return;
      }
      var body = result.body || {};
      if (result.status === 422 && Array.isArray(body.details) && ['SCORE_SHEET_INVALID', 'SCORE_EVIDENCE_REQUIRED', 'FORM_INVALID'].indexOf(body.code) >= 0) {
        showFieldErrors(body.details);
        page.showStatus('error', page.text('fixErrors', { count: body.details.length }), body.details.map(function (d) { return d.message; }));
        return;
      }
      page.showStatus('error', page.failureMessage(result));
    });
  }

  /** One file for one criterion: multipart with the session cookie and the CSRF token in its header. */
  function upload(criterion) {
    var input = document.querySelector('.evidence-input[data-criterion="' + criterion + '"]');
    if (!input || !input.files || !input.files.length) {
      page.showStatus('error', page.text('chooseFileFirst'));
      return;
    }
    var body = new window.FormData();
    body.append('criterion', criterion);
    body.append('file', input.files[0]);
    setBusy(true);
    page.showStatus('progress', page.text('uploading'));
    fetch('/inbox/tasks/' + data.taskId + '/score/evidence', { method: 'POST', credentials: 'same-origin', headers: { Accept: 'application/json', 'Accept-Language': data.language, 'X-CSRF-Token': csrfToken }, body: body })
      .then(function (response) {
        return response.json().then(
          function (parsed) { return { ok: response.ok, status: response.status, body: parsed }; },
          function () { return { ok: false, status: response.status, body: null }; },
        );
      }, function () { return { ok: false, status: 0, body: null }; })
      .then(function (result) {
        setBusy(false);
        if (!result.ok) {
          page.showStatus('error', page.failureMessage(result));
          return;
        }
        var item = result.body.evidence.filter(function (e) { return e.criterion === criterion; })[0];
        var list = document.querySelector('tr[data-criterion="' + criterion + '"] .evidence-files');
        list.textContent = '';
        item.files.forEach(function (file) {
          var entry = document.createElement('li');
          var link = document.createElement('a');
          link.href = file.url;
          link.textContent = file.name;
          entry.appendChild(link);
          list.appendChild(entry);
        });
        input.value = '';
        page.showStatus('done', page.text('uploaded', { name: item.files[item.files.length - 1].name }));
      });
  }

  function recuse() {
    var reason = document.getElementById('recusal-reason').value.trim();
    if (!reason) {
      page.showStatus('error', page.text('reasonRequired'));
      return;
    }
    setBusy(true);
    page.showStatus('progress', page.text('recusing'));
    page.api('POST', base + '/recusal', { reason: reason }).then(function (result) {
      setBusy(false);
      if (!result.ok) {
        page.showStatus('error', page.failureMessage(result));
        return;
      }
      page.showStatus('done', page.text('recused'));
      closeSheet('recused');
    });
  }

  var schema = Object.assign({}, data.schema, { components: withoutSubmitButtons(data.schema.components) });
  var host = document.getElementById('score-sheet');
  host.textContent = '';
  page.keepAccessible(host);
  Formio.createForm(host, schema, page.formioOptions({ readOnly: !data.canSubmit })).then(function (instance) {
    form = instance;
    form.nosubmit = true;
    return form.setSubmission({ data: data.data || {} }).then(function () {
      if (saveButton) saveButton.disabled = !data.canSubmit;
      if (submitButton) submitButton.disabled = !data.canSubmit;
      document.body.setAttribute('data-form-ready', 'true');
    });
  });

  if (saveButton) saveButton.addEventListener('click', function () { send('draft'); });
  if (submitButton) submitButton.addEventListener('click', function () { send('submit'); });
  // Rendered disabled, like the form's buttons: enabled once a click does something.
  if (recuseButton) {
    recuseButton.addEventListener('click', recuse);
    recuseButton.disabled = false;
  }
  document.querySelectorAll('.evidence-upload').forEach(function (button) {
    button.addEventListener('click', function () { upload(button.getAttribute('data-criterion')); });
    button.disabled = false;
  });
})();
