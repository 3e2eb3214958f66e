/*
 * The signing and passkey pages: what a plain form cannot do. It runs the browser's WebAuthn ceremonies through
 * @simplewebauthn/browser (loaded before this script as the global SimpleWebAuthnBrowser) and reads chosen files
 * into hidden fields; the forms then post as usual, and the server answers with the page and its message.
 */
(function () {
  'use strict';

  var pageData = JSON.parse(document.getElementById('signing-data').textContent);
  var csrfToken = document.querySelector('meta[name="csrf-token"]').getAttribute('content');
  var webauthn = window.SimpleWebAuthnBrowser;

  function text(key, params) {
    var template = pageData.texts[key] || key;
    return template.replace(/\{(\w+)\}/g, function (match, name) {
      return params && name in params ? String(params[name]) : match;
    });
  }

  function showStatus(id, kind, message) {
    var element = document.getElementById(id);
    if (!element) return;
    element.className = 'form-status' + (kind === 'error' ? ' is-error' : '');
    element.textContent = message;
  }

  /** What the browser's WebAuthn error means for the person, in the page language. */
  function ceremonyMessage(error) {
    var name = error && (error.name === 'WebAuthnError' && error.cause ? error.cause.name : error.name);
    if (name === 'NotAllowedError' || name === 'AbortError') return text('passkeyCancelled');
    return text('passkeyFailed', { reason: (error && error.message) || String(error) });
  }

  function supported() {
    return Boolean(webauthn && webauthn.browserSupportsWebAuthn());
  }

  /** A file's bytes as base64, for a hidden field. */
  function readBase64(file) {
    return file.arrayBuffer().then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var binary = '';
      for (var index = 0; index < bytes.length; index += 0x8000) binary += String.fromCharCode.apply(null, bytes.subarray(index, index + 0x8000));
      return window.btoa(binary);
    });
  }

  function readText(file) {
    return file.text();
  }

  function hidden(form, name) {
    return form.querySelector('input[type="hidden"][name="' + name + '"]');
  }

  // Signing page: the passkey signs the statement rendered with the page (its hash is the challenge). The ceremony
  // buttons are rendered disabled and enabled once their handler is attached: before that, a click would do nothing.
  var passkeyButton = document.getElementById('passkey-sign');
  if (passkeyButton && pageData.passkey) {
    passkeyButton.addEventListener('click', function () {
      if (!supported()) return showStatus('passkey-status', 'error', text('passkeyUnsupported'));
      var form = document.getElementById('passkey-form');
      passkeyButton.disabled = true;
      showStatus('passkey-status', 'progress', text('passkeyWorking'));
      webauthn.startAuthentication({ optionsJSON: pageData.passkey.options }).then(
        function (response) {
          hidden(form, 'statement').value = pageData.passkey.statement;
          hidden(form, 'response').value = JSON.stringify(response);
          form.submit();
        },
        function (error) {
          passkeyButton.disabled = false;
          showStatus('passkey-status', 'error', ceremonyMessage(error));
        },
      );
    });
    passkeyButton.disabled = false;
  }

  /**
   * A form whose file inputs fill its hidden fields before it posts. Its button is rendered disabled and enabled here,
   * so that a click before this script has run cannot post the form without its files.
   */
  function withFiles(formId, statusId, missingKey, fill) {
    var form = document.getElementById(formId);
    if (!form) return;
    var ready = false;
    form.addEventListener('submit', function (event) {
      if (ready) return;
      event.preventDefault();
      fill(form).then(
        function (complete) {
          if (!complete) return showStatus(statusId, 'error', text(missingKey));
          ready = true;
          form.submit();
        },
        function () {
          showStatus(statusId, 'error', text(missingKey));
        },
      );
    });
    form.querySelector('button[type="submit"]').disabled = false;
  }

  withFiles('x509-form', 'x509-status', 'filesMissing', function (form) {
    var statement = document.getElementById('x509-statement').files[0];
    var signature = document.getElementById('x509-signature').files[0];
    if (!statement || !signature) return Promise.resolve(false);
    return Promise.all([readText(statement), readBase64(signature)]).then(function (values) {
      hidden(form, 'statement').value = values[0];
      hidden(form, 'signature').value = values[1];
      return true;
    });
  });

  withFiles('paper-form', 'paper-status', 'scanMissing', function (form) {
    var scan = document.getElementById('paper-scan').files[0];
    if (!scan) return Promise.resolve(false);
    return readBase64(scan).then(function (value) {
      hidden(form, 'scan').value = value;
      return true;
    });
  });

  // Account page: fresh registration options from the page's own route, the ceremony, then the form posts the answer.
  var registerButton = document.getElementById('passkey-register');
  if (registerButton) {
    registerButton.addEventListener('click', function () {
      var form = document.getElementById('passkey-register-form');
      if (!form.reportValidity()) return;
      if (!supported()) return showStatus('register-status', 'error', text('passkeyUnsupported'));
      registerButton.disabled = true;
      showStatus('register-status', 'progress', text('registerWorking'));
      fetch('/account/passkeys/options', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { Accept: 'application/json', 'Accept-Language': pageData.language, 'X-CSRF-Token': csrfToken },
      })
        .then(function (response) {
          return response.json().then(function (body) {
            if (!response.ok) throw new Error((body && body.message) || text('networkError'));
            return body;
          });
        })
        .then(function (start) {
          return webauthn.startRegistration({ optionsJSON: start.options }).then(
            function (response) {
              hidden(form, 'ticket').value = start.ticket;
              hidden(form, 'response').value = JSON.stringify(response);
              form.submit();
            },
            function (error) {
              throw new Error(ceremonyMessage(error));
            },
          );
        })
        .catch(function (error) {
          registerButton.disabled = false;
          showStatus('register-status', 'error', error instanceof SyntaxError ? text('networkError') : error.message);
        });
    });
    registerButton.disabled = false;
  }
})();
