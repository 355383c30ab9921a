import type { Payload } from 'payload'

const SEEDED_KEY = 'sarkhat:demo-content-seeded'

/**
 * Persian demo content, loaded once on a fresh database (the KV store remembers it was done,
 * so an editor's later changes are never overwritten). `force` loads it again on demand.
 */
export async function seedDemoContent(payload: Payload, { force = false } = {}): Promise<boolean> {
  if (!force && (await payload.kv.has(SEEDED_KEY))) return false

  await payload.updateGlobal({
    slug: 'site-settings',
    overrideAccess: true,
    data: {
      siteName: 'سرخط',
      tagline: 'پایگاه اطلاع‌رسانی روابط عمومی',
      intro:
        'سرخط پایگاه خبری روابط عمومی سازمان است. تازه‌ترین خبرها، اطلاعیه‌ها و گزارش‌های سازمان در این پایگاه منتشر می‌شود و شهروندان می‌توانند پس از ورود به پنل کاربری، انتقاد، پیشنهاد یا شکایت خود را ثبت و پیگیری کنند.',
      contact: {
        phone: '021-8800 1234',
        email: 'ravabet@example.com',
        address: 'تهران، خیابان نمونه، کوچه یکم، پلاک ۱۲',
      },
      footerText: 'استفاده از مطالب این پایگاه با ذکر منبع آزاد است.',
      dateDigits: 'latin',
    },
  })

  await payload.kv.set(SEEDED_KEY, { at: new Date().toISOString() })
  payload.logger.info('محتوای نمایشی فارسی بارگذاری شد.')
  return true
}
