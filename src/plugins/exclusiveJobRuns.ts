import type { Endpoint, Payload, Plugin } from 'payload'

import { runExclusively } from '../jobs/runLock'

const busy = () =>
  Response.json(
    { message: 'کارها هم‌اکنون در فرایند دیگری اجرا می‌شوند؛ این بار چیزی اجرا نشد.', noJobsRemaining: false },
    { status: 409 },
  )

/** Payload's /api/payload-jobs/run and /handle-schedules call its job runner directly. */
const lockedEndpoint = (endpoint: Endpoint): Endpoint =>
  endpoint.path === '/run' || endpoint.path === '/handle-schedules'
    ? { ...endpoint, handler: (req) => runExclusively(req.payload, () => Promise.resolve(endpoint.handler(req)), busy) }
    : endpoint

type JobsAPI = Payload['jobs']
// Payload types run's result as a promise of a promise; these say what it really is.
type RunResult = Awaited<ReturnType<JobsAPI['run']>>
type Runner<Args> = (args: Args) => Promise<RunResult>
const nothingRun = (): RunResult => ({ noJobsRemaining: false, remainingJobsFromQueried: 0 })

/** `run` (or `runByID`) taking the lock first. */
function locked<Args>(payload: Payload, run: Runner<Args>): Runner<Args> {
  return (args) => runExclusively(payload, () => run(args), nothingRun)
}

/** The local API's ways to run jobs, which the autoRun cron uses too. */
function lockJobsAPI(payload: Payload): void {
  const { jobs } = payload
  const { handleSchedules } = jobs
  jobs.run = locked(payload, jobs.run as unknown as Runner<Parameters<JobsAPI['run']>[0]>) as unknown as JobsAPI['run']
  jobs.runByID = locked(
    payload,
    jobs.runByID as unknown as Runner<Parameters<JobsAPI['runByID']>[0]>,
  ) as unknown as JobsAPI['runByID']
  jobs.handleSchedules = (args) =>
    runExclusively(
      payload,
      () => handleSchedules(args),
      () => ({ errored: [], queued: [], skipped: [] }),
    )
}

/**
 * Every way Payload runs jobs or queues scheduled ones takes the job lock (src/jobs/runLock.ts)
 * first, so two runners on one database never run one job twice. Queueing needs no lock.
 */
export const exclusiveJobRuns: Plugin = (config) => {
  if (!config.jobs) return config
  const { jobsCollectionOverrides, ...jobs } = config.jobs
  return {
    ...config,
    jobs: {
      ...jobs,
      jobsCollectionOverrides: (args) => {
        const collection = jobsCollectionOverrides?.(args) ?? args.defaultJobsCollection
        const { endpoints } = collection
        return { ...collection, endpoints: Array.isArray(endpoints) ? endpoints.map(lockedEndpoint) : endpoints }
      },
    },
    onInit: async (payload) => {
      lockJobsAPI(payload)
      await config.onInit?.(payload)
    },
  }
}
