import path from 'node:path'

import { seoPlugin } from '@payloadcms/plugin-seo'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { fa } from '@payloadcms/translations/languages/fa'
import { buildConfig, defaultLoggerOptions } from 'payload'
import sharp from 'sharp'

import { Articles } from './collections/Articles'
import { CannedResponses } from './collections/CannedResponses'
import { Categories } from './collections/Categories'
import { Comments } from './collections/Comments'
import { Departments } from './collections/Departments'
import { IdempotencyKeys } from './collections/IdempotencyKeys'
import { Media } from './collections/Media'
import { mediaMaxBytes } from './collections/Media/limits'
import { Pages } from './collections/Pages'
import { Readers } from './collections/Readers'
import { Tags } from './collections/Tags'
import { TicketAttachments } from './collections/TicketAttachments'
import { TicketCounters } from './collections/TicketCounters'
import { TicketMessages } from './collections/TicketMessages'
import { Tickets } from './collections/Tickets'
import { Users } from './collections/Users'
import { Navigation } from './globals/Navigation'
import { SiteSettings } from './globals/SiteSettings'
import { restrictInternalCollections } from './src/access/internalCollections'
import { isStaffUser } from './src/access/roles'
import { databaseAdapter } from './src/db/adapter'
import { emailAdapter } from './src/email/transport'
import { searchEndpoint } from './src/endpoints/search'
import { seoDescription, seoTitle } from './src/lib/seo'
import { persianSeoLabels } from './src/lib/seoLabels'
import { boundListQueries } from './src/plugins/boundListQueries'
import { checkFieldInput } from './src/plugins/checkFieldInput'
import { exclusiveJobRuns } from './src/plugins/exclusiveJobRuns'
import { jalaliAdminDates } from './src/plugins/jalaliAdminDates'
import { objectStorage } from './src/plugins/objectStorage'
import { guardQueryPaths } from './src/plugins/guardQueryPaths'
import { rejectMalformedIds } from './src/plugins/rejectMalformedIds'
import { cleanupStaleUploadsTask } from './src/jobs/cleanupStaleUploads'
import { closeIdleTicketsTask } from './src/jobs/closeIdleTickets'
import { schedulePublishTask } from './src/jobs/schedulePublish'
import { persianErrorMessages } from './src/lib/persianErrors'
import { refundSpentPoints } from './src/rateLimits'
import { boundedLoggerOptions } from './src/lib/boundedLog'
import { GRAPHQL_LIMITS, queryCostRule } from './src/lib/graphqlCost'
import { QUERY_LIMITS } from './src/lib/queryLimits'
import { env } from './src/lib/env'
import { getServerURL } from './src/lib/serverURL'
import { payloadSecret } from './src/lib/secret'

const isStaffRequest = ({ req }: { req: { user?: unknown } }) =>
  isStaffUser(req.user as Parameters<typeof isStaffUser>[0])

// Commands run from the repository root; import.meta.url would point into a bundle.
const rootDir = process.cwd()

export default buildConfig({
  secret: payloadSecret(),
  serverURL: env().serverURL,
  csrf: [getServerURL()],
  telemetry: false,
  // Payload's own pretty output, with every error and message cut to a bounded size (no SQL dumps).
  logger: { options: boundedLoggerOptions, destination: defaultLoggerOptions },
  // Relations populated by any read: the site reads with depth 0 or 1 (REST refuses more, see queryLimits).
  maxDepth: QUERY_LIMITS.depth,
  sharp,
  admin: {
    user: Users.slug,
    // No Gravatar: staff email hashes never leave our server.
    avatar: 'default',
    components: {
      beforeDashboard: ['/src/components/admin/dashboard/EditorsDashboard#EditorsDashboard'],
    },
    meta: {
      titleSuffix: ' — پیشخوان سرخط',
      description: 'پیشخوان مدیریت محتوای سرخط',
      openGraph: { siteName: 'سرخط', description: 'پیشخوان مدیریت محتوای سرخط' },
    },
    importMap: {
      baseDir: rootDir,
      importMapFile: path.resolve(rootDir, 'src/app/(payload)/admin/importMap.js'),
    },
  },
  i18n: {
    supportedLanguages: { fa },
    fallbackLanguage: 'fa',
  },
  collections: [
    Articles,
    Categories,
    Tags,
    Media,
    Pages,
    Comments,
    Tickets,
    TicketMessages,
    TicketAttachments,
    Departments,
    CannedResponses,
    TicketCounters,
    IdempotencyKeys,
    Users,
    Readers,
  ],
  globals: [SiteSettings, Navigation],
  upload: {
    limits: { fileSize: mediaMaxBytes() },
    abortOnLimit: true,
    responseOnLimit: 'حجم پرونده بیش از حد مجاز است.',
  },
  plugins: [
    // First: the fields it adds (prefix) get the other plugins' treatment too.
    objectStorage,
    seoPlugin({
      collections: ['articles', 'pages'],
      uploadsCollection: 'media',
      generateTitle: ({ doc }) => seoTitle(doc as { title?: string }),
      generateDescription: ({ doc }) => seoDescription(doc as { lead?: string }),
    }),
    persianSeoLabels,
    checkFieldInput,
    rejectMalformedIds,
    exclusiveJobRuns,
    guardQueryPaths,
    boundListQueries,
    // Last: it also reaches the fields other plugins add.
    jalaliAdminDates,
  ],
  editor: lexicalEditor(),
  db: databaseAdapter(),
  email: emailAdapter(),
  jobs: {
    tasks: [closeIdleTicketsTask, schedulePublishTask, cleanupStaleUploadsTask],
    // Started by the express server once the database is migrated (createSarkhatApp in
    // src/server/app.ts), so scheduled publishing fires on an idle server; none on a web-only
    // instance (JOBS_RUNNER=false), which still queues jobs. The CLIs and Next's own getPayload
    // calls start no cron. Runs take a lock (src/plugins/exclusiveJobRuns.ts).
    autoRun: () => (env().jobsRunner ? [{ cron: env().jobsAutorunCron, queue: 'default', limit: 50 }] : []),
    // Payload lets any signed-in account queue, run or cancel jobs by default; readers must not.
    access: { queue: isStaffRequest, run: isStaffRequest, cancel: isStaffRequest },
  },
  endpoints: [searchEndpoint],
  // refundSpentPoints: a failed comment or ticket gives its rate-limit point back (REST and GraphQL).
  hooks: { afterError: [persianErrorMessages, refundSpentPoints] },
  graphQL: {
    disablePlaygroundInProduction: true,
    // Payload's estimate (1 a field, 10 a relation, limits not counted): a backstop behind
    // queryCostRule, which counts aliases, fields, depth and the documents the lists ask for.
    maxComplexity: GRAPHQL_LIMITS.fields,
    validationRules: (args) => [queryCostRule(args.variableValues)],
  },
  typescript: {
    outputFile: path.resolve(rootDir, 'src/payload-types.ts'),
    autoGenerate: false,
  },
  // Payload's own collections (edit locks, migrations) are added during sanitising: narrowed after.
}).then(restrictInternalCollections)
