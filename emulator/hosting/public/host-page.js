/*
 * The host page's side of the Forge frames: sizes each iframe to the height
 * its content reports, and carries the light/dark toggle into every frame.
 */
(function () {
  'use strict';

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe[data-frame-token]'));
  }

  /** The frame that sent this message, if it holds the token it claims. */
  function senderOf(event, token) {
    return frames().filter(function (frame) {
      return frame.contentWindow === event.source && frame.getAttribute('data-frame-token') === token;
    })[0];
  }

  // A macro's config view: view.submit stored the config, view.close cancelled. Either way the
  // dialog closes and the page renders again (the macro then shows its stored config).
  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin) return;
    var data = event.data || {};
    if (data.source !== 'll-forge-frame' || (data.type !== 'submit' && data.type !== 'close')) return;
    var frame = senderOf(event, data.token);
    var role = frame && frame.getAttribute('data-role');
    // A sprint action's modal closes on view.close() (its submit is refused by the bridge).
    if (role === 'sprint-action' && data.type === 'close') {
      var modal = frame.closest('[data-after]');
      window.location.assign(modal ? modal.getAttribute('data-after') : window.location.pathname);
      return;
    }
    if (role !== 'macro-config') return;
    if (data.type === 'submit' && data.keepEditing) return;
    var dialog = frame.closest('[data-after]');
    window.location.assign(dialog ? dialog.getAttribute('data-after') : window.location.pathname);
  });

  // Confluence's macro config dialog: focus moves into it when it opens (the app's frame), and
  // back to the macro's Edit button when it closes. Escape is the app's to handle: Forge documents
  // that the platform does not close a custom config dialog on Escape or on a click outside it.
  function focusConfigFrame() {
    var frame = document.querySelector('iframe[data-role="macro-config"]');
    if (!frame) return false;
    frame.focus();
    if (frame.contentWindow) frame.contentWindow.focus();
    return true;
  }

  var RETURN_FOCUS = 'll-config-opened-from';

  /** The page rendered again after the dialog closed: focus goes back to the macro it configured. */
  function focusReturnedMacro() {
    var localId = window.sessionStorage.getItem(RETURN_FOCUS);
    window.sessionStorage.removeItem(RETURN_FOCUS);
    if (!localId) return;
    var macros = document.querySelectorAll('[data-macro]');
    for (var i = 0; i < macros.length; i++) {
      if (macros[i].getAttribute('data-macro') !== localId) continue;
      var edit = macros[i].querySelector('[data-action="edit-macro"]');
      if (edit) edit.focus();
    }
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin) return;
    var data = event.data || {};
    if (data.source !== 'll-forge-frame' || data.type !== 'resize') return;
    frames().forEach(function (frame) {
      // Only the frame that holds this token may resize itself.
      if (frame.contentWindow === event.source && frame.getAttribute('data-frame-token') === data.token) {
        var height = Math.max(0, Math.min(20000, Number(data.height) || 0));
        frame.style.height = height + 'px';
        frame.setAttribute('data-resized', 'true');
      }
    });
  });

  function setColorMode(mode) {
    document.documentElement.setAttribute('data-color-mode', mode);
    var toggle = document.getElementById('ll-theme-toggle');
    if (toggle) {
      toggle.setAttribute('aria-pressed', String(mode === 'dark'));
      toggle.textContent = mode === 'dark' ? 'Light theme' : 'Dark theme';
    }
    frames().forEach(function (frame) {
      if (frame.contentWindow) {
        frame.contentWindow.postMessage({ source: 'll-host-page', type: 'theme', colorMode: mode }, window.location.origin);
      }
    });
    fetch('/__local/theme', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ colorMode: mode }),
      credentials: 'same-origin',
    }).catch(function () {});
  }

  document.addEventListener('DOMContentLoaded', function () {
    var actionFrame = document.querySelector('iframe[data-role="sprint-action"]');
    if (actionFrame) {
      // The modal takes focus as it opens, as Jira's does.
      actionFrame.focus();
      actionFrame.addEventListener('load', function () {
        actionFrame.focus();
        if (actionFrame.contentWindow) actionFrame.contentWindow.focus();
      });
    }
    var configFrame = document.querySelector('iframe[data-role="macro-config"]');
    if (configFrame) {
      var backdrop = configFrame.closest('[data-modal-for]');
      if (backdrop) window.sessionStorage.setItem(RETURN_FOCUS, backdrop.getAttribute('data-modal-for'));
      focusConfigFrame();
      configFrame.addEventListener('load', focusConfigFrame);
    } else focusReturnedMacro();
    var toggle = document.getElementById('ll-theme-toggle');
    if (toggle) {
      toggle.addEventListener('click', function () {
        var current = document.documentElement.getAttribute('data-color-mode');
        setColorMode(current === 'dark' ? 'light' : 'dark');
      });
    }
    document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
      select.addEventListener('change', function () {
        select.form.submit();
      });
    });
    document.querySelectorAll('form[data-confirm]').forEach(function (form) {
      form.addEventListener('submit', function (event) {
        if (!window.confirm(form.getAttribute('data-confirm'))) event.preventDefault();
      });
    });
  });
})();
