import type { LoggerOptions } from 'pino'

/**
 * Log lines of a bounded size. A database error carries its whole SQL statement and parameters
 * (Drizzle's "Failed query: …"): a GET with 1,001 OR conditions logged about 100 KB per request,
 * an easy way to fill a disk. Every string and every error logged is cut to these sizes (an error
 * with its cause: under 8 KB).
 */
export const LOG_LIMITS = { text: 2_000, stack: 1_500 } as const

export function truncate(text: string, max: number = LOG_LIMITS.text): string {
  return text.length <= max ? text : `${text.slice(0, max)}… [${text.length - max} نویسه حذف شد]`
}

type LoggedError = { type: string; message: string; stack?: string; code?: unknown; status?: unknown; cause?: unknown }

/** An error as it is logged: its type, code and status, its message and stack cut short, no SQL parameters. */
export function boundedError(error: unknown, level = 0): LoggedError | string {
  if (!(error instanceof Error)) return truncate(error && typeof error === 'object' ? json(error) : String(error))
  const logged: LoggedError = { type: error.constructor?.name || error.name, message: truncate(error.message) }
  // The stack repeats the message on its first line: only the frames are kept.
  const frames = error.stack?.split('\n').filter((line) => /^\s+at /.test(line))
  if (frames?.length) logged.stack = truncate(frames.join('\n'), LOG_LIMITS.stack)
  const { code, status } = error as { code?: unknown; status?: unknown }
  if (code !== undefined) logged.code = code
  if (status !== undefined) logged.status = status
  if (error.cause !== undefined && level < 1) logged.cause = boundedError(error.cause, level + 1)
  return logged
}

function json(value: object): string {
  try {
    return JSON.stringify(value)
  } catch {
    return Object.prototype.toString.call(value)
  }
}

// An Error argument is left as it is: pino logs it under `err`, through the serializer above.
const boundedArgument = (arg: unknown): unknown => {
  if (typeof arg === 'string') return truncate(arg)
  if (arg && typeof arg === 'object' && typeof (arg as { msg?: unknown }).msg === 'string')
    return { ...arg, msg: truncate((arg as { msg: string }).msg) }
  return arg
}

/** Pino options for Payload's logger (`logger.options` in the config): errors and messages bounded. */
export const boundedLoggerOptions: LoggerOptions = {
  serializers: { err: boundedError, error: boundedError },
  hooks: {
    logMethod(args, method) {
      method.apply(this, args.map(boundedArgument) as Parameters<typeof method>)
    },
  },
}
