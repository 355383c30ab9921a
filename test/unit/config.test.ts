import configPromise from '@payload-config'

type Field = {
  type?: string
  name?: string
  label?: unknown
  fields?: Field[]
  hidden?: boolean
  admin?: { disabled?: boolean; hidden?: boolean }
}

const persian = /[\u0600-\u06FF]/

describe('payload config', () => {
  it('speaks only Persian in the admin panel and sends no telemetry', async () => {
    const config = await configPromise
    expect(Object.keys(config.i18n.supportedLanguages)).toEqual(['fa'])
    expect(config.i18n.fallbackLanguage).toBe('fa')
    expect(config.telemetry).toBe(false)
  })

  it('labels every collection, global and field of ours in Persian', async () => {
    const { collections, globals } = await configPromise
    const missing: string[] = []
    const walk = (owner: string, fields: Field[]) => {
      for (const field of fields) {
        // never shown to staff, or (ui) no label of their own
        if (field.hidden || field.admin?.disabled || field.admin?.hidden || field.type === 'ui') continue
        // Fields Payload adds itself (email, password, timestamps…) carry translated labels (functions).
        if (field.name && typeof field.label !== 'function' && !persian.test(String(field.label ?? '')))
          missing.push(`${owner}.${field.name}`)
        if (field.fields) walk(`${owner}.${field.name ?? ''}`, field.fields)
      }
    }
    for (const collection of collections.filter((c) => !c.slug.startsWith('payload-'))) {
      if (!persian.test(String(collection.labels.plural))) missing.push(collection.slug)
      walk(collection.slug, collection.fields as Field[])
    }
    for (const global of globals.filter((g) => !g.slug.startsWith('payload-'))) {
      if (!persian.test(String(global.label))) missing.push(global.slug)
      walk(global.slug, global.fields as Field[])
    }
    expect(missing).toEqual([])
  })

  it('turns on the login lockout for staff and readers', async () => {
    const { collections } = await configPromise
    for (const slug of ['users', 'readers']) {
      const auth = collections.find((c) => c.slug === slug)!.auth
      expect(auth.maxLoginAttempts).toBe(50)
      expect(auth.lockTime).toBeGreaterThan(0)
    }
  })
})
