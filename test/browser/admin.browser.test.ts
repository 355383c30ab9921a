import type { Browser } from 'playwright-core'

import { describeInBrowser, horizontalOverflow, launchBrowser, screenshot, watchedPage } from '../helpers/browser'
import { type RunningServer, startServer } from '../helpers/server'

let server: RunningServer
let browser: Browser

describeInBrowser('the admin panel in a browser (Persian, RTL)', () => {
  beforeAll(async () => {
    server = await startServer({}, { selfURL: true })
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('an editor publishes an article from the admin and it is on the home page at once', async () => {
    const { page, problems } = await watchedPage(browser, 1400)
    await page.goto(`${server.url}/admin/login`)
    expect(await page.getAttribute('html', 'dir')).toBe('RTL')
    await page.fill('#field-email', process.env.ADMIN_EMAIL!)
    await page.fill('#field-password', process.env.ADMIN_PASSWORD!)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin$/)
    await screenshot(page, 'admin-1-dashboard')

    await page.goto(`${server.url}/admin/collections/articles/create`)
    await page.waitForSelector('#field-title')
    const title = `خبر منتشرشده از پیشخوان ${Date.now().toString(36)}`
    await page.fill('#field-title', title)
    await page.fill('#field-lead', 'لید خبری که از پیشخوان منتشر شد.')
    expect(await horizontalOverflow(page)).toBe(0)
    await screenshot(page, 'admin-2-new-article')
    await page.getByRole('button', { name: 'انتشار تغییرات' }).click()
    await page.waitForSelector('text=با موفقیت')
    await screenshot(page, 'admin-3-published')

    const home = await browser.newPage()
    await home.goto(server.url)
    expect(await home.textContent('.home__lead')).toContain(title)
    await home.close()
    // Autosave and the admin's own requests must not have failed along the way.
    expect(problems).toEqual([])
  })
})
