/*
 * Herald's companion to htmx 4's SSE extension (hx-sse.js, htmx.org 4.x). Load it after hx-sse.js.
 *
 * 1. htmx 4 swaps only unnamed SSE messages; a named one is dispatched as a DOM event on the
 *    connecting element (hx-sse:connect, or the element whose request's response is the stream,
 *    such as a form's hx-post). Herald's events are named (a Contract's name), so this swaps each
 *    into every element inside the connecting element that declares it,
 *    data-herald-swap="<event>[,<event>...]", as that element's hx-swap says, into the element
 *    its hx-target selects if it has one (out-of-band fragments in it are swapped too); htmx then
 *    fires htmx:after:swap on the declaring element. The extension waits for these swaps before it reads the
 *    next message, so they happen in arrival order. The DOM event is still dispatched.
 * 2. Marks the connecting element with data-sse-state="connecting" | "open" | "reconnecting" (down
 *    after having been open) | "closed", as herald-sse.js does for htmx 2, for CSS and tests.
 *
 * Reconnects need nothing from here: the extension sends the newest id as Last-Event-ID, and
 * before any event the sse-connect URL's lastEventID (the position the page was rendered at).
 */
(function () {
  'use strict'

  var LISTEN = 'data-herald-swap'

  function declares (elt, name) {
    return elt.getAttribute(LISTEN).split(',').indexOf(name) >= 0
  }

  // As htmx 2's sse-swap does, a region may send its swaps elsewhere with hx-target (a CSS
  // selector here), such as a paused log tail into a hidden buffer.
  function target (elt) {
    var selector = elt.getAttribute('hx-target')
    return (selector && document.querySelector(selector)) || elt
  }

  document.addEventListener('htmx:sse:before:message', function (evt) {
    var detail = evt.detail
    var name = detail.message.event
    if (!name) return
    evt.target.querySelectorAll('[' + LISTEN + ']').forEach(function (elt) {
      if (!declares(elt, name)) return
      detail.waitUntil(htmx.swap({
        sourceElement: elt,
        target: target(elt),
        swap: elt.getAttribute('hx-swap') || 'innerHTML',
        text: detail.message.data
      }))
    })
  })

  // The extension fires these on the element whose request carries the stream: the hx-sse:connect
  // element, or a request's source whose response is the stream (a form's hx-post).
  function markState (state) {
    return function (evt) {
      var elt = evt.target
      if (!elt.setAttribute) return
      var was = elt.getAttribute('data-sse-state')
      elt.setAttribute('data-sse-state', state === 'connecting' && (was === 'open' || was === 'reconnecting') ? 'reconnecting' : state)
    }
  }

  document.addEventListener('htmx:sse:before:connection', markState('connecting'))
  document.addEventListener('htmx:sse:after:connection', markState('open'))
  document.addEventListener('htmx:sse:error', markState('connecting'))
  document.addEventListener('htmx:sse:close', markState('closed'))
})()
