/** Persian answers of the comment form and API, shared by hooks, endpoints and the client. */
export const COMMENT_MESSAGES = {
  awaitingModeration: 'نظر شما پس از تأیید نمایش داده می‌شود.',
  published: 'نظر شما منتشر شد.',
  articleNotFound: 'خبری که برای آن نظر می‌دهید پیدا نشد.',
  commentsClosed: 'امکان ثبت نظر برای این خبر بسته است.',
  signInRequired: 'برای ثبت نظر ابتدا وارد حساب کاربری خود شوید.',
  parentNotFound: 'نظری که به آن پاسخ می‌دهید پیدا نشد.',
  nameRequired: 'نام خود را بنویسید.',
  duplicate: 'این نظر را همین چند لحظه پیش فرستاده‌اید.',
  staffReplyEditorsOnly: 'پاسخ به نظرها در نام سایت با دبیران و مدیران است.',
  rateLimited: 'در یک دقیقه بیش از حد مجاز نظر فرستاده‌اید؛ کمی بعد دوباره تلاش کنید.',
} as const
