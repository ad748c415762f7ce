/*
 * Herald's companion to the htmx 2 SSE extension (htmx-ext-sse 2.x). Load it after sse.js.
 *
 * 1. Keeps the lastEventID query parameter of every sse-connect URL at the id of the newest event
 *    received. The browser's own reconnect sends that id as the Last-Event-ID header, but when the
 *    EventSource fails for good (readyState CLOSED) the extension builds a new one from the
 *    sse-connect attribute, re-read at that moment, and a new EventSource sends no Last-Event-ID
 *    (htmx-extensions #184). Without this, the hub would replay from the position the page was
 *    rendered at, and the page would show those events twice.
 * 2. Marks the connecting element with data-sse-state="connecting" (before it first opened) |
 *    "open" | "reconnecting" (down after having been open: the page is offline) | "closed" (closed
 *    for good by the extension, as when the element left the page), for CSS.
 */
(function () {
  'use strict'

  var CONNECT = ['sse-connect', 'data-sse-connect']
  var PARAM = 'lastEventID'

  function connectAttribute (elt) {
    for (var i = 0; i < CONNECT.length; i++) {
      if (elt.hasAttribute(CONNECT[i])) return CONNECT[i]
    }
    return null
  }

  function rememberLastEventId (evt) {
    var message = evt.detail
    var id = message && message.lastEventId
    var elt = id && evt.target.closest && evt.target.closest('[sse-connect],[data-sse-connect]')
    if (!elt) return
    var name = connectAttribute(elt)
    var url = new URL(elt.getAttribute(name), document.baseURI)
    if (url.searchParams.get(PARAM) === id) return
    url.searchParams.set(PARAM, id)
    elt.setAttribute(name, url.origin === location.origin ? url.pathname + url.search + url.hash : url.href)
  }

  function markState (state) {
    return function (evt) {
      var elt = evt.target
      if (!connectAttribute(elt)) return
      var was = elt.getAttribute('data-sse-state')
      elt.setAttribute('data-sse-state', state === 'connecting' && (was === 'open' || was === 'reconnecting') ? 'reconnecting' : state)
    }
  }

  document.addEventListener('htmx:sseMessage', rememberLastEventId)
  document.addEventListener('htmx:sseOpen', markState('open'))
  // After an error either the browser or the extension reconnects: "reconnecting" if it had been open.
  document.addEventListener('htmx:sseError', markState('connecting'))
  document.addEventListener('htmx:sseClose', markState('closed'))
})()
