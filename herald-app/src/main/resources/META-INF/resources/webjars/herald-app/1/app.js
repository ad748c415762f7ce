/*
 * The pages' small behaviours, kept in a file so that the Content-Security-Policy can forbid inline
 * script (no hx-on attributes, which htmx would have to eval). Each is declared by a data attribute:
 *
 *   form[data-reset-on-success]   cleared after htmx posted it successfully (htmx 2 and htmx 4)
 *   [data-drop-dataless-events]   SSE events without data are not swapped: the EventSource's own
 *                                 connection errors are dispatched as "error" too (htmx 2)
 *   textarea[data-enter-sends]    Enter submits the form, Shift+Enter starts a new line
 *   [data-leave-beacon]           posted to when the page goes away (closed, reloaded, left): the
 *                                 chat room's presence drops the page now, not when the server
 *                                 notices its stream ended
 */
(function () {
  'use strict'

  function resettable (event) {
    var form = event.target
    return form instanceof HTMLFormElement && form.hasAttribute('data-reset-on-success') ? form : null
  }

  document.addEventListener('htmx:afterRequest', function (event) {
    var form = resettable(event)
    if (form && event.detail.successful) form.reset()
  })

  document.addEventListener('htmx:after:request', function (event) {
    var form = resettable(event)
    var response = event.detail.ctx && event.detail.ctx.response
    if (form && response && response.status >= 200 && response.status < 300) form.reset()
  })

  document.addEventListener('htmx:sseBeforeMessage', function (event) {
    if (event.target.closest('[data-drop-dataless-events]') && event.detail.data === undefined) event.preventDefault()
  })

  window.addEventListener('pagehide', function () {
    var leaving = document.querySelector('[data-leave-beacon]')
    if (leaving && navigator.sendBeacon) navigator.sendBeacon(leaving.getAttribute('data-leave-beacon'))
  })

  document.addEventListener('keydown', function (event) {
    var field = event.target
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || !(field instanceof HTMLTextAreaElement) ||
        !field.hasAttribute('data-enter-sends') || !field.form) return
    event.preventDefault()
    if (field.value.trim() !== '') field.form.requestSubmit()
  })
})()
