// The fan-out workload of benchmarks/Wampy.Benchmarks run by Autobahn|JS: one publisher and N subscriber sessions
// (all in this one process, so one clock) through the router. The publisher sends a batch of W small events, waits
// until every subscriber has every one of them, then sends the next batch.
// Usage: node bench-fanout.js <url> <subscribers> <window> <warmupSeconds> <seconds>
// Prints MEASURE_START when the measured window opens, then one JSON line:
// {eventsPerSecond, p50, p99, cpuMicrosPerEvent, lost} (latencies publish -> deliver in microseconds).
'use strict'
const { open, measure, percentile } = require('./bench-common')

const [url, subscribersText, windowText, warmupText, secondsText] = process.argv.slice(2)
const subscribers = Number(subscribersText)
const batch = Number(windowText)
const warmup = Number(warmupText) * 1000
const seconds = Number(secondsText) * 1000
const topic = 'bench.fanout.js.' + process.pid

async function main () {
  let measuring = false
  let remaining = 0
  let batchDone = null
  const latencies = []
  const sessions = []
  for (let i = 0; i < subscribers; i++) {
    const session = await open(url)
    await session.subscribe(topic, (args) => {
      if (measuring) latencies.push(Number(process.hrtime.bigint() - BigInt(args[0])) / 1000)
      if (--remaining === 0 && batchDone) batchDone()
    })
    sessions.push(session)
  }
  const publisher = await open(url)
  let stop = false
  let lost = 0
  async function publish () {
    while (!stop) {
      remaining = batch * subscribers
      const done = new Promise((resolve) => { batchDone = resolve })
      for (let i = 0; i < batch; i++) publisher.publish(topic, [process.hrtime.bigint().toString(), 'tick'])
      const timedOut = await Promise.race([done.then(() => false), new Promise((resolve) => setTimeout(() => resolve(true), 5000))])
      if (timedOut) lost += remaining
    }
  }
  const running = publish()
  const { elapsed, cpuMicros } = await measure(warmup, seconds, (on) => { measuring = on })
  stop = true
  await running
  latencies.sort((a, b) => a - b)
  const pct = (p) => percentile(latencies, p)
  process.stdout.write(JSON.stringify({
    eventsPerSecond: latencies.length / elapsed,
    p50: pct(0.5),
    p99: pct(0.99),
    cpuMicrosPerEvent: cpuMicros / latencies.length,
    lost
  }) + '\n')
  process.exit(0)
}

main().catch((e) => { process.stderr.write(String(e) + '\n'); process.exit(1) })
