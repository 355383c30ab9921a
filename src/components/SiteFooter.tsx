import React from 'react'

import type { SiteSetting } from '@/payload-types'

export function SiteFooter({ settings }: { settings: SiteSetting }) {
  const { contact } = settings
  return (
    <footer className="site-footer">
      <div className="inner footer-columns">
        <section>
          <h2>{settings.siteName}</h2>
          {settings.footerText && <p>{settings.footerText}</p>}
        </section>
        {settings.footerLinks && settings.footerLinks.length > 0 && (
          <section>
            <h2>پیوندها</h2>
            <ul className="plain-list">
              {settings.footerLinks.map((link) => (
                <li key={link.id ?? link.url}>
                  <a href={link.url}>{link.label}</a>
                </li>
              ))}
            </ul>
          </section>
        )}
        {contact && (contact.phone || contact.email || contact.address) && (
          <section>
            <h2>تماس با ما</h2>
            <ul className="plain-list">
              {contact.phone && (
                <li>
                  تلفن: <span dir="ltr">{contact.phone}</span>
                </li>
              )}
              {contact.email && (
                <li>
                  رایانامه: <a href={`mailto:${contact.email}`}>{contact.email}</a>
                </li>
              )}
              {contact.address && <li>نشانی: {contact.address}</li>}
            </ul>
          </section>
        )}
      </div>
    </footer>
  )
}
