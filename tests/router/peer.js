// An Autobahn|JS client the Wampy tests drive as a real third-party peer.
// Usage: node peer.js <url> <realm> [<connection options as JSON>]
//   connection options: {"serializer":"json"|"msgpack"|"cbor", "rawsocket":{"host":h,"port":p},
//                        "authid":..,"authmethods":[..],"ticket":..,"secret":..,"seed":"<ed25519 seed hex>",
//                        "headers":{..} (extra HTTP headers on the WebSocket upgrade, e.g. Cookie or Origin)}
// Prints {"ready":true,"session":<id>,"authid":..,"authrole":..} once joined, or {"closed":reason,...} if refused.
// Then reads one JSON command per stdin line and answers with one JSON line carrying the same "id":
//   {"id":1,"op":"call","procedure":"p","args":[..],"kwargs":{..},"options":{..}}
//        -> {"id":1,"ok":true,"args":[..],"kwargs":{..},"progress":[[..],..]}  (progress items when receive_progress)
//   {"id":2,"op":"callcancel","procedure":"p","args":[..],"cancelAfterMs":n,"mode":"kill"} -> the call's outcome
//   {"id":3,"op":"register","procedure":"p","kind":"echo"|"error"|"binary"|"progress"|"slow"|"details","options":{..},
//        "error":"uri","errorArgs":[..],"errorKwargs":{..},"count":n,"delayMs":n}
//   {"id":4,"op":"subscribe","topic":"t","options":{..}}   events arrive as {"event":"t","args":..,"kwargs":..,"details":{..}}
//   {"id":5,"op":"publish","topic":"t","args":[..],"kwargs":{..},"options":{..}}  (acknowledged)
//   {"id":6,"op":"unregister","procedure":"p"}  {"id":7,"op":"unsubscribe","topic":"t"}
// Failures answer {"id":n,"ok":false,"error":"uri","args":[..],"kwargs":{..}}. Exits when stdin closes.
'use strict'
if (typeof globalThis.WebSocket === 'undefined') {
  // Node 20 has no global WebSocket; Autobahn|JS 26 expects one.
  globalThis.WebSocket = require('ws')
}
const autobahn = require('autobahn')
const readline = require('readline')

const [url, realm, optionsJson] = process.argv.slice(2)
const settings = optionsJson ? JSON.parse(optionsJson) : {}
if (settings.headers) {
  // What a browser sends by itself (a session cookie, its page's Origin), sent here through the ws package.
  const NodeWebSocket = require('ws')
  globalThis.WebSocket = class extends NodeWebSocket {
    constructor (address, protocols) { super(address, protocols, { headers: settings.headers }) }
  }
}
// node-cbor decodes integers past 2^53 as BigInt, which JSON.stringify refuses.
const out = (obj) => process.stdout.write(JSON.stringify(obj, (k, v) => typeof v === 'bigint' ? Number(v) : v) + '\n')

// WAMP JSON binary convention: "\u0000" + base64. Autobahn|JS does not apply it by itself.
const isBinary = (v) => (typeof v === 'string' && v.charCodeAt(0) === 0) || Buffer.isBuffer(v) || v instanceof Uint8Array
const decodeBinary = (v) => typeof v === 'string' ? Buffer.from(v.substring(1), 'base64') : Buffer.from(v)
const encodeBinary = (buf) => settings.serializer && settings.serializer !== 'json' ? Buffer.from(buf) : '\u0000' + Buffer.from(buf).toString('base64')
const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

function handlerFor (cmd) {
  switch (cmd.kind) {
    case 'echo':
      return (args, kwargs) => new autobahn.Result(args || [], kwargs || {})
    case 'error':
      return () => { throw new autobahn.Error(cmd.error, cmd.errorArgs || [], cmd.errorKwargs || {}) }
    case 'binary':
      // Returns, for each binary argument, its length and the bytes reversed (as binary again).
      return (args) => new autobahn.Result((args || []).map((a) => {
        if (!isBinary(a)) throw new autobahn.Error('test.error.not_binary', [typeof a])
        const bytes = decodeBinary(a)
        return { length: bytes.length, reversed: encodeBinary(Buffer.from(bytes).reverse()) }
      }))
    case 'progress':
      // Sends args[0] progress items (0..n-1) when the caller asked for them, then the final result n.
      return async (args, kwargs, details) => {
        const n = (args && args[0]) || 0
        for (let i = 0; i < n; i++) {
          if (details.progress) details.progress([i])
          await delay(1)
        }
        return new autobahn.Result([n])
      }
    case 'slow':
      return async (args) => { await delay(cmd.delayMs || 1000); return new autobahn.Result(args || []) }
    case 'details':
      // Returns what the router disclosed in the invocation details.
      return (args, kwargs, details) => new autobahn.Result([{
        procedure: details.procedure || null,
        caller: details.caller || null,
        caller_authid: details.caller_authid || null,
        caller_authrole: details.caller_authrole || null,
        who: cmd.name || null
      }])
    default:
      throw new Error('unknown handler kind ' + cmd.kind)
  }
}

function fail (id, err) {
  if (err instanceof autobahn.Error || (err && err.error)) {
    out({ id, ok: false, error: err.error, args: err.args || [], kwargs: err.kwargs || {} })
  } else {
    out({ id, ok: false, error: 'peer.exception', args: [String(err && err.message ? err.message : err)], kwargs: {} })
  }
}

const plain = (v) => Buffer.isBuffer(v) || v instanceof Uint8Array ? encodeBinaryForOutput(v) : v
function encodeBinaryForOutput (v) { return '\u0000' + Buffer.from(v).toString('base64') }
const plainArgs = (args) => (args || []).map(plain)

function connectionOptions () {
  const options = { realm, max_retries: 0, retry_if_unreachable: false }
  const serializers = { json: autobahn.serializer.JSONSerializer, msgpack: autobahn.serializer.MsgpackSerializer, cbor: autobahn.serializer.CBORSerializer }
  if (settings.rawsocket) {
    options.transports = [{ type: 'rawsocket', host: settings.rawsocket.host, port: settings.rawsocket.port }]
  } else {
    options.transports = [{ type: 'websocket', url, serializers: [new serializers[settings.serializer || 'json']()] }]
  }
  if (settings.authmethods) {
    options.authmethods = settings.authmethods
    options.authid = settings.authid
    if (settings.seed) {
      const nacl = require('tweetnacl')
      const keyPair = nacl.sign.keyPair.fromSeed(Buffer.from(settings.seed, 'hex'))
      options.authextra = { pubkey: Buffer.from(keyPair.publicKey).toString('hex') }
      options.onchallenge = (session, method, extra) => {
        const challenge = Buffer.from(extra.challenge, 'hex')
        const signature = nacl.sign.detached(challenge, keyPair.secretKey)
        return Buffer.from(signature).toString('hex') + extra.challenge
      }
    } else {
      options.onchallenge = (session, method, extra) => {
        if (method === 'ticket') return settings.ticket
        if (method === 'wampcra') {
          const key = extra.salt ? autobahn.auth_cra.derive_key(settings.secret, extra.salt, extra.iterations, extra.keylen) : settings.secret
          return autobahn.auth_cra.sign(key, extra.challenge)
        }
        throw new Error('unexpected challenge ' + method)
      }
    }
  }
  return options
}

const registrations = {}
const subscriptions = {}
const connection = new autobahn.Connection(connectionOptions())
connection.onopen = (session, details) => {
  out({ ready: true, session: session.id, authid: details.authid, authrole: details.authrole, authmethod: details.authmethod })
  const rl = readline.createInterface({ input: process.stdin })
  rl.on('line', (line) => {
    if (!line.trim()) return
    const cmd = JSON.parse(line)
    const done = (extra) => out(Object.assign({ id: cmd.id, ok: true }, extra || {}))
    const result = (progress) => (res) => {
      if (res instanceof autobahn.Result) done({ args: plainArgs(res.args), kwargs: res.kwargs || {}, progress })
      else done({ args: res === undefined || res === null ? [] : [plain(res)], kwargs: {}, progress })
    }
    try {
      switch (cmd.op) {
        case 'call': {
          const progress = []
          session.call(cmd.procedure, cmd.args || [], cmd.kwargs || {}, cmd.options || {})
            .then(result(progress), (err) => fail(cmd.id, err), (p) => progress.push(p instanceof autobahn.Result ? plainArgs(p.args) : [p]))
          break
        }
        case 'callcancel': {
          const promise = session.call(cmd.procedure, cmd.args || [], cmd.kwargs || {}, cmd.options || {})
          promise.then(result(), (err) => fail(cmd.id, err))
          setTimeout(() => promise.cancel({ mode: cmd.mode }), cmd.cancelAfterMs || 0)
          break
        }
        case 'register':
          session.register(cmd.procedure, handlerFor(cmd), cmd.options || {})
            .then((r) => { registrations[cmd.procedure] = r; done({ registration: r.id }) }, (err) => fail(cmd.id, err))
          break
        case 'unregister':
          session.unregister(registrations[cmd.procedure]).then(() => done(), (err) => fail(cmd.id, err))
          break
        case 'subscribe':
          session.subscribe(cmd.topic, (args, kwargs, details) => {
            out({ event: cmd.topic, args: plainArgs(args), kwargs: kwargs || {}, publisher: details.publisher, details: { topic: details.topic || null, publisher: details.publisher || null, publisher_authid: details.publisher_authid || null, retained: details.retained || false } })
          }, cmd.options || {}).then((s) => { subscriptions[cmd.topic] = s; done({ subscription: s.id }) }, (err) => fail(cmd.id, err))
          break
        case 'unsubscribe':
          session.unsubscribe(subscriptions[cmd.topic]).then(() => done(), (err) => fail(cmd.id, err))
          break
        case 'publish':
          session.publish(cmd.topic, cmd.args || [], cmd.kwargs || {}, Object.assign({ acknowledge: true }, cmd.options || {}))
            .then((p) => done({ publication: p.id }), (err) => fail(cmd.id, err))
          break
        default:
          fail(cmd.id, new Error('unknown op ' + cmd.op))
      }
    } catch (e) {
      fail(cmd.id, e)
    }
  })
  rl.on('close', () => { connection.close(); process.exit(0) })
}
connection.onclose = (reason, details) => {
  out({ closed: reason, details: details && details.reason, message: details && details.message })
  return true
}
connection.open()
