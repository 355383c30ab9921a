import sharp from 'sharp'

import { createStaff, PASSWORD, signInAsAdmin } from '../helpers/accounts'
import { describeInBrowser, horizontalOverflow, screenshot, serverAndBrowser, watchedPage } from '../helpers/browser'
import { type MailCatcher, startMailCatcher } from '../helpers/mailCatcher'

describeInBrowser('a reader files a complaint and support answers it', () => {
  let mail: MailCatcher
  beforeAll(async () => {
    mail = await startMailCatcher()
  })
  afterAll(async () => {
    await mail?.close()
  })
  const ctx = serverAndBrowser(() => ({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mail.port), SMTP_SECURE: 'false' }))

  it('register → verify from the email → file with an attachment → staff reply in the admin → reader reads, closes and rates', async () => {
    const stamp = Date.now().toString(36)
    const email = `shaki-${stamp}@sarkhat.test`
    const { page, problems } = await watchedPage(ctx.browser, 1280)
    page.on('dialog', (dialog) => void dialog.accept())

    // 1. Register from the user panel.
    await page.goto(`${ctx.server.url}/account/register`)
    expect(await page.getAttribute('html', 'dir')).toBe('rtl')
    await page.fill('input[name="name"]', 'زهرا كريمي')
    await page.fill('input[name="email"]', email)
    await page.fill('input[name="mobile"]', '۰۹۱۲ ۱۲۳ ۴۵۶۷')
    await page.fill('input[name="password"]', PASSWORD)
    await page.fill('input[name="passwordRepeat"]', PASSWORD)
    await screenshot(page, 'tickets-1-register')
    await page.getByRole('button', { name: 'ساخت حساب' }).click()
    await page.getByRole('status').filter({ hasText: 'حساب شما ساخته شد' }).waitFor()

    // Signing in before verifying is refused in Persian (a page of its own: the refused request
    // is logged in its console on purpose).
    const { page: early } = await watchedPage(ctx.browser, 1280)
    await early.goto(`${ctx.server.url}/account/login`)
    await early.fill('input[name="email"]', email)
    await early.fill('input[name="password"]', PASSWORD)
    await early.getByRole('button', { name: 'ورود' }).click()
    expect(await early.locator('.form-error').textContent()).toMatch(/[\u0600-\u06FF]/)
    await screenshot(early, 'tickets-1b-unverified-login')
    await early.close()

    // 2. The verification link from the email.
    const welcome = await mail.waitFor((m) => JSON.stringify(m.to).includes(email))
    expect(welcome.subject).toBe('تأیید نشانی رایانامه — سرخط')
    const link = String(welcome.text).match(/https?:\/\/\S+\/account\/verify\?token=[0-9a-f]+/)![0]
    await page.goto(link)
    await page.getByText('رایانامه شما تأیید شد.').waitFor()
    await screenshot(page, 'tickets-2-verified')

    // 3. Sign in; the panel greets the reader.
    await page.goto(`${ctx.server.url}/account/login?next=/account/tickets/new`)
    await page.fill('input[name="email"]', email)
    await page.fill('input[name="password"]', PASSWORD)
    await page.getByRole('button', { name: 'ورود' }).click()
    await page.waitForURL(/\/account\/tickets\/new$/)
    expect(await page.locator('.account-nav__who').textContent()).toBe('زهرا كريمي')

    // 4. File a complaint with a picture.
    await page.getByLabel('شکایت', { exact: true }).check()
    await page.selectOption('select[name="department"]', { label: 'روابط عمومی' })
    const subject = `تاخير در پاسخگويي ${stamp}`
    await page.fill('input[name="subject"]', subject)
    await page.fill('textarea[name="message"]', 'از 3 هفته پيش درخواست من بي پاسخ مانده است و كسي پيگيري نمي كند.')
    const picture = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#0b5d8a' } })
      .png()
      .toBuffer()
    await page.setInputFiles('input[name="attachments"]', {
      name: 'رسید-پرداخت.png',
      mimeType: 'image/png',
      buffer: picture,
    })
    await screenshot(page, 'tickets-3-new-complaint')
    await page.getByRole('button', { name: 'ثبت درخواست' }).click()
    await page.waitForURL(/\/account\/tickets\/\d{4}-\d{6}\?filed=1$/, { timeout: 10_000 }).catch(async (error) => {
      await screenshot(page, 'tickets-3b-filing-failed')
      throw new Error(`${error.message}\n${await page.locator('.account-form').textContent()}\n${problems.join('\n')}`)
    })
    await page.waitForURL(/\/account\/tickets\/\d{4}-\d{6}\?filed=1$/)
    const code = page.url().match(/(\d{4}-\d{6})/)![1]!
    const persianCode = code.replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!)
    expect(await page.getByRole('status').textContent()).toContain(persianCode)
    expect(await page.locator('.ticket-facts').textContent()).toContain('شکایت')
    expect(await page.locator('.badge--ticket-new').textContent()).toBe('تازه')
    expect(await page.locator('.ticket-attachments a').textContent()).toBe('رسید-پرداخت.png')
    await screenshot(page, 'tickets-4-filed')
    const filedMail = await mail.waitFor(
      (m) => JSON.stringify(m.to).includes(email) && String(m.subject).includes(persianCode),
    )
    expect(filedMail.html).toContain('dir="rtl"')

    // 5. A support agent answers it in the admin panel, starting from a canned reply.
    const admin = await signInAsAdmin(ctx.server.url, ctx.server.url)
    const agent = await createStaff(admin, 'support', 'مهدي پشتيبان')
    const { page: desk, problems: deskProblems } = await watchedPage(ctx.browser, 1400)
    await desk.goto(`${ctx.server.url}/admin/login`)
    await desk.fill('#field-email', agent.email)
    await desk.fill('#field-password', PASSWORD)
    await desk.click('button[type="submit"]')
    await desk.waitForURL(/\/admin$/)
    const ticketsCard = desk.getByRole('region', { name: 'درخواست‌های باز' })
    await ticketsCard.waitFor()
    // The support desk sees tickets, never the newsroom's moderation queue.
    expect(await desk.getByRole('region', { name: 'نظرهای در انتظار تأیید' }).count()).toBe(0)
    await screenshot(desk, 'tickets-5-support-dashboard')
    await desk.goto(`${ctx.server.url}/admin/collections/tickets?where[status][equals]=new`)
    const row = desk.locator('tr', { hasText: subject })
    await row.waitFor()
    expect(await horizontalOverflow(desk)).toBe(0)
    await screenshot(desk, 'tickets-6-queue')
    await row.locator('a').first().click()
    await desk.locator('.ticket-conversation .ticket-message', { hasText: 'درخواست من بي پاسخ' }).waitFor()
    expect(await desk.locator('.ticket-conversation a', { hasText: 'رسید-پرداخت.png' }).count()).toBe(1)
    await desk.selectOption('select[aria-label="درج پاسخ آماده"]', { label: 'دریافت و ارجاع' })
    expect(await desk.inputValue('#ticket-reply-body')).toContain('درخواست شما دریافت شد')
    // An internal note first: the reader must never see it.
    await desk.fill('#ticket-reply-body', 'يادداشت داخلي: با واحد مالي هماهنگ شد.')
    await desk.getByLabel('یادداشت داخلی (خواننده نمی‌بیند)').check()
    await desk.getByRole('button', { name: 'ثبت یادداشت' }).click()
    await desk.locator('.ticket-message--internal', { hasText: 'با واحد مالي هماهنگ شد' }).waitFor()
    const answer = `پاسخ پشتيباني: پرداخت شما تاييد شد ${stamp}`
    await desk.fill('#ticket-reply-body', answer)
    await desk.getByRole('button', { name: 'ارسال پاسخ' }).click()
    await desk.locator('.ticket-message--staff', { hasText: answer }).waitFor()
    await screenshot(desk, 'tickets-7-staff-answered')
    expect(deskProblems).toEqual([])

    const replyMail = await mail.waitFor(
      (m) => JSON.stringify(m.to).includes(email) && String(m.subject).startsWith('پاسخ به درخواست'),
    )
    expect(replyMail.text).toContain(answer)
    expect(replyMail.text).toContain(`/account/tickets/${code}`)

    // 6. The reader reads the answer (not the note), closes the ticket and rates it.
    await page.goto(`${ctx.server.url}/account/tickets/${code}`)
    await page.locator('.ticket-message--staff', { hasText: answer }).waitFor()
    expect(await page.locator('.ticket-message--staff strong').textContent()).toBe('مهدي پشتيبان — پشتیبانی')
    expect(await page.content()).not.toContain('با واحد مالي هماهنگ شد')
    expect(await page.locator('.badge--ticket-answered').first().textContent()).toBe('پاسخ داده شده')
    await screenshot(page, 'tickets-8-reader-sees-answer')
    await page.getByRole('button', { name: 'بستن درخواست' }).click()
    await page.locator('.badge--ticket-closed').first().waitFor()
    await page.getByLabel('۵', { exact: true }).check()
    await page.fill('textarea[name="ratingComment"]', 'پاسخ سريع و دقيق بود.')
    await page.getByRole('button', { name: 'ثبت امتیاز' }).click()
    await page.locator('.ticket-rating', { hasText: '۵ از ۵' }).waitFor()
    expect(await page.locator('.ticket-timeline li').allTextContents()).toEqual([
      expect.stringMatching(/^تازه/),
      expect.stringMatching(/^پاسخ داده شده/),
      expect.stringMatching(/^بسته/),
    ])
    await screenshot(page, 'tickets-9-closed-rated')
    await mail.waitFor((m) => JSON.stringify(m.to).includes(email) && String(m.subject).includes('بسته شد'))

    // 7. The list and the ticket on a phone: nothing sticks out sideways.
    await page.setViewportSize({ width: 375, height: 800 })
    await page.goto(`${ctx.server.url}/account/tickets`)
    expect(await page.locator('.ticket-table').textContent()).toContain(persianCode)
    expect(await horizontalOverflow(page)).toBe(0)
    await screenshot(page, 'tickets-10-list-mobile')
    await page.goto(`${ctx.server.url}/account/tickets/${code}`)
    expect(await horizontalOverflow(page)).toBe(0)
    await screenshot(page, 'tickets-11-ticket-mobile')
    expect(problems).toEqual([])
  })
})
