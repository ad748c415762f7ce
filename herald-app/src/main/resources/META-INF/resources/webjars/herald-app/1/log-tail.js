/*
 * The log tail page (/logs): keeps the list bounded, scrolls with new lines only while the reader
 * is at the bottom, and pauses without losing a line.
 *
 * Pause points the list's hx-target at a hidden buffer: batches keep being swapped (so the SSE
 * extension and herald-sse.js see every event and the last event id stays current), just not where
 * the reader looks. Resume moves the buffered lines into the list. Works with htmx 2 (the SSE
 * extension's htmx:sseMessage) and htmx 4 (herald-htmx4.js's swap: htmx:after:swap on the list).
 */
(function () {
  'use strict'

  function trim (list, max) {
    var extra = list.children.length - max
    if (extra <= 0) return
    var range = document.createRange()
    range.setStartBefore(list.firstElementChild)
    range.setEndAfter(list.children[extra - 1])
    range.deleteContents()
  }

  function setUp () {
    var lines = document.getElementById('log-lines')
    if (!lines) return
    var view = document.getElementById('log-view')
    var buffer = document.getElementById('log-buffer')
    var button = document.getElementById('log-pause')
    var pending = document.getElementById('log-pending')
    var max = Number(lines.dataset.maxLines)
    var atBottom = true
    var lastTop = 0 // where the page last scrolled itself

    function paused () { return lines.hasAttribute('hx-target') }
    function toBottom () {
      view.scrollTop = view.scrollHeight
      lastTop = view.scrollTop
    }

    // A scroll event fires a frame later, often after the next batch was appended below: measured
    // against the grown list, the view then looks "not at the bottom" though nobody moved it. Only a
    // move up from where the page last scrolled itself means the reader left the bottom.
    view.addEventListener('scroll', function () {
      if (view.scrollTop < lastTop - 8) atBottom = false
      else if (view.scrollTop + view.clientHeight >= view.scrollHeight - 8) atBottom = true
    })
    function swapped () {
      if (paused()) {
        trim(buffer, max)
        pending.textContent = buffer.children.length + ' new lines'
        return
      }
      trim(lines, max)
      if (atBottom) toBottom()
    }
    lines.addEventListener('htmx:sseMessage', swapped) // htmx 2
    lines.addEventListener('htmx:after:swap', swapped) // htmx 4
    button.addEventListener('click', function () {
      if (paused()) {
        lines.append.apply(lines, Array.from(buffer.children))
        trim(lines, max)
        lines.removeAttribute('hx-target')
        pending.textContent = ''
        button.textContent = 'Pause'
        toBottom()
      } else {
        lines.setAttribute('hx-target', '#log-buffer')
        button.textContent = 'Resume'
        pending.textContent = '0 new lines'
      }
    })
    toBottom()
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp)
  else setUp()
})()
