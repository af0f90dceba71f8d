// The round-trip workload of benchmarks/Wampy.Benchmarks run by Autobahn|JS: a callee and a caller (two
// sessions in this one process) through the router, with N calls in flight.
// Usage: node bench-autobahn.js <url> <inflight> <warmupSeconds> <seconds>
// Prints MEASURE_START when the measured window opens, then one JSON line: {callsPerSecond, p50, p90, p99, cpuMicrosPerCall} (latencies in microseconds).
'use strict'
const { autobahn, open, measure, percentile } = require('./bench-common')

const [url, inflightText, warmupText, secondsText] = process.argv.slice(2)
const inflight = Number(inflightText)
const warmup = Number(warmupText) * 1000
const seconds = Number(secondsText) * 1000
const procedure = 'bench.echo.js.' + process.pid

async function main () {
  const callee = await open(url)
  const caller = await open(url)
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
  const { elapsed, cpuMicros } = await measure(warmup, seconds, (on) => { measuring = on })
  stop = true
  await Promise.all(workers)
  latencies.sort((a, b) => a - b)
  const pct = (p) => percentile(latencies, p)
  process.stdout.write(JSON.stringify({
    callsPerSecond: latencies.length / elapsed,
    p50: pct(0.5),
    p90: pct(0.9),
    p99: pct(0.99),
    cpuMicrosPerCall: cpuMicros / latencies.length
  }) + '\n')
  process.exit(0)
}

main().catch((e) => { process.stderr.write(String(e) + '\n'); process.exit(1) })
