/*
 * The form builder page: Form.io's builder on the form's draft; "Save draft" and "Publish" go through the
 * forms API (publishing saves the draft first), "Preview" renders the schema being edited.
 */
(function () {
  'use strict';

  var page = window.thiduaFormPage;
  var data = page.data;
  var saveButton = document.getElementById('save-draft');
  var publishButton = document.getElementById('publish');
  var previewButton = document.getElementById('toggle-preview');
  var previewSection = document.getElementById('preview');
  var builder;

  /** The draft as it stands in the builder: the stored draft's other properties kept, its components replaced. */
  function currentSchema() {
    return Object.assign({}, data.draft, { components: builder.schema.components });
  }

  function setBusy(busy) {
    saveButton.disabled = busy;
    publishButton.disabled = busy;
  }

  function saveDraft() {
    return page.api('PUT', '/api/v1/forms/' + data.formId + '/draft', { schema: currentSchema() }).then(function (result) {
      if (result.ok) {
        data.draft = result.body.draft;
        document.getElementById('draft-state').textContent = result.body.draftPublished ? '✓' : '•';
      }
      return result;
    });
  }

  function problemsOf(result) {
    var details = result.body && Array.isArray(result.body.details) ? result.body.details : [];
    return details.map(function (problem) {
      return (problem.path ? problem.path + ': ' : '') + (problem.message || problem.code);
    });
  }

  saveButton.addEventListener('click', function () {
    setBusy(true);
    page.showStatus('progress', page.text('saving'));
    saveDraft().then(function (result) {
      setBusy(false);
      if (result.ok) page.showStatus('done', page.text('saved', { time: page.timeNow() }));
      else page.showStatus('error', page.failureMessage(result), problemsOf(result));
    });
  });

  publishButton.addEventListener('click', function () {
    setBusy(true);
    page.showStatus('progress', page.text('publishing'));
    saveDraft()
      .then(function (saved) {
        if (!saved.ok) return saved;
        return page.api('POST', '/api/v1/forms/' + data.formId + '/publish');
      })
      .then(function (result) {
        setBusy(false);
        if (!result.ok) {
          var problems = problemsOf(result);
          var message = result.status === 422 && problems.length ? page.text('problems', { count: problems.length }) : page.failureMessage(result);
          page.showStatus('error', message, problems);
          return;
        }
        var number = result.body.version.number;
        page.showStatus('done', page.text(result.body.created ? 'published' : 'unchanged', { number: number }));
        document.getElementById('latest-version').textContent = String(number);
        // The versions table is drawn by the server: reload it, keeping the message, after a new version.
        if (result.body.created) window.setTimeout(function () { window.location.reload(); }, 1200);
      });
  });

  previewButton.addEventListener('click', function () {
    var opening = previewSection.hidden;
    previewSection.hidden = !opening;
    previewButton.setAttribute('aria-expanded', String(opening));
    if (!opening) return;
    var host = document.getElementById('preview-form');
    host.textContent = '';
    Formio.createForm(host, currentSchema(), page.formioOptions());
  });

  var host = document.getElementById('builder');
  host.textContent = '';
  Formio.builder(host, data.draft, page.formioOptions({ noDefaultSubmitButton: true })).then(function (instance) {
    builder = instance;
    saveButton.disabled = false;
    publishButton.disabled = false;
    previewButton.disabled = false;
    document.body.setAttribute('data-builder-ready', 'true');
  });
})();
