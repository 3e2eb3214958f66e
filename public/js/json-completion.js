/*
 * Completion for JSON typed in a textarea: where the cursor is (the path of the object or value being written, even in
 * half-written JSON), a list of suggestions under the caret (Ctrl+Space, or as a string is typed), and the way back from
 * a problem's JSON path to its place in the text. The page says what to suggest for a path; this knows only JSON.
 */
(function () {
  'use strict';

  /**
   * Reads the text up to `offset` and says where the cursor is: `path` (keys and indexes from the root), whether a
   * key or a value is being written there, the part already typed (`prefix`) and where that part begins.
   */
  function contextAt(text, offset, visit) {
    var stack = [];
    var i = 0;
    while (i < offset) {
      var c = text[i];
      if (c === '"') {
        var end = i + 1;
        while (end < offset && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
        if (end >= offset) return atCursor(stack, text.slice(i + 1, offset), i);
        var value = text.slice(i + 1, end);
        if (visit) visit(atCursor(stack, null, i), value);
        var top = stack[stack.length - 1];
        if (top && top.kind === 'object' && top.expect === 'key') {
          top.key = value;
          top.expect = 'colon';
        } else if (top) {
          top.expect = 'comma';
        }
        i = end + 1;
        continue;
      }
      var frame = stack[stack.length - 1];
      if (c === '{' || c === '[') {
        stack.push(c === '{' ? { kind: 'object', expect: 'key', key: null } : { kind: 'array', expect: 'value', index: 0 });
      } else if (c === '}' || c === ']') {
        stack.pop();
        if (stack.length) stack[stack.length - 1].expect = 'comma';
      } else if (c === ':' && frame && frame.kind === 'object') {
        frame.expect = 'value';
      } else if (c === ',' && frame) {
        if (frame.kind === 'object') frame.expect = 'key';
        else {
          frame.index += 1;
          frame.expect = 'value';
        }
      } else if (frame && /[^\s]/.test(c) && frame.expect === 'value') {
        frame.expect = 'comma';
      }
      i += 1;
    }
    return atCursor(stack, null, offset);
  }

  function atCursor(stack, typed, from) {
    var path = [];
    stack.forEach(function (frame, index) {
      var last = index === stack.length - 1;
      if (frame.kind === 'array') path.push(frame.index);
      else if (!last || frame.expect !== 'key') path.push(frame.key);
    });
    var top = stack[stack.length - 1];
    var inKey = Boolean(top && top.kind === 'object' && top.expect === 'key');
    var inValue = Boolean(top && top.expect === 'value');
    return { path: path, position: inKey ? 'key' : inValue ? 'value' : 'none', prefix: typed || '', from: from, quoted: typed !== null };
  }

  /**
   * Every complete string of the text, key or value, with its context: what half-written JSON already says (the
   * stages named so far and their types), where JSON.parse sees nothing yet.
   */
  function stringsOf(text) {
    var found = [];
    contextAt(text, text.length, function (context, value) {
      found.push({ path: context.path, position: context.position, value: value });
    });
    return found;
  }

  /** The key whose opening quote is at `start`, unescaped; null when it does not close. */
  function keyAt(text, start) {
    var end = start + 1;
    while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
    try {
      return JSON.parse(text.slice(start, end + 1));
    } catch {
      return null;
    }
  }

  /** Where a path such as `$.stages["legal-review"].on` is written in the text: the start of its key, or null. */
  function offsetOfPath(text, jsonPath) {
    var segments = [];
    String(jsonPath)
      .replace(/^\$/, '')
      .replace(/\.([A-Za-z_$][\w$]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g, function (match, name, index, quoted) {
        segments.push(name !== undefined ? name : index !== undefined ? Number(index) : JSON.parse('"' + quoted + '"'));
        return '';
      });
    if (!segments.length) return 0;
    var best = null;
    for (var i = 0; i < text.length; i++) {
      if (text[i] !== '"' && !/[\d[{tfn-]/.test(text[i])) continue;
      var context = contextAt(text, i);
      var target = segments[segments.length - 1];
      if (context.quoted || context.position !== (typeof target === 'number' ? 'value' : 'key')) continue;
      // An array item's path ends with its index already; a key is read from the text.
      var path = typeof target === 'number' ? context.path : context.path.concat([keyAt(text, i)]);
      var same = path.length === segments.length && path.every(function (part, n) {
        return part === segments[n];
      });
      if (same) {
        best = i;
        break;
      }
    }
    return best;
  }

  /** The caret's place inside the textarea, from a hidden copy of its text laid out the same way. */
  function caretPoint(textarea, offset) {
    var style = window.getComputedStyle(textarea);
    var mirror = document.createElement('div');
    ['boxSizing', 'width', 'fontFamily', 'fontSize', 'fontWeight', 'lineHeight', 'letterSpacing', 'paddingTop', 'paddingLeft', 'paddingRight', 'borderTopWidth', 'borderLeftWidth', 'tabSize'].forEach(function (name) {
      mirror.style[name] = style[name];
    });
    mirror.style.position = 'absolute';
    mirror.style.visibility = 'hidden';
    mirror.style.whiteSpace = 'pre-wrap';
    mirror.style.overflowWrap = 'break-word';
    mirror.textContent = textarea.value.slice(0, offset);
    var marker = document.createElement('span');
    marker.textContent = '\u200b';
    mirror.appendChild(marker);
    document.body.appendChild(mirror);
    var point = { left: marker.offsetLeft, top: marker.offsetTop + marker.offsetHeight };
    document.body.removeChild(mirror);
    return { left: point.left - textarea.scrollLeft, top: point.top - textarea.scrollTop };
  }

  /**
   * Adds completion to a textarea: a textbox with aria-autocomplete and an active descendant (a combobox is one line).
   * `suggest(context)` answers `[{ value, label }]` for a context from contextAt; `texts.label` names the list.
   */
  function attach(textarea, suggest, texts) {
    var list = document.createElement('ul');
    list.id = textarea.id + '-completion';
    list.className = 'json-completion';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', texts.label);
    list.hidden = true;
    textarea.parentNode.style.position = 'relative';
    textarea.parentNode.insertBefore(list, textarea.nextSibling);
    textarea.setAttribute('aria-autocomplete', 'list');
    textarea.setAttribute('aria-controls', list.id);

    var items = [];
    var active = 0;
    var context = null;

    function close() {
      list.hidden = true;
      items = [];
      textarea.removeAttribute('aria-activedescendant');
    }

    function highlight(index) {
      active = (index + items.length) % items.length;
      Array.prototype.forEach.call(list.children, function (option, n) {
        option.setAttribute('aria-selected', n === active ? 'true' : 'false');
      });
      textarea.setAttribute('aria-activedescendant', list.id + '-' + active);
      list.children[active].scrollIntoView({ block: 'nearest' });
    }

    function open(explicit) {
      context = contextAt(textarea.value, textarea.selectionStart);
      if (context.position === 'none' || (!explicit && !context.quoted)) return close();
      var prefix = context.prefix.toLowerCase();
      // What was typed exactly comes first (Enter then closes the key), then the rest in the page's order.
      items = suggest(context)
        .filter(function (item) {
          return item.value.toLowerCase().indexOf(prefix) === 0;
        })
        .sort(function (a, b) {
          return (b.value === context.prefix) - (a.value === context.prefix);
        });
      if (!items.length) return close();
      list.textContent = '';
      items.forEach(function (item, n) {
        var option = document.createElement('li');
        option.id = list.id + '-' + n;
        option.setAttribute('role', 'option');
        var code = document.createElement('code');
        code.textContent = item.value;
        option.appendChild(code);
        if (item.label) option.appendChild(document.createTextNode(' — ' + item.label));
        option.addEventListener('mousedown', function (event) {
          event.preventDefault();
          accept(n);
        });
        list.appendChild(option);
      });
      var point = caretPoint(textarea, textarea.selectionStart);
      list.style.left = textarea.offsetLeft + point.left + 'px';
      list.style.top = textarea.offsetTop + point.top + 'px';
      list.hidden = false;
      highlight(0);
    }

    function accept(index) {
      var item = items[index];
      var text = textarea.value;
      var start = context.from;
      var end = textarea.selectionStart;
      // The rest of a string being edited, its closing quote included, is replaced too.
      if (context.quoted) {
        var closingQuote = text.indexOf('"', end);
        var lineEnd = text.indexOf('\n', end);
        if (closingQuote !== -1 && (lineEnd === -1 || closingQuote < lineEnd) && /^[\w-]*$/.test(text.slice(end, closingQuote))) end = closingQuote + 1;
      }
      var insert = JSON.stringify(item.value);
      if (context.position === 'key' && !/^\s*:/.test(text.slice(end))) insert += ': ';
      textarea.setRangeText(insert, start, end, 'end');
      close();
      textarea.dispatchEvent(new window.Event('input', { bubbles: true }));
    }

    textarea.addEventListener('keydown', function (event) {
      if (event.key === ' ' && event.ctrlKey) {
        event.preventDefault();
        open(true);
        return;
      }
      if (list.hidden) return;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        highlight(active + (event.key === 'ArrowDown' ? 1 : -1));
      } else if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        accept(active);
      } else if (event.key === 'Escape') {
        event.preventDefault();
        close();
      }
    });
    textarea.addEventListener('input', function (event) {
      if (event.isTrusted) open(false);
    });
    textarea.addEventListener('blur', close);
    textarea.addEventListener('click', close);
  }

  /** Moves the cursor to where a JSON path is written, selecting its key; false when the text has no such place. */
  function reveal(textarea, jsonPath) {
    var offset = offsetOfPath(textarea.value, jsonPath);
    if (offset === null) return false;
    var end = textarea.value[offset] === '"' ? textarea.value.indexOf('"', offset + 1) + 1 : offset + 1;
    textarea.focus();
    textarea.setSelectionRange(offset, end);
    var lineHeight = parseFloat(window.getComputedStyle(textarea).lineHeight) || 18;
    textarea.scrollTop = Math.max(0, (textarea.value.slice(0, offset).split('\n').length - 3) * lineHeight);
    return true;
  }

  window.thiduaJsonCompletion = { attach: attach, contextAt: contextAt, stringsOf: stringsOf, offsetOfPath: offsetOfPath, reveal: reveal };
})();
