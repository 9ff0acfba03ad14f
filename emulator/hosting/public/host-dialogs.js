/*
 * The host page's answers to what a sandboxed Forge frame cannot do itself:
 * - router.open / router.navigate: product paths (/browse/KEY, /issues/?jql=…) open on this
 *   site; another site opens in a new tab only after the person confirms, as Forge asks first
 *   (declined: the bridge's promise rejects);
 * - consent: a resolver let NeedsAuthenticationError escape, so the frame gives way to the
 *   consent prompt; "Allow access" records the consent and reloads the frame;
 * - view.createHistory in a full-page module (a frame with data-history-base): the app's paths
 *   follow the module's URL in the host page's address, so a reload or a shared link brings them back.
 */
(function () {
  'use strict';

  function frameOf(event, token) {
    var frames = document.querySelectorAll('iframe[data-frame-token]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source && frames[i].getAttribute('data-frame-token') === token) return frames[i];
    }
    return null;
  }

  function answer(frame, id, ok, error, value) {
    if (frame.contentWindow) {
      frame.contentWindow.postMessage(
        { source: 'll-host-page', type: 'answer', id: id, ok: ok, value: value, error: error || null },
        window.location.origin,
      );
    }
  }

  /** A path of the product as this site serves it, or null when the URL leaves the site. */
  function productPathOf(url) {
    var parsed;
    try {
      parsed = new URL(url, window.location.origin);
    } catch (e) {
      return { invalid: true };
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { invalid: true };
    if (parsed.origin !== window.location.origin) return { external: parsed.href, host: parsed.host };
    var path = parsed.pathname + parsed.search + parsed.hash;
    if (path.indexOf('/browse/') === 0) return { path: '/jira' + path };
    if (path.indexOf('/issues') === 0) return { path: '/jira/issues' + path.slice('/issues'.length).replace(/^\//, '') };
    return { path: path };
  }

  function button(label, primary) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = primary ? 'll-button ll-button-primary' : 'll-button';
    b.textContent = label;
    return b;
  }

  /** Forge's prompt before another site opens: resolves true on Continue, false on Cancel or Escape. */
  function confirmLeaving(target) {
    return new Promise(function (resolve) {
      var backdrop = document.createElement('div');
      backdrop.className = 'll-modal-backdrop ll-leave-backdrop';
      var dialog = document.createElement('div');
      dialog.className = 'll-modal ll-leave-dialog';
      dialog.setAttribute('role', 'dialog');
      dialog.setAttribute('aria-modal', 'true');
      dialog.setAttribute('aria-labelledby', 'll-leave-title');
      var title = document.createElement('h2');
      title.className = 'll-modal-title';
      title.id = 'll-leave-title';
      title.textContent = 'Open a page on another site?';
      var text = document.createElement('p');
      text.textContent = 'The app wants to open ' + target.host + ' in a new tab:';
      var where = document.createElement('p');
      where.className = 'll-leave-url';
      where.textContent = target.external;
      var actions = document.createElement('div');
      actions.className = 'll-dialog-actions';
      var cancel = button('Cancel', false);
      var go = button('Continue', true);
      actions.appendChild(cancel);
      actions.appendChild(go);
      [title, text, where, actions].forEach(function (el) {
        dialog.appendChild(el);
      });
      backdrop.appendChild(dialog);
      document.body.appendChild(backdrop);
      go.focus();
      function done(ok) {
        document.removeEventListener('keydown', onKey, true);
        backdrop.remove();
        resolve(ok);
      }
      function onKey(event) {
        if (event.key === 'Escape') {
          event.stopPropagation();
          done(false);
        }
      }
      document.addEventListener('keydown', onKey, true);
      cancel.addEventListener('click', function () {
        done(false);
      });
      go.addEventListener('click', function () {
        // Opened in the click on Continue: the person's own gesture, in the host page.
        window.open(target.external, '_blank', 'noopener,noreferrer');
        done(true);
      });
    });
  }

  function onNavigate(frame, data) {
    var target = productPathOf(data.url);
    if (target.invalid) return answer(frame, data.id, false, 'router: only http(s) URLs and paths of the product can be opened.');
    if (target.external) {
      return confirmLeaving(target).then(function (ok) {
        answer(frame, data.id, ok, ok ? null : 'The person chose not to leave the site.');
      });
    }
    answer(frame, data.id, true);
    if (data.newTab) window.open(target.path, '_blank', 'noopener');
    else window.location.assign(target.path);
  }

  function showConsent(frame) {
    if (frame.getAttribute('data-consent') === 'shown') return;
    frame.setAttribute('data-consent', 'shown');
    var appName = document.documentElement.getAttribute('data-app-name') || 'This app';
    var box = document.createElement('div');
    box.className = 'll-consent';
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', 'Allow access');
    var lead = document.createElement('p');
    lead.className = 'll-consent-lead';
    lead.textContent = appName + ' needs your permission to access Atlassian apps on your behalf.';
    var detail = document.createElement('p');
    detail.className = 'll-muted ll-small';
    detail.textContent = 'It will act as you, with what you can see and do, within the scopes it declares.';
    var allow = button('Allow access', true);
    var status = document.createElement('p');
    status.className = 'll-small';
    status.setAttribute('role', 'status');
    [lead, detail, allow, status].forEach(function (el) {
      box.appendChild(el);
    });
    frame.style.display = 'none';
    frame.parentNode.insertBefore(box, frame.nextSibling);
    allow.addEventListener('click', function () {
      allow.disabled = true;
      fetch('/__local/consent', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: frame.getAttribute('data-frame-token') }),
        credentials: 'same-origin',
      })
        .then(function (response) {
          if (!response.ok) throw new Error('The local site answered ' + response.status + '.');
          box.remove();
          frame.style.display = '';
          frame.removeAttribute('data-consent');
          frame.src = frame.src;
        })
        .catch(function (error) {
          allow.disabled = false;
          status.textContent = error.message;
        });
    });
  }

  function appLocation(base) {
    var rest = window.location.pathname.indexOf(base) === 0 ? window.location.pathname.slice(base.length) : '';
    return { pathname: rest || '/', search: window.location.search, hash: window.location.hash };
  }

  function onHistory(frame, data) {
    var base = frame.getAttribute('data-history-base');
    if (!base) return answer(frame, data.id, false, 'createHistory is not available in this module.');
    if (data.op === 'push' || data.op === 'replace') {
      var path = String(data.path || '/');
      if (path.charAt(0) !== '/') path = '/' + path;
      var url = (base + (path === '/' ? '' : path)).replace(/\/+$/, '') || '/';
      if (data.op === 'push') window.history.pushState(null, '', url);
      else window.history.replaceState(null, '', url);
    } else if (data.op === 'go') {
      window.history.go(Number(data.delta) || 0);
    }
    answer(frame, data.id, true, null, appLocation(base));
  }

  // Back and forward in the host page: each full-page frame's history hears it ('POP').
  window.addEventListener('popstate', function () {
    document.querySelectorAll('iframe[data-history-base]').forEach(function (frame) {
      if (frame.contentWindow) {
        frame.contentWindow.postMessage(
          { source: 'll-host-page', type: 'history-pop', location: appLocation(frame.getAttribute('data-history-base')) },
          window.location.origin,
        );
      }
    });
  });

  window.addEventListener('message', function (event) {
    if (event.origin !== window.location.origin) return;
    var data = event.data || {};
    if (data.source !== 'll-forge-frame' || ['navigate', 'needs-consent', 'history'].indexOf(data.type) < 0) return;
    var frame = frameOf(event, data.token);
    if (!frame) return;
    if (data.type === 'navigate') onNavigate(frame, data);
    else if (data.type === 'history') onHistory(frame, data);
    else showConsent(frame);
  });
})();
