/*
 * The docs page's own script, served by the sandbox (no CDN): starts Swagger UI (from its
 * webjar) on the sandbox's spec and wires the guidance above it: the key buttons, the uuid of
 * the last export requested through the page, and "Finish my export now", which calls the
 * sandbox's test helper with the visitor's key.
 */
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('sandbox-docs-config').textContent);
  var ready = false;
  var pendingKey = null;

  function byId(id) {
    return document.getElementById(id);
  }

  function each(selector, action) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), action);
  }

  /** Swagger UI plugin: shows the key whenever the visitor authorizes or logs out. */
  function KeyWatcher() {
    function thenShowKey(original) {
      return function (payload) {
        var result = original(payload);
        window.setTimeout(showKey, 0);
        return result;
      };
    }
    return { statePlugins: { auth: { wrapActions: { authorize: thenShowKey, logout: thenShowKey } } } };
  }

  var ui = SwaggerUIBundle({
    url: config.specUrl,
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
    persistAuthorization: true,
    presets: [SwaggerUIBundle.presets.apis],
    plugins: [KeyWatcher],
    layout: 'BaseLayout',
    responseInterceptor: function (response) {
      rememberExport(response);
      return response;
    },
    onComplete: function () {
      ready = true;
      if (pendingKey) {
        useKey(pendingKey);
      }
      showKey();
    }
  });
  window.ui = ui;

  function currentKey() {
    var authorized = ready && ui.authSelectors.authorized();
    var value = authorized && authorized.getIn([config.securityScheme, 'value']);
    return typeof value === 'string' ? value : '';
  }

  function showKey() {
    var key = currentKey() || pendingKey || '';
    byId('chosen-key').textContent = key || 'none yet';
    if (key) {
      each('[data-key]', function (el) { el.textContent = key; });
    }
  }

  /** Authorizes Swagger UI with the key, as if typed into its Authorize dialog. */
  function useKey(key) {
    if (!ready) {
      pendingKey = key;
      showKey();
      return;
    }
    pendingKey = null;
    ui.preauthorizeApiKey(config.securityScheme, key);
    ui.authActions.persistAuthorizationIfNeeded();
    showKey();
  }

  /** A fresh Try-it key: the prefix and 20 random letters and digits. */
  function madeUpKey() {
    var alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    var bytes = new Uint8Array(20);
    window.crypto.getRandomValues(bytes);
    var tail = '';
    for (var i = 0; i < bytes.length; i++) {
      tail += alphabet.charAt(bytes[i] % alphabet.length);
    }
    return config.tryItPrefix + tail;
  }

  /** Keeps the uuid of an export requested through Swagger UI (POST /exports answered 200). */
  function rememberExport(response) {
    var data = response && response.status === 200 && response.body && response.body.data;
    if (!data || typeof data.uuid !== 'string') {
      return;
    }
    var url;
    try {
      url = new URL(response.url, window.location.href);
    } catch (e) {
      return;
    }
    if (!/\/exports\/?$/.test(url.pathname)) {
      return;
    }
    var uuid = data.uuid;
    var site = url.searchParams.get('site_id');
    var input = byId('finish-uuid');
    if (input) {
      input.value = uuid;
    }
    each('[data-uuid]', function (el) { el.textContent = uuid; });
    // Fill in the download operation, so that its Try it out is ready to execute.
    var download = ['/exports/{uuid}', 'get'];
    ui.specActions.changeParam(download, 'uuid', 'path', uuid);
    if (site) {
      ui.specActions.changeParam(download, 'site_id', 'query', site);
    }
  }

  function say(text, kind) {
    var out = byId('finish-result');
    out.textContent = text;
    out.className = kind ? 'guide-' + kind : '';
  }

  /** POST /__sandbox/exports/{uuid}/complete with the visitor's key. */
  function finishNow() {
    var uuid = byId('finish-uuid').value.trim();
    var key = currentKey();
    if (!key) {
      say('Choose a key first (step 1).', 'warn');
      return;
    }
    if (!uuid) {
      say('Request an export first (step 2), or paste its uuid.', 'warn');
      return;
    }
    say('Finishing ' + uuid + '…');
    fetch(config.helpersPath + '/exports/' + encodeURIComponent(uuid) + '/complete', {
      method: 'POST',
      headers: { Authorization: 'Bearer ' + key }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok) {
          say(response.status + ': export ' + uuid + ' has finished. Download it now: '
            + 'GET /exports/{uuid} answers 200 with the file, once.', 'ok');
        } else {
          say(response.status + ': ' + (body.message || response.statusText), 'error');
        }
      });
    }).catch(function (error) {
      say('No answer from the sandbox: ' + error.message, 'error');
    });
  }

  each('[data-origin]', function (el) { el.textContent = window.location.origin; });
  each('[data-use-key]', function (button) {
    button.addEventListener('click', function () { useKey(button.getAttribute('data-use-key')); });
  });
  var make = byId('make-key');
  if (make) {
    make.addEventListener('click', function () { useKey(madeUpKey()); });
  }
  var finish = byId('finish-now');
  if (finish) {
    finish.addEventListener('click', finishNow);
  }
})();
