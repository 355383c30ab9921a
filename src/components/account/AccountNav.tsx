import React from 'react'

const LINKS = [
  { href: '/account', label: 'حساب من' },
  { href: '/account/tickets', label: 'درخواست‌های من' },
  { href: '/account/tickets/new', label: 'ثبت درخواست تازه' },
  { href: '/account/logout', label: 'خروج' },
]

/** The user panel's menu. */
export function AccountNav({ current, name }: { current: string; name: string }) {
  return (
    <nav className="account-nav" aria-label="پنل کاربری">
      <span className="account-nav__who">{name}</span>
      <ul>
        {LINKS.map((link) => (
          <li key={link.href}>
            <a href={link.href} aria-current={link.href === current ? 'page' : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
