import type { Metadata } from 'next'
import React from 'react'

import { LogoutButton } from '@/components/account/ProfileForms'

export const metadata: Metadata = { title: 'خروج', robots: { index: false } }

/** Signing out is a POST (a link or a prefetch must not end a session); this page offers the button. */
export default function LogoutPage() {
  return (
    <div className="account-page account-page--narrow">
      <h1 className="page-title">خروج از حساب</h1>
      <LogoutButton />
    </div>
  )
}
