// What the Autobahn|JS load scripts (bench-autobahn.js, bench-fanout.js) share: a session on realm "bench", the
// measured window (warm-up, MEASURE_START, CPU used), and percentiles.
'use strict'
if (typeof globalThis.WebSocket === 'undefined') globalThis.WebSocket = require('ws')
const autobahn = require('autobahn')

function open (url) {
  return new Promise((resolve, reject) => {
    const c = new autobahn.Connection({ url, realm: 'bench', max_retries: 0 })
    c.onopen = (session) => resolve(session)
    c.onclose = (reason) => { reject(new Error(reason)); return true }
    c.open()
  })
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

// Waits out the warm-up, announces MEASURE_START, calls setMeasuring(true) for `seconds` ms, then false;
// returns the elapsed seconds and the CPU microseconds used meanwhile.
async function measure (warmup, seconds, setMeasuring) {
  await sleep(warmup)
  const cpuStart = process.cpuUsage()
  const t0 = process.hrtime.bigint()
  setMeasuring(true)
  process.stdout.write('MEASURE_START\n')
  await sleep(seconds)
  setMeasuring(false)
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9
  const cpu = process.cpuUsage(cpuStart)
  return { elapsed, cpuMicros: cpu.user + cpu.system }
}

function percentile (sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]
}

module.exports = { autobahn, open, measure, percentile }
