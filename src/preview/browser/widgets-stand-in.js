// The Genesys Widgets stand-in the preview serves (what it does and the rules it holds the
// generated files to: src/preview/widgets.ts). A function of OPTIONS, the documented
// option names per command: widgets.ts serves it called with them.
;(function (OPTIONS) {
  'use strict'
  // gwe-int preview: a Genesys Widgets stand-in (rules and their sources: src/preview/widgets.ts).
  var record = (window.gweIntWidgetsStandIn = {initialised: false, extensionsRun: [], plugins: [], ready: [], commands: [], globalBusUses: [], problems: []})

  function $(id) {
    return document.getElementById(id)
  }
  function say(kind, text) {
    var list = $('widgets-events')
    if (!list) {
      return
    }
    var li = document.createElement('li')
    li.setAttribute('data-kind', kind)
    li.textContent = text
    list.appendChild(li)
  }
  function problem(text) {
    record.problems.push(text)
    say('problem', text)
    window.console.error('[Genesys Widgets stand-in] ' + text)
  }

  // Commands answer with a deferred: done(fn), fail(fn), then(ok, ko) (Widgets uses jQuery's).
  function deferred() {
    var state = 'pending',
      value,
      dones = [],
      fails = []
    function settle(next, v, list) {
      if (state !== 'pending') {
        return
      }
      state = next
      value = v
      list.forEach(function (fn) {
        fn(v)
      })
    }
    var promise = {
      done: function (fn) {
        if (state === 'resolved') {
          fn(value)
        } else if (state === 'pending') {
          dones.push(fn)
        }
        return promise
      },
      fail: function (fn) {
        if (state === 'rejected') {
          fn(value)
        } else if (state === 'pending') {
          fails.push(fn)
        }
        return promise
      },
      then: function (ok, ko) {
        if (ok) {
          promise.done(ok)
        }
        if (ko) {
          promise.fail(ko)
        }
        return promise
      },
    }
    return {
      promise: promise,
      resolve: function (v) {
        setTimeout(function () {
          settle('resolved', v, dones)
        }, 0)
      },
      reject: function (v) {
        setTimeout(function () {
          settle('rejected', v, fails)
        }, 0)
      },
    }
  }

  function isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v)
  }
  function undocumented(object, allowed) {
    return isObject(object)
      ? Object.keys(object).filter(function (k) {
          return allowed.indexOf(k) < 0
        })
      : []
  }

  // The commands of the Widgets this page would use: they record and show what they received.
  var builtIn = {
    'WebChat.open': function (options, from) {
      var userData = isObject(options.userData) ? options.userData : undefined
      show('WebChat.open', from, [['userData', userData]])
      return {userData: userData}
    },
    'Callback.open': function (options, from) {
      var form = isObject(options.form) ? options.form : {}
      var v85 = isObject(form.userData) ? form.userData : undefined
      var later = isObject(options.userData) ? options.userData : undefined
      show('Callback.open', from, [
        ['form.userData (Widgets 8.5)', v85],
        ['userData (later releases)', later],
      ])
      return {userData85: v85, userDataLater: later, desiredTime: form.desiredTime}
    },
  }

  function show(command, from, rows) {
    var list = $('widgets-commands')
    if (!list) {
      return
    }
    var li = document.createElement('li')
    li.setAttribute('data-command', command)
    var title = document.createElement('strong')
    title.textContent = command + ' received'
    li.appendChild(title)
    li.appendChild(document.createTextNode(' from plugin ' + from))
    rows.forEach(function (row) {
      var p = document.createElement('div')
      p.setAttribute('data-field', row[0])
      p.textContent = row[0] + ': ' + (row[1] === undefined ? '(none)' : JSON.stringify(row[1]))
      li.appendChild(p)
    })
    list.appendChild(li)
  }

  var registered = {}
  var commands = {}

  function command(from, name, options) {
    var d = deferred()
    options = options === undefined ? {} : options
    var entry = {plugin: from, command: name, options: JSON.parse(JSON.stringify(options))}
    var spec = OPTIONS[name]
    if (spec) {
      var extra = undocumented(options, spec.top).concat(
        undocumented(options.form, spec.form).map(function (k) {
          return 'form.' + k
        }),
      )
      if (extra.length) {
        problem(name + ': options not documented for it (Widgets ignores them): ' + extra.join(', '))
      }
      entry.undocumented = extra
    }
    record.commands.push(entry)
    say('command', from + ' → ' + name + ' ' + JSON.stringify(options))
    if (builtIn[name]) {
      d.resolve(builtIn[name](options, from))
    } else if (commands[name]) {
      commands[name]({data: options, commander: from, command: name, deferred: d})
    } else {
      d.reject('no plugin has registered the command ' + name)
    }
    return d.promise
  }

  function registerPlugin(name) {
    if (typeof name !== 'string' || !name || registered[name]) {
      problem('registerPlugin(' + JSON.stringify(name) + ') refused: missing or taken name')
      return false
    }
    registered[name] = true
    record.plugins.push(name)
    say('plugin', 'plugin ' + name + ' registered')
    return {
      command: function (n, o) {
        return command(name, n, o)
      },
      registerCommand: function (n, fn) {
        commands[name + '.' + n] = fn
        say('plugin', name + '.' + n + ' registered')
        return true
      },
      subscribe: function () {
        return true
      },
      publish: function () {
        return true
      },
      republish: function () {
        return true
      },
      ready: function () {
        record.ready.push(name)
        say('plugin', name + ' ready')
      },
    }
  }

  var genesys = window._genesys
  var widgets = genesys && genesys.widgets
  if (!isObject(widgets)) {
    problem('no window._genesys.widgets configuration before the Widgets script')
    widgets = (window._genesys = window._genesys || {}).widgets = {}
  }

  // Initialisation: each extension once, with jQuery, CXBus and Common; CXBus only here.
  var extensions = isObject(widgets.extensions) ? widgets.extensions : {}
  Object.keys(extensions).forEach(function (name) {
    if (typeof extensions[name] !== 'function') {
      problem('extension ' + name + ' is not a function')
      return
    }
    record.extensionsRun.push(name)
    say('extension', 'extension ' + name + ' run')
    try {
      extensions[name](window.jQuery, {registerPlugin: registerPlugin}, {})
    } catch (e) {
      problem('extension ' + name + ' threw: ' + (e && e.message))
    }
  })

  // The global bus exists once Widgets has initialised; here every use of it is refused.
  function tripwire(method) {
    return function () {
      record.globalBusUses.push(method)
      problem('window._genesys.widgets.bus.' + method + '() used: the global bus is a debug tool; use an extension')
      if (method === 'registerPlugin') {
        return false
      }
      var d = deferred()
      d.reject('the global bus is a debug tool')
      return d.promise
    }
  }
  widgets.bus = {registerPlugin: tripwire('registerPlugin'), command: tripwire('command'), subscribe: tripwire('subscribe'), publish: tripwire('publish')}
  record.initialised = true
  say('ready', 'Genesys Widgets stand-in initialised; extensions run: ' + (record.extensionsRun.join(', ') || 'none'))
  var status = $('widgets-status')
  if (status) {
    status.textContent = 'initialised; extensions run: ' + (record.extensionsRun.join(', ') || 'none')
    status.setAttribute('data-state', 'initialised')
  }
})
