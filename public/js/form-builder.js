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

  function isEqual(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
  }

  /** Components of a schema by their path of keys (layout keys included), to find each one's original. */
  function indexByPath(components, prefix, index) {
    (components || []).forEach(function (component) {
      if (!component || typeof component !== 'object') return;
      var path = prefix + (component.key || '');
      index[path] = component;
      indexByPath(component.components, path + '.', index);
      (component.columns || []).forEach(function (column, c) { indexByPath(column && column.components, path + '.' + c + '.', index); });
    });
    return index;
  }

  /** Keys of the components an administrator added or edited in this page (the settings dialog's Save). */
  var edited = {};

  function isEmptySetting(value) {
    return value === false || value === '' || value === null || (Array.isArray(value) && !value.length) || (typeof value === 'object' && value !== null && !Object.keys(value).length);
  }

  /**
   * The builder writes every setting it knows into each component, defaults included. Components nobody edited
   * keep their stored settings; an edited one drops the settings it did not have that the builder merely filled
   * with Form.io's default (or an empty value). So versions differ only where an administrator changed something,
   * and their diff says exactly that.
   */
  function withoutAddedDefaults(components, originals, prefix) {
    return (components || []).map(function (component) {
      if (!component || typeof component !== 'object') return component;
      var path = prefix + (component.key || '');
      var original = originals[path];
      var result;
      if (original && !edited[component.key]) {
        result = {};
        Object.keys(original).forEach(function (name) {
          if (name !== 'components' && name !== 'columns') result[name] = original[name];
        });
      } else {
        var type = Formio.Components.components[component.type];
        var defaults = type && typeof type.schema === 'function' ? type.schema() : {};
        result = {};
        Object.keys(component).forEach(function (name) {
          var value = component[name];
          var added = !original || !(name in original);
          if (added && name !== 'type' && name !== 'key' && name !== 'input' && ((name in defaults && isEqual(value, defaults[name])) || isEmptySetting(value))) return;
          result[name] = value;
        });
      }
      if (Array.isArray(component.components)) result.components = withoutAddedDefaults(component.components, originals, path + '.');
      if (Array.isArray(component.columns)) {
        result.columns = component.columns.map(function (column, c) {
          var base = original && !edited[component.key] && original.columns && original.columns[c] ? original.columns[c] : column;
          return Object.assign({}, base, { components: withoutAddedDefaults(column.components, originals, path + '.' + c + '.') });
        });
      }
      return result;
    });
  }

  /** The draft as it stands in the builder: the stored draft's other properties kept, its components replaced. */
  function currentSchema() {
    var originals = indexByPath(data.draft.components, '', {});
    return Object.assign({}, data.draft, { components: withoutAddedDefaults(builder.schema.components, originals, '') });
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
    page.keepAccessible(host);
    Formio.createForm(host, currentSchema(), page.formioOptions());
  });

  var host = document.getElementById('builder');
  host.textContent = '';
  page.keepAccessible(host);
  // Form.io fills in the object it is given; the page keeps its own copy of the stored draft to compare with.
  Formio.builder(host, JSON.parse(JSON.stringify(data.draft)), page.formioOptions({ noDefaultSubmitButton: true })).then(function (instance) {
    builder = instance;
    instance.on('saveComponent', function (component, original) {
      if (component && component.key) edited[component.key] = true;
      if (original && original.key) edited[original.key] = true;
    });
    instance.on('addComponent', function (component) {
      if (component && component.key) edited[component.key] = true;
    });
    saveButton.disabled = false;
    publishButton.disabled = false;
    previewButton.disabled = false;
    document.body.setAttribute('data-builder-ready', 'true');
  });
})();
