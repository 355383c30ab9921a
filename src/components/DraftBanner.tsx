import React from 'react'

export function DraftBanner({ path }: { path: string }) {
  return (
    <p className="draft-banner">
      پیش‌نمایش پیش‌نویس — این نسخه هنوز برای خوانندگان منتشر نشده است.{' '}
      <a href={`/next/exit-preview?to=${encodeURIComponent(path)}`}>خروج از پیش‌نمایش</a>
    </p>
  )
}
