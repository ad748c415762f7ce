/*
 * Closes a page's stream when a named event arrives: data-close-on="done" on the connecting
 * element, as the htmx 2 SSE extension's sse-close does (Herald's PageStream writes the connect
 * attributes itself and has no sse-close). Runs after the event's swaps, so the page shows the
 * final state the event carried; htmx:sseClose then marks the connection closed (herald-sse.js).
 */
(function () {
  'use strict'
  document.addEventListener('htmx:sseMessage', function (evt) {
    var elt = evt.target.closest && evt.target.closest('[data-close-on]')
    if (!elt || !evt.detail || evt.detail.type !== elt.getAttribute('data-close-on')) return
    var data = elt['htmx-internal-data']
    var source = data && data.sseEventSource
    if (!source || source.readyState === EventSource.CLOSED) return
    source.close()
    htmx.trigger(elt, 'htmx:sseClose', { source: source, type: 'message' })
  })
})()
