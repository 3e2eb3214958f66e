/*
 * The workflow editor page: the draft's JSON is checked by the server as it changes (every problem at its path, a
 * click away from its place in the text), completed as it is typed (json-completion.js, with the words of the
 * document's schema and this draft's stages), and its diagram drawn with Mermaid from this server; a form adds a
 * stage; "Save" and "Publish" go through the workflow definitions API with the session's CSRF token.
 */
(function () {
  'use strict';

  var page = JSON.parse(document.getElementById('page-data').textContent);
  var textarea = document.getElementById('workflow-json');
  var statusLine = document.getElementById('editor-status');
  var problemsList = document.getElementById('problems');
  var diagram = document.getElementById('diagram');
  var diagramSource = document.getElementById('diagram-source');
  var saveButton = document.getElementById('save-draft');
  var publishButton = document.getElementById('publish');
  var addForm = document.getElementById('add-stage');
  var savedText = textarea.value;
  var lastDocument = null;
  var problemCount = 0;
  var checkTimer = null;
  var checkSequence = 0;
  var diagramSequence = 0;

  window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', flowchart: { htmlLabels: false } });

  function text(key, params) {
    return (page.texts[key] || key).replace(/\{(\w+)\}/g, function (match, name) {
      return params && name in params ? String(params[name]) : match;
    });
  }

  function say(message, kind) {
    statusLine.textContent = message;
    statusLine.className = kind === 'error' ? 'alert' : kind === 'done' ? 'flash' : '';
  }

  // The JSON API with the session and the CSRF token: page-api.js, loaded before this script.
  var api = window.thiduaApi;

  function failureMessage(result) {
    return text('failed', { message: (result.body && result.body.message) || String(result.status) });
  }

  function updateButtons() {
    var valid = lastDocument !== null;
    if (saveButton) saveButton.disabled = !valid || textarea.value === savedText;
    if (publishButton) publishButton.disabled = !valid || problemCount > 0;
  }

  var completion = window.thiduaJsonCompletion;

  /** A problem's path is a button that puts the cursor where the problem is in the JSON. */
  function problemPath(problem) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'problem-path';
    button.textContent = problem.path;
    button.addEventListener('click', function () {
      if (typeof problem.offset === 'number') {
        textarea.focus();
        textarea.setSelectionRange(problem.offset, problem.offset + 1);
      } else {
        completion.reveal(textarea, problem.path);
      }
    });
    return button;
  }

  function showProblems(problems) {
    problemsList.textContent = '';
    problemCount = problems.length;
    problems.forEach(function (problem) {
      var item = document.createElement('li');
      item.appendChild(problemPath(problem));
      item.appendChild(document.createTextNode(' ' + problem.message + (problem.code ? ' (' + problem.code + ')' : '')));
      problemsList.appendChild(item);
    });
    if (!problems.length) {
      var none = document.createElement('li');
      none.className = 'muted';
      none.textContent = text('noProblems');
      problemsList.appendChild(none);
    }
    updateButtons();
  }

  function drawDiagram(source) {
    diagramSource.textContent = source || '';
    if (!source) {
      diagram.textContent = text('diagramFailed');
      return;
    }
    var sequence = ++diagramSequence;
    window.mermaid.render('workflow-diagram-' + sequence, source).then(
      function (result) {
        if (sequence !== diagramSequence) return;
        diagram.innerHTML = result.svg;
        diagram.setAttribute('data-drawn', String(sequence));
      },
      function () {
        if (sequence === diagramSequence) diagram.textContent = text('diagramFailed');
      },
    );
  }

  /** The stage keys of the document, for the add-stage form's selects. */
  function fillStageSelects(documentValue) {
    if (!addForm) return;
    var keys = documentValue && documentValue.stages && typeof documentValue.stages === 'object' ? Object.keys(documentValue.stages) : [];
    ['stage-after', 'stage-then'].forEach(function (id) {
      var select = document.getElementById(id);
      var chosen = select.value;
      select.textContent = '';
      select.appendChild(new window.Option('', ''));
      keys.forEach(function (key) {
        select.appendChild(new window.Option(key, key, false, key === chosen));
      });
    });
  }

  /** Where the JSON breaks, by line and column (the browser's own message is in its language, not the page's). */
  function syntaxProblem(error) {
    var position = /position (\d+)/.exec(error.message);
    if (!position) return { path: '$', message: text('jsonInvalid', { message: error.message }), code: 'JSON' };
    var offset = Number(position[1]);
    var lines = textarea.value.slice(0, offset).split('\n');
    return { path: '$', offset: offset, message: text('jsonAt', { line: lines.length, column: lines[lines.length - 1].length + 1 }), code: 'JSON' };
  }

  /** The stages written so far, with their type and name, read from the text even while it does not parse. */
  function stagesNow() {
    var stages = {};
    var order = [];
    completion.stringsOf(textarea.value).forEach(function (found) {
      var path = found.path;
      if (path[0] !== 'stages') return;
      if (path.length === 1 && found.position === 'key' && !stages[found.value]) {
        stages[found.value] = { value: found.value };
        order.push(found.value);
      }
      var stage = stages[path[1]];
      if (!stage || found.position !== 'value') return;
      if (path.length === 3 && path[2] === 'type') stage.type = found.value;
      if (path[2] === 'name' && (path.length === 3 || path[3] === page.language || (path[3] === 'vi' && !stage.label))) stage.label = found.value;
    });
    return order.map(function (key) {
      return stages[key];
    });
  }

  /** What to suggest where the cursor is: keys of the object being written, or values of the key being set. */
  function suggest(context) {
    var vocabulary = page.vocabulary;
    var path = context.path;
    var inStage = path[0] === 'stages' && path.length >= 2;
    var stage = inStage ? stagesNow().filter(function (s) { return s.value === path[1]; })[0] : null;
    if (context.position === 'key') {
      if (path.length === 0) return vocabulary.documentKeys;
      if (inStage && path.length === 2) return vocabulary.stageKeys;
      if (inStage && (path[2] === 'due' || path[path.length - 1] === 'before')) return vocabulary.dueKeys;
      if (inStage && path[2] === 'reminders' && path.length === 4) return [{ value: 'before' }];
      if (inStage && path[2] === 'on' && path.length === 3) {
        return ((stage && page.outcomes[stage.type]) || []).map(function (outcome) {
          return { value: outcome };
        });
      }
      return [];
    }
    var key = path[path.length - 1];
    if (path.length === 1 && key === 'start') return stagesNow();
    if (path.length === 1 && key === 'subject') return vocabulary.enums.subject;
    if (!inStage) return [];
    if (path.length === 3 && key === 'type') return vocabulary.stageTypes;
    if (path.length === 3 && (key === 'fanOut' || key === 'onDeadline')) return vocabulary.enums[key];
    if (path[2] === 'assignees' && path.length === 4) return vocabulary.assignees;
    // The next stage: `"on": { "approved": "…" }`, or `{ "to": "…" }` alone or in a list.
    if (path[2] === 'on' && (path.length === 4 || key === 'to')) return stagesNow();
    return [];
  }

  if (!textarea.readOnly) completion.attach(textarea, suggest, { label: text('completionList') });

  function check() {
    var parsed;
    try {
      parsed = JSON.parse(textarea.value);
    } catch (error) {
      lastDocument = null;
      showProblems([syntaxProblem(error)]);
      return Promise.resolve();
    }
    lastDocument = parsed;
    fillStageSelects(parsed);
    var sequence = ++checkSequence;
    if (!statusLine.textContent) say(text('checking'));
    return api('POST', '/api/v1/workflow-documents/check', { document: parsed }).then(function (result) {
      if (sequence !== checkSequence) return;
      if (!result.ok) {
        say(failureMessage(result), 'error');
        return;
      }
      // Only the check's own "checking…" is cleared: a save's or a publication's message stays.
      if (statusLine.textContent === text('checking')) say('');
      showProblems(result.body.problems);
      drawDiagram(result.body.mermaid);
    });
  }

  function scheduleCheck() {
    window.clearTimeout(checkTimer);
    // The text changed: what the status said of the last save or publication no longer holds.
    say('');
    updateButtons();
    checkTimer = window.setTimeout(check, 400);
  }

  /**
   * Saves what the box holds now, not what the last check saw: a click within the check's delay after typing must not
   * save (or publish) the text as it was before. The check then runs at once on the saved text.
   */
  function save() {
    window.clearTimeout(checkTimer);
    var sent = textarea.value;
    var documentNow;
    try {
      documentNow = JSON.parse(sent);
    } catch {
      check();
      return Promise.resolve(false);
    }
    lastDocument = documentNow;
    return api('PUT', '/api/v1/workflow-definitions/' + page.definitionId + '/draft', { document: documentNow }).then(function (result) {
      if (!result.ok) {
        say(failureMessage(result), 'error');
        return false;
      }
      savedText = sent;
      updateButtons();
      check();
      return true;
    });
  }

  textarea.addEventListener('input', scheduleCheck);

  if (saveButton) {
    saveButton.addEventListener('click', function () {
      save().then(function (saved) {
        if (saved) say(text('saved'), 'done');
      });
    });
  }

  if (publishButton) {
    publishButton.addEventListener('click', function () {
      publishButton.disabled = true;
      save().then(function (saved) {
        if (!saved) return updateButtons();
        return api('POST', '/api/v1/workflow-definitions/' + page.definitionId + '/publish').then(function (result) {
          updateButtons();
          if (!result.ok) {
            say(failureMessage(result), 'error');
            if (result.body && Array.isArray(result.body.details)) showProblems(result.body.details);
            return;
          }
          var number = result.body.version ? result.body.version.number : '';
          say(text(result.status === 201 ? 'published' : 'unchanged', { number: number }), 'done');
        });
      });
    });
  }

  if (addForm) {
    addForm.addEventListener('submit', function (event) {
      event.preventDefault();
      if (lastDocument === null || typeof lastDocument.stages !== 'object' || lastDocument.stages === null) return;
      var field = function (name) {
        return addForm.elements[name].value.trim();
      };
      var key = field('key');
      if (Object.prototype.hasOwnProperty.call(lastDocument.stages, key)) {
        say(text('stageExists', { key: key }), 'error');
        return;
      }
      var type = field('type');
      var stage = { type: type };
      if (field('name')) stage.name = { vi: field('name') };
      if (field('assignee')) stage.assignees = [field('assignee')];
      if (addForm.elements.fanOut.checked) stage.fanOut = 'each-member';
      if (field('due')) stage.due = { workingDays: Number(field('due')) };
      var firstOutcome = (page.outcomes[type] || [])[0];
      if (field('then') && firstOutcome) {
        stage.on = {};
        stage.on[firstOutcome] = field('then');
      }
      lastDocument.stages[key] = stage;
      var after = field('after');
      var outcome = field('outcome');
      if (after && outcome && lastDocument.stages[after]) {
        lastDocument.stages[after].on = lastDocument.stages[after].on || {};
        lastDocument.stages[after].on[outcome] = key;
      }
      textarea.value = JSON.stringify(lastDocument, null, 2);
      addForm.reset();
      say(text('stageAdded', { key: key }), 'done');
      window.clearTimeout(checkTimer);
      check();
    });
  }

  check().then(function () {
    if (addForm) document.getElementById('add-stage-button').disabled = false;
    updateButtons();
  });
})();
