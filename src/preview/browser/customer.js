// The script of the customer page the preview serves (src/preview/client-script.ts):
// stand-ins for what GWE puts on a customer's page.
// - `_gt` answers `getIDs` with `{visitID, pageID}` (the likeliest keys,
//   docs/genesys.md#monitoring-api).
// - The Notification Agent: messages pushed for this visit (the server republishes
//   notify calls on `/notification/{visitId}`) are handled per channel; `gpe.appendContent`
//   GETs `data.url` and appends the HTML into `data.container` (docs/genesys.md#notify),
//   re-creating `<script>` elements so they run.
// - "Deliver invitation" runs the generated Engagement Logic snippet with an event
//   `{visitID, pageID}` and posts its notification as the strategy would.
// - For Genesys Widgets, a button loads the Widgets stand-in late (?widgets=later); the
//   stand-in itself is widgets-stand-in.js.
// Plain ES2017, so any current browser runs it as served.
;(function () {
  'use strict'
  var cfg = JSON.parse(document.getElementById('gwe-int-preview-config').textContent)
  var query = new URLSearchParams(window.location.search)
  var ids = {visitID: query.get('visitID') || randomId(), pageID: query.get('pageID') || randomId()}

  function $(id) {
    return document.getElementById(id)
  }
  function randomId() {
    var bytes = new Uint8Array(16)
    window.crypto.getRandomValues(bytes)
    return Array.prototype.map
      .call(bytes, function (b) {
        return (b < 16 ? '0' : '') + b.toString(16)
      })
      .join('')
      .toUpperCase()
  }
  function item(listId, text, data) {
    var list = $(listId)
    if (!list) {
      return
    }
    var li = document.createElement('li')
    li.textContent = text
    Object.keys(data || {}).forEach(function (k) {
      li.setAttribute('data-' + k, data[k])
    })
    list.appendChild(li)
  }
  function log(kind, text) {
    item('log', kind + ': ' + text, {kind: kind})
  }

  $('visit-id').textContent = ids.visitID
  $('page-id').textContent = ids.pageID

  // The invitation logs through console; mirror its lines on the page.
  ;['log', 'error'].forEach(function (level) {
    var original = window.console[level].bind(window.console)
    window.console[level] = function () {
      var text = Array.prototype.map.call(arguments, String).join(' ')
      if (text.indexOf('[gwe-int') === 0) {
        log(level === 'error' ? 'invite error' : 'invite', text)
      }
      original.apply(null, arguments)
    }
  })

  // ?tracker=absent: a page without the tracker, to see how the invitation copes.
  var trackerAbsent = query.get('tracker') === 'absent'
  if (trackerAbsent) {
    log('tracker', 'absent on this page (?tracker=absent)')
  }
  // _gt.push(['getIDs', callback]) hands the IDs to the callback as one object.
  if (!trackerAbsent)
    window._gt = {
      push: function (command) {
        if (command && command[0] === 'getIDs' && typeof command[1] === 'function') {
          log('tracker', 'getIDs answered')
          var callback = command[1]
          setTimeout(function () {
            callback({visitID: ids.visitID, pageID: ids.pageID})
          }, 0)
        } else {
          log('tracker', 'command ignored by the stand-in: ' + (command && command[0]))
        }
        return 1
      },
    }

  document.addEventListener('gwe-int:invite-result', function (event) {
    var result = event.detail && event.detail.result
    item('invite-results', String(result), {result: String(result)})
  })

  // ?widgets=later: the Genesys Widgets script loads on this click, not with the page.
  if (cfg.widgets && $('widgets-load')) {
    $('widgets-load').onclick = function () {
      var script = document.createElement('script')
      script.src = $('widgets-load').getAttribute('data-src')
      document.body.appendChild(script)
      $('widgets-load').disabled = true
    }
  }

  if (cfg.vendorFunction) {
    window.gweIntVendorCalls = []
    var path = cfg.vendorFunction.split('.')
    var target = window
    for (var i = 0; i < path.length - 1; i += 1) {
      target = target[path[i]] = target[path[i]] || {}
    }
    target[path[path.length - 1]] = function (arg) {
      window.gweIntVendorCalls.push(arg)
      item('vendor-calls', cfg.vendorFunction + '(' + JSON.stringify(arg) + ')', {})
    }
  }

  // The Notification Agent (likely) GETs data.url and appends it into data.container. The
  // defaults of method and container are not documented; GET and body are assumed.
  function appendContent(data) {
    var container = document.querySelector(data.container || 'body')
    if (!container) {
      return Promise.reject(new Error('no element matches container ' + data.container))
    }
    return fetch(new URL(data.url, window.location.href).href, {method: data.method || 'GET'})
      .then(function (response) {
        if (!response.ok) {
          throw new Error('GET ' + data.url + ' answered ' + response.status)
        }
        return response.text()
      })
      .then(function (html) {
        var template = document.createElement('template')
        template.innerHTML = html
        var nodes = Array.prototype.slice.call(template.content.childNodes)
        nodes.forEach(function (node) {
          container.appendChild(node)
        })
        // Scripts inserted as HTML do not run; re-create them, in order, as jQuery's append does.
        nodes.forEach(function (node) {
          var scripts = node.nodeType !== 1 ? [] : node.tagName === 'SCRIPT' ? [node] : Array.prototype.slice.call(node.querySelectorAll('script'))
          scripts.forEach(function (old) {
            var script = document.createElement('script')
            Array.prototype.forEach.call(old.attributes, function (a) {
              script.setAttribute(a.name, a.value)
            })
            script.async = false
            script.text = old.text
            old.parentNode.replaceChild(script, old)
          })
        })
        log('notification', 'appended ' + data.url + ' into ' + (data.container || 'body'))
        $('deliver-status').textContent = 'invitation shown'
      })
  }

  function onNotification(messages) {
    ;(Array.isArray(messages) ? messages : [messages]).forEach(function (message) {
      // Each message names the page it is for.
      if (message.page !== ids.pageID) {
        log('notification', 'for page ' + message.page + ', not this page: ignored')
        return
      }
      if (message.channel === 'gpe.appendContent') {
        appendContent(message.data || {}).catch(function (e) {
          log('error', e.message)
          $('deliver-status').textContent = e.message
        })
      } else {
        log('notification', 'channel ' + message.channel + ' has no handler in the stand-in')
      }
    })
  }

  var source = new EventSource(cfg.notificationsUrl + '&visitID=' + encodeURIComponent(ids.visitID))
  source.onopen = function () {
    $('channel-status').textContent = 'listening for visit ' + ids.visitID
    $('channel-status').setAttribute('data-state', 'open')
  }
  source.onerror = function () {
    $('channel-status').textContent = 'disconnected (is gwe-int preview still running?)'
    $('channel-status').setAttribute('data-state', 'closed')
  }
  source.onmessage = function (event) {
    onNotification(JSON.parse(event.data))
  }

  // The strategy's notification_message, POSTed as JSON to notification_url.
  $('deliver').onclick = function () {
    $('deliver-status').textContent = 'sending…'
    fetch(cfg.snippetUrl)
      .then(function (r) {
        return r.text()
      })
      .then(function (snippet) {
        var run = new Function(
          'event',
          snippet +
            '\n;return { message: notification_message, url: typeof notification_url === "undefined" ? undefined : notification_url, body: typeof notification_body === "undefined" ? undefined : notification_body };',
        )
        var out = run({visitID: ids.visitID, pageID: ids.pageID})
        if (!out.url) {
          throw new Error('the snippet defines no notification_url')
        }
        return fetch(out.url, {method: 'POST', headers: {'Content-Type': 'application/json'}, body: out.body || JSON.stringify(out.message)})
      })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('the Notification Service answered ' + response.status)
        }
        $('deliver-status').textContent = 'notification sent'
      })
      .catch(function (e) {
        log('error', 'delivering the invitation failed: ' + e.message)
        $('deliver-status').textContent = 'failed: ' + e.message
      })
  }

  if (cfg.gms && $('gms-mode')) {
    $('gms-mode').onchange = function () {
      fetch(cfg.modeUrl, {
        method: 'POST',
        headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({integration: cfg.integration, status: Number($('gms-mode').value)}),
      })
    }
  }

  var shown = -1
  function refreshRequests() {
    if (document.hidden) {
      return
    }
    fetch(cfg.requestsUrl)
      .then(function (r) {
        return r.json()
      })
      .then(function (data) {
        if (data.requests.length === shown) {
          return
        }
        shown = data.requests.length
        var body = $('requests')
        body.textContent = ''
        data.requests.forEach(function (r) {
          var tr = document.createElement('tr')
          ;[
            r.seq,
            r.service,
            r.method + ' ' + r.path,
            JSON.stringify(r.json !== undefined ? r.json : r.params),
            r.headers.gms_user === undefined ? '' : r.headers.gms_user,
            r.status + (r.warnings && r.warnings.length ? ' - warning: ' + r.warnings.join(' / ') : ''),
          ].forEach(function (v) {
            var td = document.createElement('td')
            td.textContent = String(v)
            tr.appendChild(td)
          })
          body.appendChild(tr)
        })
      })
      .catch(function () {})
  }
  refreshRequests()
  setInterval(refreshRequests, 1500)
})()
