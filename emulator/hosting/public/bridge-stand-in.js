/*
 * The local site's stand-in for Forge's host bridge. Injected first in the
 * Custom UI's <head>, it defines window.__bridge before @forge/bridge loads.
 * It knows only its frame token: the server decides the user and context.
 */
(function () {
  'use strict';

  var script = document.currentScript;
  var token = script ? script.getAttribute('data-frame-token') : null;
  var THEMES = 'dark:dark light:light shape:shape spacing:spacing typography:typography motion:motion';
  var themingEnabled = false;
  var colorMode = null; // set by getContext or by the host page
  var lastHeight = -1;

  function post(op, body) {
    return fetch('/__local/bridge/' + op, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Object.assign({ token: token }, body || {})),
      credentials: 'same-origin',
    }).then(function (response) {
      return response
        .json()
        .catch(function () {
          return null;
        })
        .then(function (data) {
          if (!data || data.ok !== true) {
            var message = (data && data.error && data.error.message) || 'The local site answered ' + response.status + '.';
            // The resolver let @forge/api's NeedsAuthenticationError escape: the host asks the person
            // for consent in place of the frame. The app sees the bridge's plain error, as in Forge.
            if (op === 'invoke' && data && data.error && data.error.name === 'NEEDS_AUTHENTICATION_ERR')
              toParent({ type: 'needs-consent' });
            throw new Error(message);
          }
          return data.value;
        });
    });
  }

  function toParent(message) {
    if (window.parent && window.parent !== window) {
      window.parent.postMessage(Object.assign({ source: 'll-forge-frame', token: token }, message), window.location.origin);
    }
  }

  // Requests the host page answers (router, consent): { id } out, { id, ok, error } back.
  var pending = {};
  var nextRequest = 1;
  function askParent(message) {
    if (!window.parent || window.parent === window) return Promise.reject(new Error('No host page around this frame.'));
    var id = 'r' + nextRequest++;
    return new Promise(function (resolve, reject) {
      pending[id] = { resolve: resolve, reject: reject };
      toParent(Object.assign({ id: id }, message));
    });
  }

  // --- theming ------------------------------------------------------------------

  function applyColorMode(mode) {
    colorMode = mode === 'dark' ? 'dark' : 'light';
    if (!themingEnabled) return;
    var html = document.documentElement;
    html.setAttribute('data-color-mode', colorMode);
    html.setAttribute('data-theme', THEMES);
    html.style.colorScheme = colorMode;
  }

  function enableTheming() {
    themingEnabled = true;
    var ready = Promise.resolve();
    if (!document.getElementById('ll-design-tokens')) {
      var link = document.createElement('link');
      link.id = 'll-design-tokens';
      link.rel = 'stylesheet';
      link.href = '/__local/tokens.css';
      ready = new Promise(function (resolve) {
        link.onload = function () {
          resolve();
        };
        link.onerror = function () {
          resolve(); // the app still renders on the tokens' fallbacks
        };
      });
      (document.head || document.documentElement).appendChild(link);
    }
    var mode = colorMode
      ? Promise.resolve(colorMode)
      : getContext().then(function (c) {
          return c && c.theme ? c.theme.colorMode : 'light';
        });
    return mode
      .then(function (m) {
        applyColorMode(m);
        return ready;
      })
      .then(function () {
        return undefined;
      });
  }

  window.addEventListener('message', function (event) {
    if (event.source !== window.parent || event.origin !== window.location.origin) return;
    var data = event.data || {};
    if (data.source === 'll-host-page' && data.type === 'answer' && pending[data.id]) {
      var request = pending[data.id];
      delete pending[data.id];
      if (data.ok) request.resolve(data.value);
      else request.reject(new Error(data.error || 'The host declined.'));
      return;
    }
    if (data.source === 'll-host-page' && data.type === 'history-pop') {
      popHistory(data.location);
      return;
    }
    if (data.source === 'll-host-page' && data.type === 'theme') {
      applyColorMode(data.colorMode);
      post('theme', { colorMode: colorMode }).catch(function () {});
    }
  });

  // --- sizing (what Forge's iframe-resizer does) ----------------------------------

  // The <html> box holds the body and its (collapsed) margins. A UI that styles
  // html or body as height: 100% would pin the frame, so the app must not do that.
  function contentHeight() {
    return Math.ceil(document.documentElement.getBoundingClientRect().height);
  }

  var scheduled = false;
  function scheduleResize() {
    if (scheduled) return;
    scheduled = true;
    window.requestAnimationFrame(function () {
      scheduled = false;
      var height = contentHeight();
      if (height !== lastHeight) {
        lastHeight = height;
        toParent({ type: 'resize', height: height });
      }
    });
  }

  function startAutoResize() {
    if (typeof ResizeObserver === 'function') {
      var observer = new ResizeObserver(scheduleResize);
      observer.observe(document.documentElement);
      if (document.body) observer.observe(document.body);
    }
    if (typeof MutationObserver === 'function' && document.body) {
      new MutationObserver(scheduleResize).observe(document.body, {
        childList: true,
        subtree: true,
        attributes: true,
        characterData: true,
      });
    }
    window.addEventListener('load', scheduleResize);
    window.addEventListener('resize', scheduleResize);
    document.addEventListener('transitionend', scheduleResize, true);
    scheduleResize();
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startAutoResize);
  else startAutoResize();

  // --- view.createHistory (full-page modules): the host page keeps the app's path in its URL ----

  var histories = [];
  function popHistory(location) {
    histories.forEach((h) => h.moved(location, 'POP'));
  }

  /** A path, or a location descriptor { pathname, search, hash }, as the app's path. */
  const pathOf = (to) => (typeof to === 'string' ? to : ((to && to.pathname) || '/') + ((to && to.search) || '') + ((to && to.hash) || ''));

  function createHistory() {
    return askParent({ type: 'history', op: 'read' }).then(function (initial) {
      var listeners = [];
      var history = {
        action: 'POP',
        location: initial,
        moved: function (location, action) {
          history.action = action;
          history.location = location;
          listeners.slice().forEach((listener) => listener(location, action));
        },
        listen: function (listener) {
          listeners.push(listener);
          return () => (listeners = listeners.filter((l) => l !== listener));
        },
        go: (delta) => askParent({ type: 'history', op: 'go', delta: delta }).catch(() => {}),
        goBack: () => history.go(-1),
        goForward: () => history.go(1),
      };
      ['push', 'replace'].forEach(function (op) {
        history[op] = (to) =>
          askParent({ type: 'history', op: op, path: pathOf(to) }).then((location) =>
            history.moved(location, op === 'push' ? 'PUSH' : 'REPLACE'),
          );
      });
      histories.push(history);
      return history;
    });
  }

  // --- bridge calls ------------------------------------------------------------------

  var contextPromise = null;
  function getContext() {
    if (!contextPromise) {
      contextPromise = post('context').catch(function (error) {
        contextPromise = null;
        throw error;
      });
    }
    return contextPromise.then(function (context) {
      var copy = JSON.parse(JSON.stringify(context));
      if (colorMode === null) colorMode = copy.theme && copy.theme.colorMode === 'dark' ? 'dark' : 'light';
      copy.theme = Object.assign({}, copy.theme, { colorMode: colorMode });
      return copy;
    });
  }

  var handlers = {
    getContext: getContext,
    invoke: function (payload) {
      payload = payload || {};
      return post('invoke', { functionKey: payload.functionKey, payload: payload.payload, metadata: payload.metadata });
    },
    fetchProduct: function (payload) {
      payload = payload || {};
      return post('fetch-product', {
        product: payload.product,
        restPath: payload.restPath,
        fetchRequestInit: payload.fetchRequestInit || {},
      });
    },
    enableTheming: enableTheming,
    resize: function (payload) {
      var height = payload && typeof payload.height !== 'undefined' ? parseInt(payload.height, 10) : contentHeight();
      if (!isNaN(height)) {
        lastHeight = height;
        toParent({ type: 'resize', height: height });
      }
      return true;
    },
    // Only a macro's config view is submittable/closable (the server knows the frame's role);
    // elsewhere Forge answers false, and the bridge throws.
    submit: function (payload) {
      return post('submit', { payload: payload === undefined ? null : payload }).then(function (ok) {
        if (ok === true) toParent({ type: 'submit', keepEditing: !!(payload && payload.keepEditing) });
        return ok;
      });
    },
    close: function (payload) {
      return post('close', { payload: payload === undefined ? null : payload }).then(function (ok) {
        if (ok === true) toParent({ type: 'close' });
        return ok;
      });
    },
    refresh: function () {
      window.location.reload();
      return true;
    },
    reload: function () {
      window.location.reload();
      return true;
    },
    // router.open / router.navigate: the frame is sandboxed (no popups, no top navigation), so,
    // as in Forge, the host page opens the URL: product paths directly, other sites after asking.
    navigate: function (payload) {
      payload = payload || {};
      if (typeof payload.url !== 'string') return Promise.reject(new Error('router: a URL (string) is required.'));
      return askParent({ type: 'navigate', url: payload.url, newTab: payload.type === 'new-tab' });
    },
    createHistory: createHistory,
    emitReadyEvent: function () {
      return undefined;
    },
  };

  window.__bridge = {
    callBridge: function (name, payload) {
      var handler = Object.prototype.hasOwnProperty.call(handlers, name) ? handlers[name] : null;
      if (!handler) {
        return Promise.reject(new Error('The local Forge site does not support the bridge call "' + name + '" yet.'));
      }
      try {
        return Promise.resolve(handler(payload));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
})();
