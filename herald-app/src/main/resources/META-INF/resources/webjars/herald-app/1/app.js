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
 *   form[data-upload-progress]    while htmx posts it, the element with the id it names is shown with
 *                                 the bytes sent: its <progress> and its [data-upload-bytes] text;
 *                                 hidden again when the post fails (htmx 2 and htmx 4)
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

  /** The form's byte progress display, as a function (loaded, total), or null when it shows none. */
  function uploadProgress (form) {
    var id = form instanceof HTMLFormElement && form.getAttribute('data-upload-progress')
    var shown = id && document.getElementById(id)
    if (!shown) return null
    var bar = shown.querySelector('progress')
    var text = shown.querySelector('[data-upload-bytes]')
    var show = function (loaded, total) {
      shown.hidden = false
      bar.max = total
      bar.value = loaded
      text.textContent = byteSize(loaded) + ' of ' + byteSize(total)
    }
    show.hide = function () { shown.hidden = true }
    return show
  }

  /** As ByteSize.text on the server: 812 B, 3.2 MiB. */
  function byteSize (bytes) {
    if (bytes < 1024) return bytes + ' B'
    var unit = Math.min(Math.floor(Math.log2(bytes) / 10), 6)
    return (bytes / Math.pow(1024, unit)).toFixed(1) + ' ' + 'BKMGTPE'.charAt(unit) + 'iB'
  }

  function reportUpload (upload, show) {
    upload.addEventListener('progress', function (event) {
      if (event.lengthComputable) show(event.loaded, event.total)
    })
  }

  // htmx 2 sends with an XMLHttpRequest of its own: listen to its upload before it is sent.
  document.addEventListener('htmx:beforeSend', function (event) {
    var show = uploadProgress(event.detail.elt)
    if (show) reportUpload(event.detail.xhr.upload, show)
  })

  document.addEventListener('htmx:afterRequest', function (event) {
    var show = uploadProgress(event.detail.elt)
    if (show && !event.detail.successful) show.hide()
  })

  // htmx 4 sends with fetch, which reports no upload progress: such a form is sent with an
  // XMLHttpRequest instead, behind the same fetch contract htmx calls.
  document.addEventListener('htmx:before:request', function (event) {
    var ctx = event.detail.ctx
    var show = uploadProgress(ctx.sourceElement)
    if (show) ctx.fetch = fetchReportingUpload(show)
  })

  document.addEventListener('htmx:finally:request', function (event) {
    var ctx = event.detail.ctx
    var show = uploadProgress(ctx.sourceElement)
    var status = ctx.response && ctx.response.status
    if (show && !(status >= 200 && status < 300)) show.hide()
  })

  function fetchReportingUpload (show) {
    return function (url, init) {
      return new Promise(function (resolve, reject) {
        var xhr = new XMLHttpRequest()
        xhr.open(init.method, url)
        new Headers(init.headers).forEach(function (value, name) { xhr.setRequestHeader(name, value) })
        reportUpload(xhr.upload, show)
        xhr.addEventListener('load', function () {
          var bodiless = [101, 103, 204, 205, 304].indexOf(xhr.status) >= 0
          resolve(new Response(bodiless ? null : xhr.responseText,
            { status: xhr.status, statusText: xhr.statusText, headers: responseHeaders(xhr) }))
        })
        xhr.addEventListener('error', function () { reject(new TypeError('the upload to ' + url + ' failed')) })
        xhr.addEventListener('abort', function () { reject(new DOMException('the upload was aborted', 'AbortError')) })
        if (init.signal) init.signal.addEventListener('abort', function () { xhr.abort() })
        xhr.send(init.body)
      })
    }
  }

  function responseHeaders (xhr) {
    var headers = new Headers()
    xhr.getAllResponseHeaders().split('\r\n').forEach(function (line) {
      var colon = line.indexOf(':')
      if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim())
    })
    return headers
  }

  document.addEventListener('keydown', function (event) {
    var field = event.target
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing || !(field instanceof HTMLTextAreaElement) ||
        !field.hasAttribute('data-enter-sends') || !field.form) return
    event.preventDefault()
    if (field.value.trim() !== '') field.form.requestSubmit()
  })
})()
