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
import { isStaffUser } from './src/access/roles'
import { databaseAdapter } from './src/db/adapter'
import { emailAdapter } from './src/email/transport'
import { searchEndpoint } from './src/endpoints/search'
import { seoDescription, seoTitle } from './src/lib/seo'
import { persianSeoLabels } from './src/lib/seoLabels'
import { boundListQueries } from './src/plugins/boundListQueries'
import { checkFieldInput } from './src/plugins/checkFieldInput'
import { jalaliAdminDates } from './src/plugins/jalaliAdminDates'
import { rejectMalformedIds } from './src/plugins/rejectMalformedIds'
import { closeIdleTicketsTask } from './src/jobs/closeIdleTickets'
import { schedulePublishTask } from './src/jobs/schedulePublish'
import { persianErrorMessages } from './src/lib/persianErrors'
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
    seoPlugin({
      collections: ['articles', 'pages'],
      uploadsCollection: 'media',
      generateTitle: ({ doc }) => seoTitle(doc as { title?: string }),
      generateDescription: ({ doc }) => seoDescription(doc as { lead?: string }),
    }),
    persianSeoLabels,
    checkFieldInput,
    rejectMalformedIds,
    boundListQueries,
    // Last: it also reaches the fields other plugins add.
    jalaliAdminDates,
  ],
  editor: lexicalEditor(),
  db: databaseAdapter(),
  email: emailAdapter(),
  jobs: {
    tasks: [closeIdleTicketsTask, schedulePublishTask],
    // Started by the express server at boot (createSarkhatApp in src/server/app.ts calls getPayload
    // with cron: true), so scheduled publishing fires on an idle server. The CLIs and Next's own
    // getPayload calls start no cron.
    autoRun: [{ cron: env().jobsAutorunCron, queue: 'default', limit: 50 }],
    // Payload lets any signed-in account queue, run or cancel jobs by default; readers must not.
    access: { queue: isStaffRequest, run: isStaffRequest, cancel: isStaffRequest },
  },
  endpoints: [searchEndpoint],
  hooks: { afterError: [persianErrorMessages] },
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
})
