import request from 'supertest'

import { PASSWORD, signInAsAdmin, verifyReader } from '../helpers/accounts'
import { describeInBrowser, horizontalOverflow, screenshot, serverAndBrowser, watchedPage } from '../helpers/browser'
import { toPersianDigits } from '../../src/lib/persian/digits'
import { createArticle, newsPath } from '../helpers/content'

describeInBrowser('comments in a browser', () => {
  const ctx = serverAndBrowser()

  it('a reader comments, a moderator approves and answers in the admin, the page shows both', async () => {
    const admin = await signInAsAdmin(ctx.server.url, ctx.server.url)
    const news = await createArticle(admin, {
      title: `خبر گفتگوی خوانندگان ${Date.now().toString(36)}`,
      lead: 'خبری برای آزمون نظرها.',
    })
    const articleURL = `${ctx.server.url}${newsPath(news.slug)}`
    const text = `نظر خواننده درباره اين خبر ${Date.now().toString(36)}`

    // 1. A reader fills in the form under the article.
    const { page: reader, problems: readerProblems } = await watchedPage(ctx.browser, 1280)
    await reader.goto(articleURL)
    expect(await reader.getAttribute('html', 'dir')).toBe('rtl')
    await reader.locator('#comments').scrollIntoViewIfNeeded()
    await reader.fill('input[name="guestName"]', 'رضا كاظمي')
    await reader.fill('input[name="guestEmail"]', 'reza@sarkhat.test')
    await reader.fill('textarea[name="body"]', `${text}\n<b>این متن پررنگ نمی‌شود</b>`)
    await screenshot(reader, 'comments-1-form-filled')
    await reader.getByRole('button', { name: 'ارسال نظر' }).click()
    await reader.getByRole('status').filter({ hasText: 'نظر شما پس از تأیید نمایش داده می‌شود.' }).waitFor()
    const own = reader.locator('.comment--pending', { hasText: text })
    expect(await own.locator('.badge--pending').textContent()).toBe('در انتظار تأیید')
    await screenshot(reader, 'comments-2-pending')
    // a reload still shows the reader their own comment, still pending
    await reader.reload()
    await reader.locator('#comments').scrollIntoViewIfNeeded()
    await reader.locator('.comment--pending', { hasText: text }).waitFor()
    expect(readerProblems).toEqual([])

    // Nobody else sees it yet.
    expect((await request(ctx.server.url).get(newsPath(news.slug))).text).not.toContain(text)

    // 2. The moderator approves it from the pending list in the admin panel.
    const { page: moderator, problems: moderatorProblems } = await watchedPage(ctx.browser, 1400)
    await moderator.goto(`${ctx.server.url}/admin/login`)
    await moderator.fill('#field-email', process.env.ADMIN_EMAIL!)
    await moderator.fill('#field-password', process.env.ADMIN_PASSWORD!)
    await moderator.click('button[type="submit"]')
    await moderator.waitForURL(/\/admin$/)
    const pendingCard = moderator.getByRole('region', { name: 'نظرهای در انتظار تأیید' })
    const pendingLink = pendingCard.getByRole('link', { name: 'رفتن به صف تأیید' })
    const { totalDocs: pending } = (await admin.get('/api/comments?where[status][equals]=pending&limit=0')).body
    expect(pending).toBeGreaterThan(0)
    expect(await pendingCard.locator('[data-figure="pending-comments"]').textContent()).toBe(toPersianDigits(pending))
    await screenshot(moderator, 'comments-3-dashboard')
    await pendingLink.click()
    await moderator.waitForURL(/collections\/comments/)
    const row = moderator.locator('tr', { hasText: text })
    await row.waitFor()
    await row.locator('input[type="checkbox"]').check()
    await screenshot(moderator, 'comments-4-moderation-list')
    await moderator
      .getByRole('group', { name: 'بررسی نظرهای انتخاب‌شده' })
      .getByRole('button', { name: 'تأیید' })
      .click()
    await moderator.getByText('۱ نظر تأیید شد.').waitFor()
    expect(await horizontalOverflow(moderator)).toBe(0)

    // 3. …and answers it in the site's name from the comment's page.
    await moderator.goto(`${ctx.server.url}/admin/collections/comments?where[status][equals]=approved`)
    await moderator.locator('tr', { hasText: text }).locator('a').first().click()
    await moderator.waitForSelector('#staff-reply-body')
    await moderator.fill('#staff-reply-body', 'از نظر شما سپاسگزاریم؛ پیگیری می‌کنیم.')
    await screenshot(moderator, 'comments-5-staff-reply')
    await moderator.getByRole('button', { name: 'ارسال پاسخ' }).click()
    await moderator.getByText('پاسخ سایت ثبت و منتشر شد.').waitFor()
    expect(moderatorProblems).toEqual([])

    // 4. Any visitor now sees the comment and the site's answer, nested, with Jalali dates.
    const { page: visitor, problems: visitorProblems } = await watchedPage(ctx.browser, 1280)
    await visitor.goto(articleURL)
    const comment = visitor.locator('.comment', { hasText: text }).first()
    await comment.scrollIntoViewIfNeeded()
    expect(await comment.locator('.comment__author').first().textContent()).toBe('رضا كاظمي')
    expect(await comment.locator('.comment__date').first().textContent()).toMatch(
      /^[۰-۹]+ [آ-ی]+ [۰-۹]{4}، ساعت [۰-۹]{2}:[۰-۹]{2}$/,
    )
    expect(await comment.locator('.comment__body').first().textContent()).toContain('<b>این متن پررنگ نمی‌شود</b>')
    const reply = comment.locator('.comment-list--replies .comment--staff')
    expect(await reply.locator('.badge--staff').textContent()).toBe('پاسخ سایت')
    expect(await reply.locator('.comment__body').textContent()).toBe('از نظر شما سپاسگزاریم؛ پیگیری می‌کنیم.')
    expect(await visitor.locator('#comments-heading').textContent()).toContain('(۲)')
    await screenshot(visitor, 'comments-6-published')

    // 5. The visitor answers the comment: the reply waits, nested under it.
    await comment.getByRole('button', { name: 'پاسخ' }).first().click()
    expect(await visitor.locator('#comment-form-title').textContent()).toBe('پاسخ به رضا كاظمي')
    await visitor.fill('input[name="guestName"]', 'مينا')
    await visitor.fill('textarea[name="body"]', 'من هم همین پرسش را دارم.')
    await visitor.getByRole('button', { name: 'ارسال نظر' }).click()
    const pendingReply = comment.locator('.comment-list--replies .comment--pending', {
      hasText: 'من هم همین پرسش را دارم.',
    })
    await pendingReply.waitFor()
    expect(await visitor.locator('#comment-form-title').textContent()).toBe('نظر شما')
    await screenshot(visitor, 'comments-7-reply-pending')

    // 6. The same page on a phone: nothing sticks out sideways.
    await visitor.setViewportSize({ width: 375, height: 800 })
    expect(await horizontalOverflow(visitor)).toBe(0)
    await visitor.locator('#comments').scrollIntoViewIfNeeded()
    await screenshot(visitor, 'comments-8-mobile')
    expect(visitorProblems).toEqual([])
  })

  it('a signed-in reader comments under their account name and sees the comment after a reload', async () => {
    const admin = await signInAsAdmin(ctx.server.url, ctx.server.url)
    const news = await createArticle(admin, { title: `خبر نظر خواننده عضو ${Date.now().toString(36)}` })
    const { page, problems } = await watchedPage(ctx.browser, 1280)
    const email = `browser-reader-${Date.now().toString(36)}@sarkhat.test`
    const registered = await page.request.post(`${ctx.server.url}/api/readers`, {
      data: { email, password: PASSWORD, name: 'نرگس عضو' },
      headers: { Origin: ctx.server.url },
    })
    expect(registered.status()).toBe(201)
    // readers sign in only with a verified address; the emailed link is the accounts test's subject
    await verifyReader(ctx.server.url, (await registered.json()).doc.id)
    const login = await page.request.post(`${ctx.server.url}/api/readers/login`, {
      data: { email, password: PASSWORD },
      headers: { Origin: ctx.server.url },
    })
    expect(login.status()).toBe(200)

    await page.goto(`${ctx.server.url}${newsPath(news.slug)}`)
    await page.locator('#comments').scrollIntoViewIfNeeded()
    await page.getByText('با نام «نرگس عضو» نظر می‌دهید.').waitFor()
    expect(await page.locator('input[name="guestName"]').count()).toBe(0)
    await page.fill('textarea[name="body"]', 'نظر خواننده عضو')
    await page.getByRole('button', { name: 'ارسال نظر' }).click()
    await page.locator('.comment--pending', { hasText: 'نظر خواننده عضو' }).waitFor()
    await page.evaluate(() => localStorage.clear()) // what survives the reload comes from the server
    await page.reload()
    await page.locator('#comments').scrollIntoViewIfNeeded()
    await page.locator('.comment--pending', { hasText: 'نظر خواننده عضو' }).waitFor()
    await screenshot(page, 'comments-9-reader-pending')
    expect(problems).toEqual([])
  })
})
