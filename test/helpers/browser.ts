import fs from 'node:fs'
import path from 'node:path'

import { type Browser, chromium, type Page } from 'playwright-core'

import { type RunningServer, startServer } from './server'

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const RESULTS_DIR = path.resolve('test-results')

/** Browser tests need Debian's chromium; CI installs it, a developer machine may not have it. */
export const chromiumAvailable = () => fs.existsSync(CHROMIUM)
export const describeInBrowser = chromiumAvailable() || process.env.CI ? describe : describe.skip

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** A page that records console errors and failed requests, so a journey can assert there were none. */
export async function watchedPage(browser: Browser, width = 1280) {
  // Headless Chromium says "HeadlessChrome", which the view counter rightly takes for a bot;
  // these pages stand for a reader's browser.
  const userAgent = (
    await browser.newBrowserCDPSession().then(async (s) => (await s.send('Browser.getVersion')).userAgent)
  ).replace('HeadlessChrome', 'Chrome')
  const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'fa-IR', userAgent })
  const problems: string[] = []
  page.on('console', (message) => {
    // For «Failed to load resource» the location is the resource: name it, or the report says nothing.
    if (message.type() === 'error') problems.push(`console: ${message.text()} (${message.location().url})`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('requestfailed', (request) => {
    // A prefetch cancelled because the page navigated on is not a failure.
    if (request.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`)
  })
  return { page, problems }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true })
  const file = path.join(RESULTS_DIR, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}

export const horizontalOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

/**
 * For a describe block: a production server whose public origin is its own address (so absolute
 * links work in the browser) and one browser, both closed afterwards. `env` is read when the
 * server starts (e.g. the port of a mail catcher started in an earlier beforeAll).
 */
export function serverAndBrowser(env: () => Record<string, string> = () => ({})): {
  server: RunningServer
  browser: Browser
} {
  const context = {} as { server: RunningServer; browser: Browser }
  beforeAll(async () => {
    context.server = await startServer(env(), { selfURL: true })
    context.browser = await launchBrowser()
  })
  afterAll(async () => {
    await context.browser?.close()
    await context.server?.stop()
  })
  return context
}
