import React from 'react'

/** Plain share links (no third-party scripts): Telegram, WhatsApp, X, email. */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const u = encodeURIComponent(url)
  const t = encodeURIComponent(title)
  const links = [
    { label: 'تلگرام', href: `https://t.me/share/url?url=${u}&text=${t}` },
    { label: 'واتس‌اپ', href: `https://wa.me/?text=${t}%20${u}` },
    { label: 'ایکس', href: `https://x.com/intent/post?url=${u}&text=${t}` },
    { label: 'رایانامه', href: `mailto:?subject=${t}&body=${u}` },
  ]
  return (
    <nav className="share-links" aria-label="هم‌رسانی">
      <span>هم‌رسانی:</span>
      {links.map((link) => (
        <a key={link.label} href={link.href} target="_blank" rel="noopener noreferrer">
          {link.label}
        </a>
      ))}
    </nav>
  )
}
