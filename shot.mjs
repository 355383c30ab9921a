import { chromium } from 'playwright-core'
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--disable-sync'] })
const base = process.argv[2]
const shots = process.argv.slice(3)
const errors = []
for (const spec of shots) {
  const [name, path, width] = spec.split('|')
  const page = await browser.newPage({ viewport: { width: Number(width || 1280), height: 900 } })
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${name}: ${m.text()}`) })
  page.on('requestfailed', (r) => errors.push(`${name}: failed ${r.url()}`))
  await page.goto(base + path, { waitUntil: 'networkidle' })
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: true })
  console.log(name, 'dir=', await page.getAttribute('html', 'dir'), 'overflow=', overflow)
  await page.close()
}
console.log('errors:', errors)
await browser.close()
