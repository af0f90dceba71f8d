// A scripted WebSocket endpoint that speaks whatever frames a test tells it to: the way to put a fault at one
// exact byte (a malformed frame, a router-initiated GOODBYE, an unknown message type) in front of the client.
// It is not a WAMP router. Usage: node scripted-router.js [--tls cert.pem key.pem]
// Prints "LISTENING <port>", then "OPEN" per connection and "RECV <frame>" per frame received.
// Stdin commands, one per line: "SEND <text frame>", "SENDMANY <JSON array of text frames>" (one write),
// "SENDBIN <hex>", "SENDFRAG <n> <text>", "SENDBIG <bytes>",
// "CLOSE <code>", "DROP" (no close handshake), "NOSUBPROTOCOL" (refuse the subprotocol of the next connections),
// "PROTOCOL <name>" (accept that subprotocol instead of wamp.2.json).
'use strict'
const WebSocket = require('ws')
const readline = require('readline')

// Optional TLS: node scripted-router.js --tls <cert.pem> <key.pem> serves wss:// instead of ws://.
const tlsIndex = process.argv.indexOf('--tls')
let acceptProtocol = true
let acceptedProtocol = 'wamp.2.json'
const sockets = new Set()
const wsOptions = {
  maxPayload: 64 * 1024 * 1024,
  handleProtocols: (protocols) => (acceptProtocol && protocols.has(acceptedProtocol) ? acceptedProtocol : false),
}
let server
let listener
if (tlsIndex >= 0) {
  const fs = require('fs')
  // Client certificates are requested (not required); each connection prints the one it got.
  listener = require('https').createServer({
    cert: fs.readFileSync(process.argv[tlsIndex + 1]),
    key: fs.readFileSync(process.argv[tlsIndex + 2]),
    requestCert: true,
    rejectUnauthorized: false,
  })
  server = new WebSocket.Server(Object.assign({ server: listener }, wsOptions))
  listener.listen(0, '127.0.0.1', () => process.stdout.write(`LISTENING ${listener.address().port}\n`))
} else {
  server = new WebSocket.Server(Object.assign({ host: '127.0.0.1', port: 0 }, wsOptions))
  server.on('listening', () => process.stdout.write(`LISTENING ${server.address().port}\n`))
}
server.on('connection', (ws, request) => {
  sockets.add(ws)
  process.stdout.write('OPEN\n')
  if (request.socket.getPeerCertificate) {
    const peer = request.socket.getPeerCertificate()
    process.stdout.write(`CLIENTCERT ${peer && peer.subject ? peer.subject.CN : '(none)'}\n`)
  }
  ws.on('message', (data, isBinary) => process.stdout.write(`RECV ${isBinary ? data.toString('hex') : data.toString('utf8')}\n`))
  ws.on('close', (code) => { sockets.delete(ws); process.stdout.write(`CLOSED ${code}\n`) })
})

const rl = readline.createInterface({ input: process.stdin })
rl.on('line', (line) => {
  const space = line.indexOf(' ')
  const cmd = space < 0 ? line : line.substring(0, space)
  const arg = space < 0 ? '' : line.substring(space + 1)
  for (const ws of sockets) {
    if (cmd === 'SEND') ws.send(arg)
    else if (cmd === 'SENDBIN') ws.send(Buffer.from(arg, 'hex'))
    else if (cmd === 'CLOSE') ws.close(Number(arg) || 1000)
    else if (cmd === 'DROP') ws.terminate()
    else if (cmd === 'SENDFRAG') {
      // "SENDFRAG <n> <text>": the text frame split into n WebSocket fragments.
      const n = Number(arg.substring(0, arg.indexOf(' ')))
      const text = Buffer.from(arg.substring(arg.indexOf(' ') + 1), 'utf8')
      const size = Math.ceil(text.length / n)
      for (let i = 0; i < n; i++) {
        ws.send(text.subarray(i * size, Math.min(text.length, (i + 1) * size)), { fin: i === n - 1, binary: false })
      }
    } else if (cmd === 'SENDMANY') {
      // "SENDMANY <JSON array of text frames>": the frames in one write, so that they arrive together.
      ws._socket.cork()
      for (const frame of JSON.parse(arg)) ws.send(frame)
      ws._socket.uncork()
    } else if (cmd === 'SENDBIG') {
      // "SENDBIG <bytes>": a RESULT frame of about that many bytes.
      ws.send(`[50,1,{},["${'x'.repeat(Number(arg))}"]]`)
    }
  }
  if (cmd === 'NOSUBPROTOCOL') acceptProtocol = false
  if (cmd === 'PROTOCOL') acceptedProtocol = arg
  process.stdout.write(`DONE ${cmd}\n`)
})
rl.on('close', () => process.exit(0))
