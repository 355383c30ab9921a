'use client'

import { useState } from 'react'

import { errorsByField, NETWORK_ERROR } from '@/lib/apiErrors'

type Errors<F extends string> = Partial<Record<F | 'form', string>>

/**
 * Sends a form to the REST API as JSON and keeps the busy flag and Persian error messages.
 * The inputs are never cleared on failure: nothing a reader typed is lost.
 */
export function useApiForm<F extends string>(fields: readonly F[], fallback: string) {
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<Errors<F>>({})

  async function send(url: string, method: 'POST' | 'PATCH', body: unknown): Promise<Record<string, unknown> | null> {
    setBusy(true)
    setErrors({})
    try {
      const res = await fetch(url, {
        method,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      })
      const answer = await res.json().catch(() => null)
      if (!res.ok) {
        setErrors(errorsByField(answer, fields, fallback))
        return null
      }
      return answer ?? {}
    } catch {
      setErrors({ form: NETWORK_ERROR } as Errors<F>)
      return null
    } finally {
      setBusy(false)
    }
  }

  return { busy, errors, setErrors, send }
}

export function FieldError({ message }: { message?: string }) {
  return message ? <span className="field-error">{message}</span> : null
}

export function FormError({ message }: { message?: string }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null
}
