import sharp from 'sharp'

import { toPersianDigits } from '../../src/lib/persian/digits'
import { describeInBrowser, horizontalOverflow, screenshot, serverAndBrowser, watchedPage } from '../helpers/browser'

/**
 * The journeys a newsroom lives by, each in a real browser, in RTL: an editor publishes an article
 * with a picture from the admin, an anonymous reader finds it, is counted and comments, the editor
 * approves the comment, and a search typed with Arabic letters finds the article written in
 * Persian ones. (The ticket journey is in tickets.browser.test.ts.)
 */
describeInBrowser('newsroom journeys', () => {
  const ctx = serverAndBrowser()
  const stamp = Date.now().toString(36)
  const title = `بازدید کارشناسان از کارگاه بافندگی ${stamp}`
  const comment = `نظر خواننده درباره كارگاه ${stamp}`

  it('an editor creates an article with a picture in the admin, publishes it, and it leads the home page', async () => {
    const { page, problems } = await watchedPage(ctx.browser, 1400)
    await page.goto(`${ctx.server.url}/admin/login`)
    expect(await page.getAttribute('html', 'dir')).toBe('RTL')
    await page.fill('#field-email', process.env.ADMIN_EMAIL!)
    await page.fill('#field-password', process.env.ADMIN_PASSWORD!)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin$/)

    await page.goto(`${ctx.server.url}/admin/collections/articles/create`)
    await page.waitForSelector('#field-title')
    await page.fill('#field-title', title)
    await page.fill('#field-lead', 'کارشناسان از کارگاه بافندگی روستا بازدید کردند و از توسعه آن خبر دادند.')

    // The picture: «ایجاد جدید» under «تصویر شاخص» opens a media drawer.
    await page.locator('#field-featuredImage .upload__createNewToggler').click()
    const drawer = page.locator('.drawer--is-open')
    await drawer.locator('input[type="file"]').waitFor({ state: 'attached' })
    const picture = await sharp({ create: { width: 1200, height: 675, channels: 3, background: '#3a7d44' } })
      .jpeg()
      .toBuffer()
    await drawer
      .locator('input[type="file"]')
      .setInputFiles({ name: 'kargah.jpg', mimeType: 'image/jpeg', buffer: picture })
    await drawer.locator('#field-alt').fill('کارگاه بافندگی روستا')
    await screenshot(page, 'journey-1-media-drawer')
    await drawer.getByRole('button', { name: 'ذخیره' }).click()
    await page
      .locator('#field-featuredImage .upload-relationship-details, #field-featuredImage .upload__wrap .file-details')
      .first()
      .waitFor()
    await page.locator('.drawer--is-open').waitFor({ state: 'detached' })
    await screenshot(page, 'journey-2-article-with-picture')
    expect(await horizontalOverflow(page)).toBe(0)

    await page.getByRole('button', { name: 'انتشار تغییرات' }).click()
    await page.waitForSelector('text=با موفقیت')
    await screenshot(page, 'journey-3-published')
    expect(problems).toEqual([])
  })

  it('an anonymous reader finds it on the home page, sees registrar, Jalali date and the view counted, and comments', async () => {
    const { page, problems } = await watchedPage(ctx.browser)
    await page.goto(ctx.server.url)
    expect(await page.getAttribute('html', 'dir')).toBe('rtl')
    const lead = page.locator('.home__lead .article-card__title a')
    expect(await lead.textContent()).toBe(title)
    expect(
      await page.locator('.home__lead img').evaluate((img) => (img as HTMLImageElement).naturalWidth),
    ).toBeGreaterThan(0)
    await screenshot(page, 'journey-4-home')
    await lead.click()
    await page.waitForSelector('h1.article__title')
    const meta = await page.textContent('.article__meta')
    expect(meta).toContain('ثبت کننده: مدیر آزمون')
    expect(meta).toMatch(/تاریخ: \d{4}\/\d{2}\/\d{2}/)
    // a new article was never viewed: this visit makes it one
    await page.waitForFunction(
      (text) => document.querySelector('[data-views]')?.textContent === text,
      toPersianDigits(1),
    )

    await page.locator('#comments').scrollIntoViewIfNeeded()
    await page.fill('input[name="guestName"]', 'علي رضايي')
    await page.fill('textarea[name="body"]', comment)
    await page.getByRole('button', { name: 'ارسال نظر' }).click()
    await page.getByRole('status').filter({ hasText: 'نظر شما پس از تأیید نمایش داده می‌شود.' }).waitFor()
    expect(await page.locator('.comment--pending', { hasText: comment }).locator('.badge--pending').textContent()).toBe(
      'در انتظار تأیید',
    )
    await screenshot(page, 'journey-5-comment-pending')

    await page.setViewportSize({ width: 375, height: 800 })
    expect(await horizontalOverflow(page)).toBe(0)
    await screenshot(page, 'journey-6-article-mobile')
    expect(problems).toEqual([])
  })

  it('the editor approves the comment in the admin and readers see it under the article', async () => {
    const { page, problems } = await watchedPage(ctx.browser, 1400)
    await page.goto(`${ctx.server.url}/admin/login`)
    await page.fill('#field-email', process.env.ADMIN_EMAIL!)
    await page.fill('#field-password', process.env.ADMIN_PASSWORD!)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin$/)
    await page.goto(`${ctx.server.url}/admin/collections/comments?where[status][equals]=pending`)
    const row = page.locator('tr', { hasText: comment })
    await row.locator('input[type="checkbox"]').check()
    await page.getByRole('group', { name: 'بررسی نظرهای انتخاب‌شده' }).getByRole('button', { name: 'تأیید' }).click()
    await page.getByText('۱ نظر تأیید شد.').waitFor()
    expect(problems).toEqual([])

    const { page: reader, problems: readerProblems } = await watchedPage(ctx.browser)
    await reader.goto(ctx.server.url)
    await reader.locator('.home__lead .article-card__title a').click()
    const shown = reader.locator('.comment', { hasText: comment })
    await shown.scrollIntoViewIfNeeded()
    expect(await shown.locator('.comment__author').textContent()).toBe('علي رضايي')
    expect(await shown.locator('.badge--pending').count()).toBe(0)
    await screenshot(reader, 'journey-7-comment-approved')
    expect(readerProblems).toEqual([])
  })

  it('a search typed with Arabic ي and ك finds the article written with Persian ی and ک', async () => {
    const { page, problems } = await watchedPage(ctx.browser)
    await page.goto(ctx.server.url)
    await page.fill('.header-search input', `كارگاه بافندگي ${stamp}`)
    await page.keyboard.press('Enter')
    await page.waitForURL(/\/search\?/)
    expect(await page.getAttribute('html', 'dir')).toBe('rtl')
    const result = page.locator('.search-result').first()
    expect(await result.locator('h2').textContent()).toBe(title)
    expect(await result.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['کارگاه', 'بافندگی']))
    await screenshot(page, 'journey-8-search')
    expect(problems).toEqual([])
  })
})
