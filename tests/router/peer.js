// An Autobahn|JS client the Wampy tests drive as a real third-party peer.
// Usage: node peer.js <url> <realm>
// Prints {"ready":true,"session":<id>} once joined. Then reads one JSON command per stdin line and answers
// with one JSON line carrying the same "id":
//   {"id":1,"op":"call","procedure":"p","args":[..],"kwargs":{..}}       -> {"id":1,"ok":true,"args":[..],"kwargs":{..}}
//   {"id":2,"op":"register","procedure":"p","kind":"echo"|"error"|"binary", "error":"uri","errorArgs":[..],"errorKwargs":{..}}
//   {"id":3,"op":"subscribe","topic":"t"}   events then arrive as {"event":"t","args":[..],"kwargs":{..}}
//   {"id":4,"op":"publish","topic":"t","args":[..],"kwargs":{..}}
// Failures answer {"id":n,"ok":false,"error":"uri","args":[..],"kwargs":{..}}. Exits when stdin closes.
'use strict'
if (typeof globalThis.WebSocket === 'undefined') {
  // Node 20 has no global WebSocket; Autobahn|JS 26 expects one.
  globalThis.WebSocket = require('ws')
}
const autobahn = require('autobahn')
const readline = require('readline')

const [url, realm] = process.argv.slice(2)
const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n')

// WAMP JSON binary convention: "\u0000" + base64. Autobahn|JS does not apply it by itself.
const isBinary = (v) => typeof v === 'string' && v.charCodeAt(0) === 0
const decodeBinary = (v) => Buffer.from(v.substring(1), 'base64')
const encodeBinary = (buf) => '\u0000' + Buffer.from(buf).toString('base64')

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

const connection = new autobahn.Connection({ url, realm, max_retries: 0 })
connection.onopen = (session) => {
  out({ ready: true, session: session.id })
  const rl = readline.createInterface({ input: process.stdin })
  rl.on('line', (line) => {
    if (!line.trim()) return
    const cmd = JSON.parse(line)
    const done = (extra) => out(Object.assign({ id: cmd.id, ok: true }, extra || {}))
    try {
      switch (cmd.op) {
        case 'call':
          session.call(cmd.procedure, cmd.args || [], cmd.kwargs || {}).then((res) => {
            if (res instanceof autobahn.Result) done({ args: res.args || [], kwargs: res.kwargs || {} })
            else done({ args: res === undefined || res === null ? [] : [res], kwargs: {} })
          }, (err) => fail(cmd.id, err))
          break
        case 'register':
          session.register(cmd.procedure, handlerFor(cmd)).then(() => done(), (err) => fail(cmd.id, err))
          break
        case 'subscribe':
          session.subscribe(cmd.topic, (args, kwargs, details) => {
            out({ event: cmd.topic, args: args || [], kwargs: kwargs || {}, publisher: details.publisher })
          }).then(() => done(), (err) => fail(cmd.id, err))
          break
        case 'publish':
          session.publish(cmd.topic, cmd.args || [], cmd.kwargs || {}, { acknowledge: true })
            .then(() => done(), (err) => fail(cmd.id, err))
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
  out({ closed: reason, details: details && details.reason })
  return true
}
connection.open()
