/*
 * herald-share.js: one hub connection per browser, shared by all of a site's tabs.
 *
 * Browsers open at most six HTTP/1.1 connections per origin, and every live page holds one, so the
 * seventh tab never loads. Here one stream carries the union of the open tabs' topics:
 *
 * - in a SharedWorker (this same file, loaded as the worker's script), or
 * - where there is none (Chrome on Android), in one leader tab elected with Web Locks, relaying
 *   over a BroadcastChannel; when the leader closes, the next tab takes over, and every tab
 *   re-announces where it is, so nothing is lost;
 * - with neither, or when the page has <meta name="herald-share" content="off">, nothing is
 *   shared: each tab holds a connection of its own, as without this file (herald-tabs.js still
 *   closes a hidden htmx 2 page's, as htmx 4 does itself).
 *
 * The shared stream is a routed subscribe (herald-route=topics, see docs/protocol.md): every event
 * names its topics and hub position in the first line of its data. Each page subscription gets only
 * the events of its own topics, after the position it was rendered at (a page's lastEventID), once:
 * positions are ordered. A page that needs an earlier position than the stream's makes it reconnect
 * from there (unless the recent events it needs are still held here); a topic no page needs any more
 * is dropped by reconnecting with the smaller union.
 *
 * In a page this file defines window.HeraldShare (used by herald-tabs.js):
 *   HeraldShare.mode                       'worker' | 'leader' | 'off'
 *   HeraldShare.subscribe(url, handlers)   url: a subscribe URL (topic=…&lastEventID=…);
 *     handlers.event({type, data, id, hasId}), handlers.state('connecting' | 'open' | 'closed')
 *     returns {pause(), resume(), close()}
 */
(function (scope) {
  'use strict'

  var ROUTE = 'herald-route'
  var LAST_EVENT_ID = 'lastEventID'
  /** Recent events kept per connection, so a page joining a little behind needs no reconnect. */
  var HELD_EVENTS = 500
  /** A connection no page needs waits this long for one (a page navigating to the next) before it closes. */
  var IDLE_CLOSE_MS = 3000
  /** A topic no page needs any more is dropped after this, so a burst of tab changes reconnects once. */
  var SHRINK_MS = 1000
  /** No byte for this long (the server writes a heartbeat every 15 s by default): the stream is dead. */
  var SILENCE_MS = 45000
  var MAX_BACKOFF_MS = 30000
  /** Topics the hub takes on one subscribe (herald-jetty's Limits): past them, a second stream. */
  var MAX_TOPICS = 64

  // ---------------------------------------------------------------------------------------------
  // Positions: an id's digits after its last ':' (hub ids are <epoch>:<position>); comparable only
  // within one epoch, the part before.

  function positionOf (id) {
    var match = /:(\d+)$/.exec(id || '')
    return match ? Number(match[1]) : -Infinity
  }

  function epochOf (id) {
    var bare = (id || '').replace(/^#/, '') // Mercure-style ids may be IRI fragments
    var at = bare.lastIndexOf(':')
    return at < 0 ? '' : bare.slice(0, at)
  }

  // ---------------------------------------------------------------------------------------------
  // The core: connections to the hub, one per distinct base URL, each for the union of the topics
  // of the page subscriptions on it. Runs in the SharedWorker or in the leader tab.

  function Core () {
    this.conns = new Map() // key -> Conn
    this.subs = new Map() // tab + ' ' + sub -> Sub
    this.tabs = new Map() // tab -> send(message)
  }

  /** A message from a tab; {@code send} answers it. */
  Core.prototype.receive = function (tab, message, send) {
    this.tabs.set(tab, send)
    switch (message.op) {
      case 'hello': return this.watch(tab, message.lock)
      case 'join': return this.join(tab, message.sub, message.url,
        message.lastId !== undefined ? message.lastId : new URL(message.url, scope.location.href).searchParams.get(LAST_EVENT_ID))
      case 'leave': return this.leave(tab + ' ' + message.sub)
      case 'bye': return this.dropTab(tab)
    }
  }

  /** The tab holds the lock {@code name} while it lives: when it is granted here, the tab is gone. */
  Core.prototype.watch = function (tab, name) {
    var core = this
    if (name && scope.navigator && scope.navigator.locks) {
      scope.navigator.locks.request(name, function () { core.dropTab(tab) })
    }
  }

  Core.prototype.dropTab = function (tab) {
    var core = this
    this.subs.forEach(function (sub, sid) { if (sub.tab === tab) core.leave(sid) })
    this.tabs.delete(tab)
  }

  Core.prototype.join = function (tab, subId, url, lastId) {
    var parsed = parse(url)
    var sid = tab + ' ' + subId
    this.leave(sid)
    var sub = {
      sid: sid, tab: tab, id: subId, key: this.keyFor(parsed, sid), topics: parsed.topics,
      lastId: lastId || null, at: lastId ? positionOf(lastId) : null, epoch: epochOf(lastId), snapshots: {}, attached: false
    }
    this.subs.set(sid, sub)
    var conn = this.conns.get(sub.key)
    if (!conn) {
      conn = new Conn(this, parsed.base, sub.key)
      this.conns.set(sub.key, conn)
    }
    if (!conn.attach(sub)) conn.reconcileSoon(30)
  }

  /**
   * The stream a subscription goes on: the first one to its base URL whose topics, with the
   * subscription's, stay within what the hub takes on one subscribe.
   */
  Core.prototype.keyFor = function (parsed, sid) {
    for (var i = 0; ; i++) {
      var key = parsed.key + ' ' + i
      var topics = new Set(parsed.topics)
      this.subsOf(key).forEach(function (other) {
        if (other.sid !== sid) other.topics.forEach(function (topic) { topics.add(topic) })
      })
      if (topics.size <= MAX_TOPICS || topics.size === parsed.topics.length) return key
    }
  }

  Core.prototype.leave = function (sid) {
    var sub = this.subs.get(sid)
    if (!sub) return
    this.subs.delete(sid)
    var conn = this.conns.get(sub.key)
    if (conn) conn.reconcileSoon(SHRINK_MS)
  }

  Core.prototype.subsOf = function (key) {
    var list = []
    this.subs.forEach(function (sub) { if (sub.key === key) list.push(sub) })
    return list
  }

  Core.prototype.send = function (sub, message) {
    var send = this.tabs.get(sub.tab)
    message.sub = sub.id
    if (send) send(message)
  }

  /** The subscribe URL without what differs between pages: their topics, position and routing. */
  function parse (url) {
    var base = new URL(url, scope.location.href)
    var topics = base.searchParams.getAll('topic')
    ;['topic', LAST_EVENT_ID, ROUTE].forEach(function (name) { base.searchParams.delete(name) })
    base.searchParams.sort()
    return { base: base, key: base.href, topics: unique(topics) }
  }

  function unique (list) {
    return Array.from(new Set(list)).sort()
  }

  function covers (topics, wanted) {
    return wanted.every(function (topic) { return topics.indexOf(topic) >= 0 })
  }

  function intersects (a, b) {
    return a.some(function (topic) { return b.indexOf(topic) >= 0 })
  }

  // ---------------------------------------------------------------------------------------------
  // One connection: a fetch-read text/event-stream (an EventSource would hand over only the event
  // types listened to by name, and these are the pages' to know).

  function Conn (core, base, key) {
    this.core = core
    this.base = base
    this.key = key
    this.topics = []
    this.lastId = null // the stream's Last-Event-ID
    this.at = null // every event of the topics after this position has come (null: not known)
    this.epoch = ''
    this.held = [] // recent events, oldest first
    this.heldFrom = null // held holds every event after this position
    this.state = 'connecting'
    this.abort = null
    this.timer = null
    this.retryMs = 3000
    this.failures = 0
  }

  /** Attaches {@code sub} if this stream already carries everything it needs; true if it did. */
  Conn.prototype.attach = function (sub) {
    if (!this.abort || !covers(this.topics, sub.topics)) return false
    if (sub.at === null) { // a page with no position takes what comes from now on
      sub.at = this.at === null ? -Infinity : this.at
      sub.lastId = this.lastId
      sub.epoch = this.epoch
    } else if (this.heldFrom === null || sub.epoch !== this.epoch || sub.at < this.heldFrom) {
      return false
    }
    sub.attached = true
    this.core.send(sub, { op: 'state', state: this.state })
    var conn = this
    this.held.forEach(function (event) { conn.deliver(sub, event) })
    return true
  }

  Conn.prototype.reconcileSoon = function (delayMs) {
    var conn = this
    if (this.timer && this.timerDue <= Date.now() + delayMs) return
    clearTimeout(this.timer)
    this.timerDue = Date.now() + delayMs
    this.timer = setTimeout(function () { conn.timer = null; conn.reconcile() }, delayMs)
  }

  /** Reconnects when the pages need other topics, or an earlier position; closes when none is left. */
  Conn.prototype.reconcile = function () {
    var subs = this.core.subsOf(this.key)
    var conn = this
    if (subs.length === 0) {
      if (this.idleSince === undefined) {
        this.idleSince = Date.now()
        return this.reconcileSoon(IDLE_CLOSE_MS)
      }
      if (Date.now() - this.idleSince < IDLE_CLOSE_MS) return this.reconcileSoon(IDLE_CLOSE_MS)
      this.stop()
      this.core.conns.delete(this.key)
      return
    }
    this.idleSince = undefined
    var union = unique([].concat.apply([], subs.map(function (sub) { return sub.topics })))
    var waiting = subs.filter(function (sub) { return !sub.attached && !conn.attach(sub) })
    if (this.abort && waiting.length === 0 && union.join('\n') === this.topics.join('\n')) return
    // From the earliest position any page needs, within the stream's life of the hub (a page from
    // an earlier life cannot be served exactly either way: it takes what comes).
    var from = this.lastId === null ? null : { at: this.at, id: this.lastId, epoch: this.epoch }
    subs.forEach(function (sub) {
      if (sub.lastId === null) return
      if (from === null || (sub.epoch === from.epoch && sub.at < from.at)) {
        from = { at: sub.at, id: sub.lastId, epoch: sub.epoch }
      }
    })
    this.topics = union
    this.lastId = from ? from.id : null
    this.at = from ? from.at : null
    this.epoch = from ? from.epoch : ''
    this.held = []
    this.heldFrom = this.at
    subs.forEach(function (sub) {
      if (sub.at === null) { sub.at = -Infinity; sub.epoch = conn.epoch }
      if (sub.attached) return
      sub.attached = true
      conn.core.send(sub, { op: 'state', state: conn.state })
    })
    this.connect()
  }

  Conn.prototype.stop = function () {
    if (this.abort) this.abort.abort()
    this.abort = null
    clearTimeout(this.retryTimer)
    clearTimeout(this.silenceTimer)
  }

  Conn.prototype.setState = function (state) {
    if (this.state === state) return
    this.state = state
    var conn = this
    this.core.subsOf(this.key).forEach(function (sub) {
      if (sub.attached) conn.core.send(sub, { op: 'state', state: state })
    })
  }

  Conn.prototype.connect = function () {
    this.stop()
    var conn = this
    var controller = new AbortController()
    this.abort = controller
    var url = new URL(this.base.href)
    this.topics.forEach(function (topic) { url.searchParams.append('topic', topic) })
    url.searchParams.set(ROUTE, 'topics')
    if (this.lastId) url.searchParams.set(LAST_EVENT_ID, this.lastId)
    this.watchSilence() // a reconnect the pages asked for is not "offline": the state stays as it was
    fetch(url.href, { headers: { Accept: 'text/event-stream' }, cache: 'no-store', credentials: 'same-origin', signal: controller.signal })
      .then(function (response) {
        if (conn.abort !== controller) return
        var type = response.headers.get('Content-Type') || ''
        if (response.status === 204) return conn.end('closed')
        if (!response.ok || type.indexOf('text/event-stream') !== 0) {
          // A refusal (a 4xx: a topic the hub rejects) would be refused again; a 5xx may pass.
          return response.status >= 400 && response.status < 500 ? conn.end('closed') : conn.retry()
        }
        conn.failures = 0
        conn.setState('open')
        return conn.read(response.body.getReader(), controller)
      })
      .catch(function () {
        if (conn.abort === controller) conn.retry()
      })
  }

  /** The stream was closed for good: every page is told, and must subscribe again. */
  Conn.prototype.end = function (state) {
    this.stop()
    this.setState(state)
    var core = this.core
    this.core.subsOf(this.key).forEach(function (sub) { core.subs.delete(sub.sid) })
    this.core.conns.delete(this.key)
  }

  Conn.prototype.retry = function () {
    if (!this.abort) return
    this.stop()
    this.abort = new AbortController() // still running: pages attach, and wait for the reconnect
    this.setState('connecting')
    // The server's retry delay, growing by half after each failure in a row, with jitter: a restart
    // does not bring every browser back at the same instant.
    var delay = Math.min(this.retryMs * Math.pow(1.5, this.failures++), MAX_BACKOFF_MS) * (0.8 + 0.4 * Math.random())
    var conn = this
    this.retryTimer = setTimeout(function () { conn.connect() }, delay)
  }

  Conn.prototype.watchSilence = function () {
    var conn = this
    clearTimeout(this.silenceTimer)
    this.silenceTimer = setTimeout(function () { conn.retry() }, SILENCE_MS)
  }

  Conn.prototype.read = function (reader, controller) {
    var conn = this
    var parser = new Parser(this.lastId, function (event) { conn.dispatch(event) }, function (ms) { conn.retryMs = ms })
    var decoder = new TextDecoder()
    function next () {
      return reader.read().then(function (chunk) {
        if (conn.abort !== controller) return reader.cancel()
        conn.watchSilence()
        if (chunk.done) {
          conn.failures = 0
          return conn.retry() // the stream ended: reconnect after the server's retry delay
        }
        parser.feed(decoder.decode(chunk.value, { stream: true }))
        return next()
      })
    }
    return next()
  }

  /** An event of the stream: its route line read off, held, and handed to the pages it is for. */
  Conn.prototype.dispatch = function (event) {
    var cut = event.data.indexOf('\n')
    var route
    try {
      route = JSON.parse(cut < 0 ? event.data : event.data.slice(0, cut))
    } catch (e) {
      return // not a routed event: no page asked for it
    }
    var routed = {
      type: event.type, data: cut < 0 ? '' : event.data.slice(cut + 1), id: event.id, hasId: event.hasId,
      topics: route.topics || null, at: typeof route.position === 'number' ? route.position : null,
      snapshot: !event.hasId && typeof route.position === 'number', snapshotId: route.id
    }
    var epoch = routed.snapshot ? epochOf(route.id) : (event.hasId ? epochOf(event.id) : this.epoch)
    if (epoch !== this.epoch) { // another life of the hub: positions start again, and what it
      this.epoch = epoch // published before this stream saw it is not known here
      this.at = null
      this.held = []
      this.heldFrom = null
    }
    routed.epoch = epoch
    if (event.hasId && !routed.snapshot) {
      this.lastId = event.id
      if (routed.at !== null) this.at = routed.at
      if (routed.at !== null) {
        this.held.push(routed)
        if (this.held.length > HELD_EVENTS) this.heldFrom = this.held.shift().at
      }
    }
    var conn = this
    this.core.subsOf(this.key).forEach(function (sub) { if (sub.attached) conn.deliver(sub, routed) })
  }

  /** Hands {@code event} to {@code sub} if it is for its topics and after its position; moves the position on. */
  Conn.prototype.deliver = function (sub, event) {
    if (sub.epoch !== event.epoch && event.epoch !== '') { // positions of another life of the hub
      sub.epoch = event.epoch
      sub.at = -Infinity
      sub.snapshots = {}
    }
    var mine = event.topics === null ? sub.topics : event.topics.filter(function (t) { return sub.topics.indexOf(t) >= 0 })
    if (event.topics !== null && mine.length === 0) {
      if (event.hasId && event.at !== null && event.at > sub.at) { sub.at = event.at; sub.lastId = event.id }
      return // not this page's: its position still moves on, the stream carried everything up to it
    }
    if (event.snapshot) {
      var topic = mine[0]
      if (event.at <= sub.at || event.at <= (sub.snapshots[topic] === undefined ? -Infinity : sub.snapshots[topic])) return
      sub.snapshots[topic] = event.at
    } else if (event.at !== null) {
      if (event.at <= sub.at) return
      sub.at = event.at
      sub.lastId = event.id
      var shown = mine.every(function (t) { return sub.snapshots[t] !== undefined && sub.snapshots[t] >= event.at })
      if (shown) return // already in a snapshot this page took
    }
    this.core.send(sub, {
      op: 'event', type: event.type, data: event.data, id: event.hasId ? event.id : sub.lastId, hasId: event.hasId,
      at: event.at, epoch: event.epoch, snapshot: event.snapshot
    })
  }

  // ---------------------------------------------------------------------------------------------
  // text/event-stream parsing (WHATWG HTML §9.2.6): lines end at CR, LF or CRLF; one space after
  // the colon is dropped; the id is sticky; an event with no data is not dispatched.

  function Parser (lastId, onEvent, onRetry) {
    this.buffer = ''
    this.lastId = lastId || ''
    this.onEvent = onEvent
    this.onRetry = onRetry
    this.reset()
    this.first = true
    this.pendingCR = false
  }

  Parser.prototype.reset = function () {
    this.data = null
    this.type = ''
    this.hasId = false
  }

  Parser.prototype.feed = function (text) {
    if (this.first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
      this.first = false
    }
    if (this.pendingCR && text.charAt(0) === '\n') text = text.slice(1)
    this.pendingCR = false
    this.buffer += text
    var lines = this.buffer.split(/\r\n|\r|\n/)
    this.buffer = lines.pop()
    if (this.buffer === '' && /\r$/.test(text)) this.pendingCR = true
    for (var i = 0; i < lines.length; i++) this.line(lines[i])
  }

  Parser.prototype.line = function (line) {
    if (line === '') {
      if (this.data !== null) {
        this.onEvent({ type: this.type || 'message', data: this.data, id: this.lastId, hasId: this.hasId })
      }
      return this.reset()
    }
    if (line.charAt(0) === ':') return
    var colon = line.indexOf(':')
    var field = colon < 0 ? line : line.slice(0, colon)
    var value = colon < 0 ? '' : line.slice(colon + (line.charAt(colon + 1) === ' ' ? 2 : 1))
    if (field === 'data') this.data = this.data === null ? value : this.data + '\n' + value
    else if (field === 'event') this.type = value
    else if (field === 'id' && value.indexOf('\0') < 0) { this.lastId = value; this.hasId = true }
    else if (field === 'retry' && /^\d+$/.test(value)) this.onRetry(Number(value))
  }

  // ---------------------------------------------------------------------------------------------
  // In the SharedWorker: one Core, each connecting tab a port.

  if (typeof document === 'undefined') {
    var core = new Core()
    scope.onconnect = function (connected) {
      var port = connected.ports[0]
      port.onmessage = function (evt) {
        core.receive(evt.data.tab, evt.data, function (message) { port.postMessage(message) })
      }
      port.start()
    }
    return
  }

  // ---------------------------------------------------------------------------------------------
  // In a page: the client every subscription of the page goes through.

  var script = document.currentScript && document.currentScript.src
  var optOut = document.querySelector('meta[name="herald-share"][content="off"]')
  var mode = optOut || !script ? 'off'
    : typeof scope.SharedWorker === 'function' ? 'worker'
      : scope.navigator.locks && typeof scope.BroadcastChannel === 'function' ? 'leader'
        : 'off'
  var tabId = Math.random().toString(36).slice(2) + Date.now().toString(36)
  var subs = new Map() // id -> page subscription
  var nextSub = 1
  var post // a message to the core

  function received (message) {
    var sub = subs.get(message.sub)
    if (sub) sub.receive(message)
  }

  function announce () {
    post({ op: 'hello', tab: tabId, lock: 'herald-tab:' + tabId })
    subs.forEach(function (sub) { if (!sub.paused) sub.join() })
  }

  function holdTabLock (then) {
    if (!scope.navigator.locks) return then()
    scope.navigator.locks.request('herald-tab:' + tabId, function () {
      then()
      return new Promise(function () {}) // held for the page's life
    })
  }

  if (mode === 'worker') {
    var worker = new scope.SharedWorker(script, { name: 'herald-share' })
    worker.port.onmessage = function (evt) { received(evt.data) }
    worker.port.start()
    post = function (message) { message.tab = tabId; worker.port.postMessage(message) }
    holdTabLock(function () { post({ op: 'hello', lock: 'herald-tab:' + tabId }) })
  } else if (mode === 'leader') {
    var channel = new scope.BroadcastChannel('herald-share')
    var leading = null // this tab's Core while it leads
    var queued = [] // messages posted before the first lock answer
    var ready = false
    post = function (message) {
      message.tab = tabId
      if (!ready) return queued.push(message)
      if (leading) leading.receive(tabId, message, received)
      else channel.postMessage(message)
    }
    channel.onmessage = function (evt) {
      var message = evt.data
      if (leading && message.op !== 'event' && message.op !== 'state' && message.op !== 'leader') {
        leading.receive(message.tab, message, function (answer) { answer.to = message.tab; channel.postMessage(answer) })
      } else if (!leading && message.op === 'leader') {
        announce() // a new leader knows nothing: say where this tab is
      } else if (!leading && message.to === tabId) {
        received(message)
      }
    }
    holdTabLock(function () {
      ready = true
      queued.splice(0).forEach(post)
    })
    scope.navigator.locks.request('herald-share-leader', function () {
      leading = new Core()
      ready = true
      queued = []
      announce()
      channel.postMessage({ op: 'leader', tab: tabId })
      return new Promise(function () {}) // leads until the page goes
    })
  }

  if (mode !== 'off') {
    scope.addEventListener('pagehide', function (evt) {
      if (!evt.persisted) post({ op: 'bye' })
    })
  }

  /** A page subscription: the events of {@code url}'s topics after its lastEventID. */
  function Subscription (url, handlers) {
    this.id = nextSub++
    this.url = new URL(url, location.href).href
    this.handlers = handlers
    var lastId = new URL(url, location.href).searchParams.get(LAST_EVENT_ID)
    this.lastId = lastId || null
    this.at = lastId ? positionOf(lastId) : -Infinity
    this.epoch = epochOf(lastId)
    this.paused = false
    subs.set(this.id, this)
    this.join()
  }

  Subscription.prototype.join = function () {
    post({ op: 'join', sub: this.id, url: this.url, lastId: this.lastId })
  }

  Subscription.prototype.receive = function (message) {
    if (this.paused) return
    if (message.op === 'state') {
      if (message.state === 'closed') subs.delete(this.id) // the core dropped it: subscribe again
      return this.handlers.state(message.state)
    }
    if (message.hasId && !message.snapshot && message.at !== null) {
      // A second guard against doubles, as a new leader may replay from an earlier position.
      if (message.epoch === this.epoch && message.at <= this.at) return
      this.at = message.at
      this.epoch = message.epoch
    }
    if (message.hasId) this.lastId = message.id
    this.handlers.event({ type: message.type, data: message.data, id: this.lastId || '', hasId: message.hasId })
  }

  /** Stops receiving (a hidden page), remembering where it is. */
  Subscription.prototype.pause = function () {
    if (this.paused) return
    this.paused = true
    post({ op: 'leave', sub: this.id })
  }

  /** Receives again from where it paused: nothing in between is lost. */
  Subscription.prototype.resume = function () {
    if (!this.paused) return
    this.paused = false
    this.join()
  }

  Subscription.prototype.close = function () {
    if (!subs.delete(this.id)) return
    post({ op: 'leave', sub: this.id })
  }

  scope.HeraldShare = {
    mode: mode,
    subscribe: function (url, handlers) {
      if (mode === 'off') throw new Error('herald-share: sharing is off on this page')
      return new Subscription(url, handlers)
    }
  }
})(self)
