// Drives a real browser (Debian's Chromium, headless) through the WebDashboard sample's page with playwright-core.
// Usage: node browser.js <page url> <screenshot path> [<chromium path>]
// Waits until the page shows at least three live updates, calls get_binary_number(100) through its form, saves a
// screenshot, and prints one JSON line: {"updates":n,"latest":"..","rows":n,"result":"..","status":"..","errors":[..]}.
// On failure prints {"failed":"message", ...what the page showed} and exits 1 (after saving a screenshot when it can).
'use strict'
const { chromium } = require('playwright-core')

const [url, screenshot, executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'] = process.argv.slice(2)
const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n')

async function shown (page) {
  return page.evaluate(() => ({
    updates: Number(document.getElementById('updates').dataset.count),
    latest: document.getElementById('latest').textContent,
    rows: document.getElementById('recent').rows.length,
    result: document.getElementById('result').textContent,
    status: document.getElementById('status').textContent
  }))
}

async function main () {
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
  })
  const errors = []
  let page
  try {
    page = await browser.newPage({ viewport: { width: 900, height: 900 } })
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
    page.on('console', (message) => { if (message.type() === 'error') errors.push(`console: ${message.text()}`) })
    await page.goto(url, { timeout: 30000 })
    await page.waitForFunction(() => Number(document.getElementById('updates').dataset.count) >= 3, null, { timeout: 30000 })
    await page.fill('#number', '100')
    await page.click('#call')
    await page.waitForFunction(() => !['–', '…'].includes(document.getElementById('result').textContent), null, { timeout: 30000 })
    const state = await shown(page)
    await page.screenshot({ path: screenshot, fullPage: true })
    out({ ...state, errors })
  } catch (error) {
    const state = page ? await shown(page).catch(() => ({})) : {}
    if (page) await page.screenshot({ path: screenshot, fullPage: true }).catch(() => {})
    out({ failed: error.message, ...state, errors })
    process.exitCode = 1
  } finally {
    await browser.close()
  }
}

main()
