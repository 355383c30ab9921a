import { toPersianDigits } from '../../src/lib/persian/digits'
import { describeInBrowser, horizontalOverflow, screenshot, serverAndBrowser, watchedPage } from '../helpers/browser'

describeInBrowser('the public site in a browser (RTL)', () => {
  const ctx = serverAndBrowser()

  it('home → article: registrar, Jalali date and view count, without errors', async () => {
    const { page, problems } = await watchedPage(ctx.browser)
    await page.goto(ctx.server.url)
    expect(await page.getAttribute('html', 'dir')).toBe('rtl')
    expect(await page.getAttribute('html', 'lang')).toBe('fa')
    await expect(page.locator('h2', { hasText: 'آخرین اخبار' }).count()).resolves.toBe(1)
    await screenshot(page, 'newsroom-1-home')

    const lead = page.locator('.home__lead .article-card__title a')
    const title = (await lead.textContent())!.trim()
    const slug = decodeURIComponent((await lead.getAttribute('href'))!.split('/').pop()!)
    const stored = await (
      await fetch(`${ctx.server.url}/api/articles?where[slug][equals]=${encodeURIComponent(slug)}&depth=0`)
    ).json()
    const viewsBefore: number = stored.docs[0].views
    await lead.click()
    await page.waitForSelector('h1.article__title')
    expect(await page.textContent('h1.article__title')).toBe(title)
    const meta = await page.textContent('.article__meta')
    expect(meta).toMatch(/ثبت کننده: \S+/)
    expect(meta).toMatch(/تاریخ: \d{4}\/\d{2}\/\d{2}/)
    expect(meta).toMatch(/تعداد بازدید: [۰-۹]+/)
    // this visit was counted: the number shown is one more than the stored count before it
    await page.waitForFunction(
      (text) => document.querySelector('[data-views]')?.textContent === text,
      toPersianDigits(viewsBefore + 1),
    )
    // every image on the page actually loaded
    const broken = await page.$$eval(
      'img',
      (imgs) =>
        imgs.filter((img) => !(img as HTMLImageElement).complete || (img as HTMLImageElement).naturalWidth === 0)
          .length,
    )
    expect(broken).toBe(0)
    await screenshot(page, 'newsroom-2-article')
    expect(problems).toEqual([])
  })

  it('the article page fits a 375 px phone without horizontal scrolling', async () => {
    const { page, problems } = await watchedPage(ctx.browser, 375)
    await page.goto(ctx.server.url)
    await page.locator('.home__lead .article-card__title a').click()
    await page.waitForSelector('h1.article__title')
    expect(await horizontalOverflow(page)).toBe(0)
    await screenshot(page, 'newsroom-3-article-mobile')
    await page.goto(ctx.server.url)
    expect(await horizontalOverflow(page)).toBe(0)
    await screenshot(page, 'newsroom-4-home-mobile')
    expect(problems).toEqual([])
  })

  it('shows the Persian 404 page inside the site layout', async () => {
    const { page } = await watchedPage(ctx.browser)
    const res = await page.goto(`${ctx.server.url}/news/${encodeURIComponent('خبری-که-نیست')}`)
    expect(res?.status()).toBe(404)
    await page.waitForSelector('text=صفحه پیدا نشد')
    expect(await page.getAttribute('html', 'dir')).toBe('rtl')
    await screenshot(page, 'newsroom-5-not-found')
  })
})
