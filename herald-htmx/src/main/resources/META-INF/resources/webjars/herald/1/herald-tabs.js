/*
 * herald-tabs.js: puts a page's SSE connection on the one herald-share.js shares among the site's
 * tabs, with no change to the markup. Load it after htmx, its SSE extension, Herald's companion
 * (herald-sse.js or herald-htmx4.js) and herald-share.js.
 *
 * - htmx 2 (htmx-ext-sse): the extension makes its EventSource with htmx.createEventSource; this
 *   gives it one that reads the shared stream (or, when sharing is off, the page's own
 *   EventSource). While the page is hidden it stops receiving — its own connection, if it has
 *   one, is closed — and on return it receives what it missed, from where it was (htmx 4 pauses
 *   hidden pages itself).
 * - htmx 4 (hx-sse): the extension fetches the hx-sse:connect URL; such a fetch is answered with
 *   a text/event-stream response written from the shared stream.
 * - Both: the connecting element's data-sse-state follows the shared stream ("connecting", "open",
 *   "reconnecting" while it is down after having been open), and a form whose request could not be sent
 *   says so in its role="alert" element (one is added if it has none): nothing is re-sent
 *   behind the user's back, and what they typed stays.
 */
(function () {
  'use strict'

  // A form whose request could not reach the server says so (both dialects, shared or not).
  var UNSENT = 'Not sent: the server cannot be reached. Your input is kept; send it again once the page is live.'

  function alertOf (form) {
    var alert = form.querySelector('[role="alert"]')
    if (!alert) {
      alert = document.createElement('p')
      alert.setAttribute('role', 'alert')
      alert.setAttribute('data-herald-unsent', '')
      form.appendChild(alert)
    }
    return alert
  }

  function unsent (evt) {
    var elt = evt.detail && (evt.detail.elt || (evt.detail.ctx && evt.detail.ctx.sourceElement))
    var form = elt && elt.closest && elt.closest('form')
    if (form) {
      alertOf(form).textContent = UNSENT
      form.setAttribute('data-herald-unsent', '')
    }
  }

  function sent (evt) {
    var elt = evt.detail && (evt.detail.elt || (evt.detail.ctx && evt.detail.ctx.sourceElement))
    var form = elt && elt.closest && elt.closest('form')
    if (form && form.hasAttribute('data-herald-unsent')) {
      form.removeAttribute('data-herald-unsent')
      var alert = form.querySelector('[role="alert"]')
      if (alert && alert.textContent === UNSENT) alert.textContent = ''
    }
  }

  document.addEventListener('htmx:sendError', unsent) // htmx 2: the request failed before an answer
  document.addEventListener('htmx:afterRequest', function (evt) { if (evt.detail && evt.detail.successful) sent(evt) })
  document.addEventListener('htmx:error', function (evt) { // htmx 4: a failed fetch has no response
    var ctx = evt.detail && evt.detail.ctx
    if (ctx && !ctx.response) unsent(evt)
  })
  document.addEventListener('htmx:after:request', function (evt) {
    var ctx = evt.detail && evt.detail.ctx
    if (ctx && ctx.response && ctx.response.status < 400) sent(evt)
  })

  var share = window.HeraldShare
  var shared = !!share && share.mode !== 'off'
  if (!window.htmx) return

  /** The connecting elements of the page whose URL is {@code url}. */
  function connecting (attribute, url) {
    var found = []
    document.querySelectorAll('[' + CSS.escape(attribute) + ']').forEach(function (elt) {
      if (new URL(elt.getAttribute(attribute), location.href).href === url) found.push(elt)
    })
    return found
  }

  // -------------------------------------------------------------------------------------------
  // htmx 2: an EventSource that stops while the page is hidden, over the shared stream or over a
  // connection of the page's own.

  /**
   * The page's own connection (sharing is off): a browser EventSource, closed while paused and
   * opened again from the id of the last event taken, so nothing in between is lost. A browser
   * EventSource hands over only the event types listened to by name: {@code listen} adds one.
   */
  function ownSubscription (url, handlers) {
    var types = new Set(['message'])
    var source = null
    var lastId = null

    function forward (from, type) {
      from.addEventListener(type, function (evt) {
        if (source !== from) return
        if (evt.lastEventId) lastId = evt.lastEventId
        handlers.event({ type: type, data: evt.data, id: evt.lastEventId, hasId: !!evt.lastEventId })
      })
    }

    function open () {
      var target = new URL(url)
      if (lastId) target.searchParams.set('lastEventID', lastId)
      var opened = new EventSource(target.href, { withCredentials: true })
      source = opened
      types.forEach(function (type) { forward(opened, type) })
      opened.onopen = function () { if (source === opened) handlers.state('open') }
      opened.onerror = function () {
        if (source === opened) handlers.state(opened.readyState === EventSource.CLOSED ? 'closed' : 'connecting')
      }
    }

    function close () {
      if (source) source.close()
      source = null
    }

    if (!document.hidden) open()
    return {
      listen: function (type) {
        if (types.has(type)) return
        types.add(type)
        if (source) forward(source, type)
      },
      pause: close,
      resume: function () { if (!source) open() },
      close: close
    }
  }

  function PausingEventSource (url) {
    var source = new EventTarget()
    var subscription = null
    source.url = new URL(url, location.href).href
    source.withCredentials = true
    source.readyState = 0
    source.onopen = null
    source.onerror = null
    source.onmessage = null
    source.CONNECTING = 0
    source.OPEN = 1
    source.CLOSED = 2

    function fire (type, evt) {
      source.dispatchEvent(evt)
      var handler = source['on' + type]
      if (typeof handler === 'function') handler.call(source, evt)
    }

    function onVisibility () {
      if (!subscription) return
      if (document.hidden) subscription.pause()
      else subscription.resume()
    }

    var handlers = {
      event: function (message) {
        fire(message.type, new MessageEvent(message.type, { data: message.data, lastEventId: message.id, origin: location.origin }))
      },
      state: function (state) {
        if (source.readyState === 2) return
        if (state === 'open') {
          if (source.readyState === 1) return
          source.readyState = 1
          fire('open', new Event('open'))
        } else {
          // Still connecting, never open: a browser's EventSource fires nothing yet (an error
          // here made htmx log one to the console on every page load).
          if (state !== 'closed' && source.readyState === 0) return
          // The extension marks the element "connecting" (herald-sse.js) and waits while
          // readyState is CONNECTING; when CLOSED it makes a new source from sse-connect.
          source.readyState = state === 'closed' ? 2 : 0
          if (state === 'closed') subscription = null
          fire('error', new Event('error'))
        }
      }
    }
    subscription = shared ? share.subscribe(source.url, handlers) : ownSubscription(source.url, handlers)

    source.addEventListener = function (type, listener, options) {
      EventTarget.prototype.addEventListener.call(source, type, listener, options)
      if (subscription && subscription.listen && type !== 'open' && type !== 'error') subscription.listen(type)
    }
    source.close = function () {
      source.readyState = 2
      document.removeEventListener('visibilitychange', onVisibility)
      if (subscription) subscription.close()
      subscription = null
    }
    document.addEventListener('visibilitychange', onVisibility)
    if (document.hidden && subscription) subscription.pause()
    return source
  }

  if (typeof htmx.defineExtension === 'function' && typeof htmx.registerExtension !== 'function') {
    htmx.createEventSource = PausingEventSource
    return
  }
  if (!shared) return // htmx 4 pauses hidden pages itself

  // -------------------------------------------------------------------------------------------
  // htmx 4: a fetch of an hx-sse:connect URL is answered from the shared stream.

  var CONNECT = 'hx-sse:connect'
  var nativeFetch = window.fetch.bind(window)
  var encoder = new TextEncoder()

  function lines (prefix, text) {
    return text.split(/\r\n|\r|\n/).map(function (line) { return prefix + line + '\n' }).join('')
  }

  function frame (message) {
    return (message.hasId ? 'id: ' + message.id + '\n' : '') +
      (message.type !== 'message' ? 'event: ' + message.type + '\n' : '') +
      lines('data: ', message.data) + '\n'
  }

  function sharedResponse (url, lastEventId, signal) {
    var target = new URL(url)
    if (lastEventId) target.searchParams.set('lastEventID', lastEventId)
    var elements = connecting(CONNECT, url)
    var subscription = null
    var opened = false
    var body = new ReadableStream({
      start: function (controller) {
        subscription = share.subscribe(target.href, {
          event: function (message) { controller.enqueue(encoder.encode(frame(message))) },
          state: function (state) {
            // herald-htmx4.js marked the element "open" when this response began; the shared
            // stream's own state is what counts.
            if (state === 'open') opened = true
            var shown = state === 'connecting' && opened ? 'reconnecting' : state
            elements.forEach(function (elt) { elt.setAttribute('data-sse-state', shown) })
            if (state === 'closed') controller.close() // the extension reconnects, through here again
          }
        })
        if (signal) {
          signal.addEventListener('abort', function () {
            subscription.close()
            try { controller.error(new DOMException('aborted', 'AbortError')) } catch (e) { /* already closed */ }
          })
        }
      },
      cancel: function () { subscription.close() } // the page was hidden, or the element removed
    })
    return new Response(body, { status: 200, headers: { 'Content-Type': 'text/event-stream' } })
  }

  window.fetch = function (input, init) {
    var method = ((init && init.method) || (input instanceof Request ? input.method : 'GET')).toUpperCase()
    var url = new URL(input instanceof Request ? input.url : String(input), location.href).href
    if (method !== 'GET' || connecting(CONNECT, url).length === 0) return nativeFetch(input, init)
    var headers = new Headers((init && init.headers) || (input instanceof Request ? input.headers : undefined))
    return Promise.resolve(sharedResponse(url, headers.get('Last-Event-ID'), init && init.signal))
  }
})()
