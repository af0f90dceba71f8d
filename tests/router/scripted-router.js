// A scripted WebSocket endpoint that speaks whatever frames a test tells it to: the way to put a fault at one
// exact byte (a malformed frame, a router-initiated GOODBYE, an unknown message type) in front of the client.
// It is not a WAMP router. Usage: node scripted-router.js
// Prints "LISTENING <port>", then "OPEN" per connection and "RECV <frame>" per frame received.
// Stdin commands, one per line: "SEND <text frame>", "SENDBIN <hex>", "CLOSE <code>", "DROP" (no close handshake),
// "NOSUBPROTOCOL" (refuse the subprotocol of the next connections).
'use strict'
const WebSocket = require('ws')
const readline = require('readline')

let acceptProtocol = true
const sockets = new Set()
const server = new WebSocket.Server({
  host: '127.0.0.1',
  port: 0,
  maxPayload: 64 * 1024 * 1024,
  handleProtocols: (protocols) => (acceptProtocol && protocols.has('wamp.2.json') ? 'wamp.2.json' : false),
})
server.on('listening', () => process.stdout.write(`LISTENING ${server.address().port}\n`))
server.on('connection', (ws) => {
  sockets.add(ws)
  process.stdout.write('OPEN\n')
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
  }
  if (cmd === 'NOSUBPROTOCOL') acceptProtocol = false
  process.stdout.write(`DONE ${cmd}\n`)
})
rl.on('close', () => process.exit(0))
