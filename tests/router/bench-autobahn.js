// The round-trip workload of benchmarks/Wampy.Benchmarks run by Autobahn|JS: a callee and a caller (two
// sessions in this one process) through the router, with N calls in flight.
// Usage: node bench-autobahn.js <url> <inflight> <warmupSeconds> <seconds>
// Prints MEASURE_START when the measured window opens, then one JSON line: {callsPerSecond, p50, p90, p99, cpuMicrosPerCall} (latencies in microseconds).
'use strict'
if (typeof globalThis.WebSocket === 'undefined') globalThis.WebSocket = require('ws')
const autobahn = require('autobahn')

const [url, inflightText, warmupText, secondsText] = process.argv.slice(2)
const inflight = Number(inflightText)
const warmup = Number(warmupText) * 1000
const seconds = Number(secondsText) * 1000
const procedure = 'bench.echo.js.' + process.pid

function open () {
  return new Promise((resolve, reject) => {
    const c = new autobahn.Connection({ url, realm: 'bench', max_retries: 0 })
    c.onopen = (session) => resolve(session)
    c.onclose = (reason) => { reject(new Error(reason)); return true }
    c.open()
  })
}

async function main () {
  const callee = await open()
  const caller = await open()
  await callee.register(procedure, (args) => new autobahn.Result(args))
  let measuring = false
  let stop = false
  const latencies = []
  async function worker (i) {
    const args = [i, 'hello']
    while (!stop) {
      const start = process.hrtime.bigint()
      await caller.call(procedure, args)
      if (measuring) latencies.push(Number(process.hrtime.bigint() - start) / 1000)
    }
  }
  const workers = []
  for (let i = 0; i < inflight; i++) workers.push(worker(i))
  await new Promise((r) => setTimeout(r, warmup))
  const cpuStart = process.cpuUsage()
  const t0 = process.hrtime.bigint()
  measuring = true
  process.stdout.write('MEASURE_START\n')
  await new Promise((r) => setTimeout(r, seconds))
  measuring = false
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9
  const cpu = process.cpuUsage(cpuStart)
  stop = true
  await Promise.all(workers)
  latencies.sort((a, b) => a - b)
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]
  process.stdout.write(JSON.stringify({
    callsPerSecond: latencies.length / elapsed,
    p50: pct(0.5),
    p90: pct(0.9),
    p99: pct(0.99),
    cpuMicrosPerCall: (cpu.user + cpu.system) / latencies.length
  }) + '\n')
  process.exit(0)
}

main().catch((e) => { process.stderr.write(String(e) + '\n'); process.exit(1) })
