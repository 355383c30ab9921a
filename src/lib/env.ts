/**
 * The app's configuration: every environment variable it reads, with its default and parsing, in
 * one place (documented for operators in .env.example). Nothing else in the app reads process.env,
 * except src/server/loadEnvFile.ts (ENV_FILE), which fills it before this is built.
 *
 * `env()` builds it on first use, not at import: src/server.ts and the CLIs import modules before
 * their bodies load `.env` (src/server/loadEnvFile.ts) and, for the CLIs, set DB_PUSH=false. They
 * call nothing that reads the configuration until then. `readEnv()` builds one from any set of
 * variables, for tests.
 *
 * Each variable keeps its own reading of an empty value: `||` variables fall back to the default
 * when empty, `??` ones only when unset (an empty PAGE_CACHE_MB is 0, which turns the cache off).
 */
export type Env = {
  /** NODE_ENV=production. */
  readonly production: boolean
  /** NODE_ENV=development: the server runs Next in development mode. */
  readonly development: boolean
  /**
   * `next build` is prerendering (NEXT_PHASE, set by Next itself midway through the build): pages
   * render without a database. Read from the variables on every access, since Next sets it after
   * modules may have read the rest.
   */
  readonly buildPhase: boolean

  // --- Server
  /** PORT: the express server's port (default 3000). */
  readonly port: number
  /** HOST: the interface it listens on (default 0.0.0.0). */
  readonly host: string
  /** SERVER_URL as given, for Payload's serverURL; undefined when empty (uploads linked by path). */
  readonly serverURL: string | undefined
  /** Public origin for links in emails, feeds, canonical URLs and CSRF: SERVER_URL without trailing
   * slashes, or http://localhost:PORT. */
  readonly publicURL: string
  /** An https:// SERVER_URL: every cookie we set (sessions, the view counter's) is Secure. */
  readonly secureCookies: boolean
  /** TRUST_PROXY as express's "trust proxy" setting: false, true, a hop count or addresses (default loopback). */
  readonly trustProxy: boolean | number | string
  /** SHUTDOWN_GRACE_MS: how long in-flight requests may finish after SIGTERM/SIGINT (default 10 s). */
  readonly shutdownGraceMs: number
  /** PAGE_CACHE_MB: memory of the server's page cache (default 64; 0 turns it off). */
  readonly pageCacheMB: number
  /** PAGE_CACHE_MAX_AGE: longest a page stays in it, in seconds (default 3600). */
  readonly pageCacheMaxAgeSeconds: number
  /** API_JSON_LIMIT_BYTES: largest JSON body the API reads (default 2 MiB). */
  readonly apiJsonLimitBytes: number

  // --- Security
  /** PAYLOAD_SECRET as given (src/lib/secret.ts decides what a missing one means). */
  readonly payloadSecret: string | undefined
  /**
   * LOGIN_MAX_ATTEMPTS: wrong passwords (from anywhere) before an account is locked (default 50:
   * the per-address limits below stop one address long before, so no single sender can lock a
   * staff member out).
   */
  readonly loginMaxAttempts: number
  /** LOGIN_LOCK_MINUTES: how long it stays locked (default 10). */
  readonly loginLockMinutes: number
  /** LOGIN_FAILURES_PER_ADDRESS: failed logins per client address per 15 minutes (default 20; 0 off). */
  readonly loginFailuresPerAddress: number
  /** LOGIN_FAILURES_PER_ACCOUNT_ADDRESS: failed logins per account from one address per 15 minutes (default 5; 0 off). */
  readonly loginFailuresPerAccountAddress: number

  // --- Database
  /** DATABASE_URI, trimmed; default the SQLite file data/sarkhat.db. */
  readonly databaseURI: string
  /** DATABASE_POOL_MAX: PostgreSQL pool size (default 10). */
  readonly databasePoolMax: number
  /** SEARCH_POOL_MAX: PostgreSQL search pool size (default 6). */
  readonly searchPoolMax: number
  /** Payload's dev schema push: DB_PUSH=true, and never in production or CI (CI set). */
  readonly dbPush: boolean

  // --- First run
  /** ADMIN_EMAIL / ADMIN_PASSWORD / ADMIN_NAME: the first admin of an empty database. */
  readonly firstAdmin: Readonly<{ email: string | undefined; password: string | undefined; name: string }>
  /** SEED_DEMO: load the demo content on a fresh database (anything but "false"). */
  readonly seedDemo: boolean

  // --- Email
  readonly smtp: Readonly<{
    /** SMTP_HOST, trimmed; undefined: emails are only logged. */
    host: string | undefined
    /** SMTP_PORT (default 587). */
    port: number
    /** SMTP_SECURE=true (implicit TLS); when empty, true only on port 465. */
    secure: boolean
    /** SMTP_USER; undefined: no authentication. */
    user: string | undefined
    /** SMTP_PASS (default empty). */
    pass: string
    /** SMTP_TLS_REJECT_UNAUTHORIZED: false only when set to "false" (loopback test servers). */
    rejectUnauthorized: boolean
  }>
  /** EMAIL_FROM_ADDRESS (default no-reply@sarkhat.local). */
  readonly emailFromAddress: string
  /** EMAIL_FROM_NAME (default سرخط). */
  readonly emailFromName: string

  // --- Uploads
  /** MEDIA_DIR: folder of uploaded media, relative to the working directory (default media). */
  readonly mediaDir: string
  /** MEDIA_MAX_BYTES: largest media upload (default 10 MiB). */
  readonly mediaMaxBytes: number
  /** TICKET_FILES_DIR: private folder of ticket attachments (default data/ticket-files). */
  readonly ticketFilesDir: string
  /** TICKET_ATTACHMENT_MAX_BYTES: largest ticket attachment (default 5 MiB). */
  readonly ticketAttachmentMaxBytes: number

  // --- Jobs
  /** JOBS_AUTORUN_CRON: how often queued jobs run (default every minute). */
  readonly jobsAutorunCron: string
  /** TICKET_UPLOAD_CLEANUP_CRON: when stale ticket uploads and expired idempotency keys are removed (default hourly). */
  readonly ticketUploadCleanupCron: string
  /** TICKET_ORPHAN_UPLOAD_HOURS: age after which an attachment no message carries is deleted (default 24). */
  readonly ticketOrphanUploadHours: number
  /** TICKET_AUTO_CLOSE_CRON: when idle answered tickets are closed (default hourly). */
  readonly ticketAutoCloseCron: string

  // --- Several instances (README: Running several instances)
  /** REDIS_URL: what processes must agree on (page invalidation, rate limits, the job lock) goes through it. */
  readonly redisURL: string | undefined
  /** JOBS_RUNNER: this process runs queued and scheduled jobs (default true; false on web-only instances). */
  readonly jobsRunner: boolean
  /** WEB_CONCURRENCY: server processes on one port (default 1). */
  readonly webConcurrency: number
  /** S3_BUCKET and the rest: uploads in S3-compatible storage instead of the local folders. */
  readonly s3: Readonly<{
    bucket: string
    /** S3_PRIVATE_BUCKET: ticket attachments (default: S3_BUCKET, under their own prefix). */
    privateBucket: string
    endpoint: string | undefined
    region: string
    accessKeyId: string | undefined
    secretAccessKey: string | undefined
    forcePathStyle: boolean
  }> | null

  // --- Limits (0 turns a rate limit off)
  /** COMMENT_MAX_LENGTH: longest comment in characters (default 2000; blank or not a number: default). */
  readonly commentMaxLength: number
  /** COMMENT_RATE_LIMIT_PER_MINUTE: comments per address per minute (default 5; blank or not a number: default). */
  readonly commentRateLimitPerMinute: number
  /** READER_SIGNUP_RATE_LIMIT_PER_HOUR: registrations per address per hour (default 10). */
  readonly readerSignupRateLimitPerHour: number
  /** TICKET_RATE_LIMIT_PER_HOUR: tickets per reader per hour (default 10). */
  readonly ticketRateLimitPerHour: number
}

type Variables = Record<string, string | undefined>

export const DEFAULT_SQLITE_URI = 'file:./data/sarkhat.db'
const MiB = 1024 * 1024

/** A number whose blank or non-numeric value means the default. */
function numberOr(value: string | undefined, fallback: number): number {
  const parsed = Number(value)
  return Number.isFinite(parsed) && value?.trim() ? parsed : fallback
}

function trustProxySetting(value: string | undefined): boolean | number | string {
  if (!value || value === 'false') return false
  if (value === 'true') return true
  return /^\d+$/.test(value) ? Number(value) : value
}

/** The configuration these variables describe. */
export function readEnv(vars: Variables): Env {
  const port = Number(vars.PORT || 3000)
  const serverURL = vars.SERVER_URL?.trim()
  const smtpPort = Number(vars.SMTP_PORT || 587)
  const config: Omit<Env, 'buildPhase'> = {
    production: vars.NODE_ENV === 'production',
    development: vars.NODE_ENV === 'development',

    port,
    host: vars.HOST || '0.0.0.0',
    serverURL: vars.SERVER_URL || undefined,
    publicURL: serverURL ? serverURL.replace(/\/+$/, '') : `http://localhost:${port}`,
    secureCookies: (vars.SERVER_URL ?? '').startsWith('https://'),
    trustProxy: trustProxySetting(vars.TRUST_PROXY ?? 'loopback'),
    shutdownGraceMs: Number(vars.SHUTDOWN_GRACE_MS || 10_000),
    pageCacheMB: Number(vars.PAGE_CACHE_MB ?? 64),
    pageCacheMaxAgeSeconds: Number(vars.PAGE_CACHE_MAX_AGE ?? 3600),
    apiJsonLimitBytes: Number(vars.API_JSON_LIMIT_BYTES || 2 * MiB),

    payloadSecret: vars.PAYLOAD_SECRET,
    loginMaxAttempts: Number(vars.LOGIN_MAX_ATTEMPTS || 50),
    loginLockMinutes: Number(vars.LOGIN_LOCK_MINUTES || 10),
    loginFailuresPerAddress: Number(vars.LOGIN_FAILURES_PER_ADDRESS ?? 20),
    loginFailuresPerAccountAddress: Number(vars.LOGIN_FAILURES_PER_ACCOUNT_ADDRESS ?? 5),

    databaseURI: vars.DATABASE_URI?.trim() || DEFAULT_SQLITE_URI,
    databasePoolMax: Number(vars.DATABASE_POOL_MAX || 10),
    searchPoolMax: Number(vars.SEARCH_POOL_MAX || 6),
    dbPush: vars.DB_PUSH === 'true' && vars.NODE_ENV !== 'production' && !vars.CI,

    firstAdmin: Object.freeze({
      email: vars.ADMIN_EMAIL?.trim() || undefined,
      password: vars.ADMIN_PASSWORD || undefined,
      name: vars.ADMIN_NAME?.trim() || 'مدیر سامانه',
    }),
    seedDemo: vars.SEED_DEMO !== 'false',

    smtp: Object.freeze({
      host: vars.SMTP_HOST?.trim() || undefined,
      port: smtpPort,
      secure: vars.SMTP_SECURE ? vars.SMTP_SECURE === 'true' : smtpPort === 465,
      user: vars.SMTP_USER || undefined,
      pass: vars.SMTP_PASS ?? '',
      rejectUnauthorized: vars.SMTP_TLS_REJECT_UNAUTHORIZED !== 'false',
    }),
    emailFromAddress: vars.EMAIL_FROM_ADDRESS || 'no-reply@sarkhat.local',
    emailFromName: vars.EMAIL_FROM_NAME || 'سرخط',

    mediaDir: vars.MEDIA_DIR || 'media',
    mediaMaxBytes: Number(vars.MEDIA_MAX_BYTES || 10 * MiB),
    ticketFilesDir: vars.TICKET_FILES_DIR || 'data/ticket-files',
    ticketAttachmentMaxBytes: Number(vars.TICKET_ATTACHMENT_MAX_BYTES || 5 * MiB),

    jobsAutorunCron: vars.JOBS_AUTORUN_CRON || '* * * * *',
    ticketAutoCloseCron: vars.TICKET_AUTO_CLOSE_CRON || '0 * * * *',
    ticketUploadCleanupCron: vars.TICKET_UPLOAD_CLEANUP_CRON || '17 * * * *',
    ticketOrphanUploadHours: Number(vars.TICKET_ORPHAN_UPLOAD_HOURS || 24),

    redisURL: vars.REDIS_URL?.trim() || undefined,
    jobsRunner: vars.JOBS_RUNNER?.trim().toLowerCase() !== 'false',
    webConcurrency: Math.max(1, Math.floor(numberOr(vars.WEB_CONCURRENCY, 1))),
    s3: vars.S3_BUCKET?.trim()
      ? Object.freeze({
          bucket: vars.S3_BUCKET.trim(),
          privateBucket: vars.S3_PRIVATE_BUCKET?.trim() || vars.S3_BUCKET.trim(),
          endpoint: vars.S3_ENDPOINT?.trim() || undefined,
          region: vars.S3_REGION?.trim() || 'us-east-1',
          accessKeyId: vars.S3_ACCESS_KEY_ID || undefined,
          secretAccessKey: vars.S3_SECRET_ACCESS_KEY || undefined,
          forcePathStyle: vars.S3_FORCE_PATH_STYLE?.trim().toLowerCase() === 'true',
        })
      : null,

    commentMaxLength: numberOr(vars.COMMENT_MAX_LENGTH, 2000),
    commentRateLimitPerMinute: numberOr(vars.COMMENT_RATE_LIMIT_PER_MINUTE, 5),
    readerSignupRateLimitPerHour: Number(vars.READER_SIGNUP_RATE_LIMIT_PER_HOUR ?? 10),
    ticketRateLimitPerHour: Number(vars.TICKET_RATE_LIMIT_PER_HOUR ?? 10),
  }
  return Object.freeze(
    Object.defineProperty(config, 'buildPhase', {
      enumerable: true,
      get: () => vars.NEXT_PHASE === 'phase-production-build',
    }) as Env,
  )
}

/**
 * Shared through globalThis: the express bundle and Next's server bundles each hold a copy of
 * this module, and all of them must see the configuration the process started with.
 */
const SHARED = Symbol.for('sarkhat.env')

/** This process's configuration, read from process.env on first use. */
export function env(): Env {
  const shared = globalThis as { [SHARED]?: Env }
  return (shared[SHARED] ??= readEnv(process.env))
}
