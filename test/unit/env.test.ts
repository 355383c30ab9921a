import { DEFAULT_SQLITE_URI, readEnv } from '../../src/lib/env'
import { payloadSecret } from '../../src/lib/secret'

const MiB = 1024 * 1024

describe('configuration from the environment', () => {
  it('has the documented defaults when nothing is set', () => {
    const config = readEnv({})
    expect(config).toMatchObject({
      production: false,
      development: false,
      buildPhase: false,
      port: 3000,
      host: '0.0.0.0',
      serverURL: undefined,
      publicURL: 'http://localhost:3000',
      secureCookies: false,
      trustProxy: 'loopback',
      shutdownGraceMs: 10_000,
      pageCacheMB: 64,
      pageCacheMaxAgeSeconds: 3600,
      apiJsonLimitBytes: 2 * MiB,
      payloadSecret: undefined,
      loginMaxAttempts: 50,
      loginFailuresPerAddress: 20,
      loginFailuresPerAccountAddress: 5,
      ticketOrphanUploadHours: 24,
      ticketUploadCleanupCron: '17 * * * *',
      loginLockMinutes: 10,
      databaseURI: DEFAULT_SQLITE_URI,
      databasePoolMax: 10,
      searchPoolMax: 6,
      dbPush: false,
      firstAdmin: { email: undefined, password: undefined, name: 'مدیر سامانه' },
      seedDemo: true,
      smtp: { host: undefined, port: 587, secure: false, user: undefined, pass: '', rejectUnauthorized: true },
      emailFromAddress: 'no-reply@sarkhat.local',
      emailFromName: 'سرخط',
      mediaDir: 'media',
      mediaMaxBytes: 10 * MiB,
      ticketFilesDir: 'data/ticket-files',
      ticketAttachmentMaxBytes: 5 * MiB,
      jobsAutorunCron: '* * * * *',
      ticketAutoCloseCron: '0 * * * *',
      commentMaxLength: 2000,
      commentRateLimitPerMinute: 5,
      readerSignupRateLimitPerHour: 10,
      ticketRateLimitPerHour: 10,
    })
  })

  it('parses numbers, and keeps each variable’s reading of an empty value', () => {
    const set = readEnv({ PORT: '8080', PAGE_CACHE_MB: '0', MEDIA_MAX_BYTES: '1000', COMMENT_MAX_LENGTH: '300' })
    expect(set).toMatchObject({ port: 8080, pageCacheMB: 0, mediaMaxBytes: 1000, commentMaxLength: 300 })
    const empty = readEnv({
      PORT: '',
      PAGE_CACHE_MB: '',
      PAGE_CACHE_MAX_AGE: '',
      READER_SIGNUP_RATE_LIMIT_PER_HOUR: '',
      TICKET_RATE_LIMIT_PER_HOUR: '',
      MEDIA_MAX_BYTES: '',
      LOGIN_MAX_ATTEMPTS: '',
      COMMENT_MAX_LENGTH: ' ',
      COMMENT_RATE_LIMIT_PER_MINUTE: 'many',
      TRUST_PROXY: '',
    })
    // `||` variables: empty means the default.
    expect(empty).toMatchObject({ port: 3000, mediaMaxBytes: 10 * MiB, loginMaxAttempts: 50 })
    // `??` variables: empty is Number('') = 0 (the page cache and the rate limits off).
    expect(empty).toMatchObject({
      pageCacheMB: 0,
      pageCacheMaxAgeSeconds: 0,
      readerSignupRateLimitPerHour: 0,
      ticketRateLimitPerHour: 0,
    })
    // Comment limits: blank or not a number means the default.
    expect(empty).toMatchObject({ commentMaxLength: 2000, commentRateLimitPerMinute: 5 })
    // An empty TRUST_PROXY trusts no proxy (only an unset one means loopback).
    expect(empty.trustProxy).toBe(false)
  })

  it('reads TRUST_PROXY as express does', () => {
    expect(readEnv({ TRUST_PROXY: 'true' }).trustProxy).toBe(true)
    expect(readEnv({ TRUST_PROXY: 'false' }).trustProxy).toBe(false)
    expect(readEnv({ TRUST_PROXY: '2' }).trustProxy).toBe(2)
    expect(readEnv({ TRUST_PROXY: '10.0.0.0/8, loopback' }).trustProxy).toBe('10.0.0.0/8, loopback')
  })

  it('derives the public URL and Secure cookies from SERVER_URL', () => {
    expect(readEnv({ PORT: '4000' }).publicURL).toBe('http://localhost:4000')
    const https = readEnv({ SERVER_URL: 'https://sarkhat.ir//' })
    expect(https).toMatchObject({
      serverURL: 'https://sarkhat.ir//',
      publicURL: 'https://sarkhat.ir',
      secureCookies: true,
    })
    const http = readEnv({ SERVER_URL: ' http://news.test/ ' })
    expect(http).toMatchObject({ publicURL: 'http://news.test', secureCookies: false })
    expect(readEnv({ SERVER_URL: '' })).toMatchObject({ serverURL: undefined, publicURL: 'http://localhost:3000' })
  })

  it('pushes the schema only on request, and never in production or CI', () => {
    expect(readEnv({ DB_PUSH: 'true' }).dbPush).toBe(true)
    expect(readEnv({ DB_PUSH: 'true', NODE_ENV: 'production' }).dbPush).toBe(false)
    expect(readEnv({ DB_PUSH: 'true', CI: '1' }).dbPush).toBe(false)
    expect(readEnv({ DB_PUSH: 'false' }).dbPush).toBe(false)
  })

  it('reads the database, first admin, demo content and SMTP settings', () => {
    const config = readEnv({
      DATABASE_URI: '  postgres://db/sarkhat ',
      ADMIN_EMAIL: ' admin@sarkhat.test ',
      ADMIN_PASSWORD: 'secret',
      ADMIN_NAME: '  ',
      SEED_DEMO: 'false',
      SMTP_HOST: ' mail.test ',
      SMTP_PORT: '465',
      SMTP_USER: 'u',
      SMTP_TLS_REJECT_UNAUTHORIZED: 'false',
    })
    expect(config.databaseURI).toBe('postgres://db/sarkhat')
    expect(config.firstAdmin).toEqual({ email: 'admin@sarkhat.test', password: 'secret', name: 'مدیر سامانه' })
    expect(config.seedDemo).toBe(false)
    expect(config.smtp).toEqual({
      host: 'mail.test',
      port: 465,
      secure: true,
      user: 'u',
      pass: '',
      rejectUnauthorized: false,
    })
    expect(readEnv({ SMTP_PORT: '465', SMTP_SECURE: 'false' }).smtp.secure).toBe(false)
    expect(readEnv({ SMTP_SECURE: 'true' }).smtp.secure).toBe(true)
    expect(readEnv({ DATABASE_URI: '   ' }).databaseURI).toBe(DEFAULT_SQLITE_URI)
  })

  it('is frozen, and sees NEXT_PHASE whenever Next sets it', () => {
    const vars: Record<string, string | undefined> = { NODE_ENV: 'production' }
    const config = readEnv(vars)
    expect(Object.isFrozen(config)).toBe(true)
    expect(Object.isFrozen(config.smtp)).toBe(true)
    expect(() => {
      ;(config as { port: number }).port = 1
    }).toThrow(TypeError)
    expect(config.buildPhase).toBe(false)
    expect(payloadSecret(config)).toBe('')
    vars.NEXT_PHASE = 'phase-production-build'
    expect(config.buildPhase).toBe(true)
    // `next build` needs a secret but signs nothing with it.
    expect(payloadSecret(config)).not.toBe('')
  })

  it('gives development a fixed secret and production only its own', () => {
    expect(payloadSecret(readEnv({}))).toMatch(/development/)
    expect(payloadSecret(readEnv({ NODE_ENV: 'production', PAYLOAD_SECRET: 'x'.repeat(40) }))).toBe('x'.repeat(40))
  })
})
