// Starts the third-party fox-wamp router on 127.0.0.1 for the Wampy tests.
// Usage: node router.js [port] [--auth]   (port 0 or absent: a free port is chosen; --auth: users of auth.js,
// no anonymous access)
// Prints "LISTENING <port>" on stdout once it accepts connections; exits when stdin closes.
'use strict'
const FoxRouter = require('fox-wamp')

const port = Number.parseInt(process.argv[2] || '0', 10)
const router = new FoxRouter()
const auth = process.argv.includes('--auth') ? require('./auth') : undefined
const server = router.listenWAMP({ host: '127.0.0.1', port }, auth)

server.on('listening', () => {
  process.stdout.write(`LISTENING ${server.address().port}\n`)
})
server.on('error', (err) => {
  process.stderr.write(`router error: ${err.message}\n`)
  process.exit(2)
})

// The test fixture owns this process: when its pipe closes, go away.
process.stdin.on('end', () => process.exit(0))
process.stdin.resume()
