/*
 * Filling a task's form (and viewing a submission): the form in its pinned version with the saved data;
 * "Save draft" and "Submit" send the data to the server, which alone decides. Its errors come back with a
 * data path each and are shown on the fields they belong to.
 */
(function () {
  'use strict';

  var page = window.thiduaFormPage;
  var data = page.data;
  var saveButton = document.getElementById('save-draft');
  var submitButton = document.getElementById('submit-form');
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
        if (Array.isArray(copy.columns)) {
          copy.columns = copy.columns.map(function (column) {
            return Object.assign({}, column, { components: withoutSubmitButtons(column.components) });
          });
        }
        return copy;
      });
  }

  /** Removes the server's errors of an earlier attempt from the components that showed them. */
  function clearServerErrors() {
    form.everyComponent(function (component) {
      if (component.serverErrors && component.serverErrors.length) {
        component.serverErrors = [];
        component.setCustomValidity([], false);
      }
    });
  }

  /**
   * The server's field errors as Form.io shows its own: on the component at each path and in the form's alert.
   * Each carries its component, so that Form.io's own error for the same field and rule is not listed twice.
   */
  function showFieldErrors(details) {
    clearServerErrors();
    var errors = details.map(function (error) {
      var component = form.getComponent(error.path);
      return {
        message: error.message,
        path: error.path,
        fromServer: true,
        component: component ? component.component : undefined,
        context: { path: error.path, validator: error.validator, hasLabel: true },
      };
    });
    form.showErrors(errors, true);
  }

  function setBusy(busy) {
    if (saveButton) saveButton.disabled = busy;
    if (submitButton) submitButton.disabled = busy;
  }

  function send(mode) {
    setBusy(true);
    page.showStatus('progress', page.text(mode === 'draft' ? 'saving' : 'submitting'));
    var url = '/api/v1/tasks/' + data.taskId + '/form/' + (mode === 'draft' ? 'draft' : 'submit');
    var body = mode === 'draft' ? { data: form.submission.data } : { data: form.submission.data, formVersionId: data.formVersionId };
    page.api(mode === 'draft' ? 'PUT' : 'POST', url, body).then(function (result) {
      setBusy(false);
      if (result.ok) {
        clearServerErrors();
        form.setAlert(false);
        var key = mode === 'draft' ? 'saved' : result.body.late ? 'submittedLate' : 'submitted';
        page.showStatus('done', page.text(key, { time: page.timeNow() }));
        // The server's cleaned data is what was stored: show exactly that.
        if (result.body.data) form.setSubmission({ data: result.body.data });
        document.getElementById('submission-status').textContent = page.text(result.body.status === 'submitted' ? 'statusSubmitted' : 'statusDraft');
        if (!result.body.canSubmit) {
          // Done for good (no resubmission): the form stays on screen, read-only, without its buttons.
          form.disabled = true;
          if (saveButton) saveButton.hidden = true;
          if (submitButton) submitButton.hidden = true;
        }
        return;
      }
      if (result.status === 422 && result.body && result.body.code === 'FORM_INVALID' && Array.isArray(result.body.details)) {
        showFieldErrors(result.body.details);
        page.showStatus('error', page.text('fixErrors', { count: result.body.details.length }));
        return;
      }
      page.showStatus('error', page.failureMessage(result));
    });
  }

  var schema = Object.assign({}, data.schema, { components: withoutSubmitButtons(data.schema.components) });
  var host = document.getElementById('task-form');
  host.textContent = '';
  page.keepAccessible(host);
  Formio.createForm(host, schema, page.formioOptions({ readOnly: !data.canSubmit })).then(function (instance) {
    form = instance;
    // Stop Form.io's own submission (Enter in a field): only our buttons send, and only to this server.
    form.nosubmit = true;
    return form.setSubmission({ data: data.data || {} }).then(function () {
      if (saveButton) saveButton.disabled = !data.canSubmit;
      if (submitButton) submitButton.disabled = !data.canSubmit;
      document.body.setAttribute('data-form-ready', 'true');
    });
  });

  if (saveButton) saveButton.addEventListener('click', function () { send('draft'); });
  if (submitButton) submitButton.addEventListener('click', function () { send('submit'); });
})();
