/*
 * Shared by the pages that run Form.io: the page's data, Form.io pointed at this server for every library it
 * would otherwise fetch from cdn.form.io, calls to the JSON API with the session cookie, and the status line.
 */
(function () {
  'use strict';

  var pageData = JSON.parse(document.getElementById('page-data').textContent);

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

  // The JSON API with the session and the CSRF token: page-api.js, loaded before this script.
  var api = window.thiduaApi;

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

  /**
   * Mends what Form.io's templates get wrong for assistive technology (axe-core finds each as a serious violation):
   * the help icon is focusable without a role or a name, a field's label hidden from screen readers holds that icon,
   * a group of check boxes claims aria-required, a read-only text area is a nameless textbox, read-only headers carry
   * aria-expanded, read-only choices show their text in a span no input is labelled by, and the builder's palette calls
   * itself a tablist of things that are not tabs.
   */
  var mendedLabels = 0;
  function mendAccessibility(root) {
    root.querySelectorAll('[ref="tooltip"]:not([role])').forEach(function (icon) {
      // Named by what it is, described by its help: a name holding the help would read as the field's label.
      icon.setAttribute('role', 'button');
      icon.setAttribute('aria-label', text('fieldHelp'));
      var help = icon.getAttribute('data-tooltip') || icon.getAttribute('data-title');
      if (help) icon.setAttribute('aria-description', help);
    });
    root.querySelectorAll('label[aria-hidden="true"]').forEach(function (label) {
      if (label.querySelector('[tabindex]:not([tabindex="-1"])')) label.removeAttribute('aria-hidden');
    });
    root.querySelectorAll('[role="group"][aria-required]').forEach(function (group) {
      group.removeAttribute('aria-required');
    });
    root.querySelectorAll('[role="textbox"]:not([aria-label]):not([aria-labelledby])').forEach(function (box) {
      var component = box.closest('.formio-component');
      var label = component && component.querySelector('label');
      if (!label) return;
      if (!label.id) label.id = 'mended-label-' + ++mendedLabels;
      box.setAttribute('aria-labelledby', label.id);
    });
    root.querySelectorAll('[role="presentation"][aria-expanded]').forEach(function (header) {
      header.removeAttribute('aria-expanded');
      header.removeAttribute('aria-controls');
    });
    root.querySelectorAll('.form-check').forEach(function (choice) {
      var input = choice.querySelector('input.form-check-input[id]');
      var caption = choice.querySelector('span.form-check-label');
      if (!input || !caption || input.labels.length || input.hasAttribute('aria-labelledby')) return;
      caption.id = input.id + '-caption';
      input.setAttribute('aria-labelledby', caption.id);
    });
    root.querySelectorAll('.builder-sidebar[role="tablist"]').forEach(function (palette) {
      palette.removeAttribute('role');
    });
  }

  /** Keeps `host` mended as Form.io renders and redraws into it. */
  function keepAccessible(host) {
    mendAccessibility(host);
    new window.MutationObserver(function () {
      mendAccessibility(host);
    }).observe(host, { childList: true, subtree: true });
  }

  window.thiduaFormPage = {
    data: pageData,
    keepAccessible: keepAccessible,
    text: text,
    formioOptions: formioOptions,
    api: api,
    showStatus: showStatus,
    failureMessage: failureMessage,
    timeNow: timeNow,
  };
})();
