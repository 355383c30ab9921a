import path from 'node:path'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { fa } from '@payloadcms/translations/languages/fa'
import { buildConfig } from 'payload'

import { Readers } from './collections/Readers'
import { Users } from './collections/Users'
import { SiteSettings } from './globals/SiteSettings'
import { databaseAdapter } from './src/db/adapter'
import { emailAdapter } from './src/email/transport'
import { getServerURL } from './src/lib/serverURL'
import { payloadSecret } from './src/lib/secret'

// Commands run from the repository root; import.meta.url would point into a bundle.
const rootDir = process.cwd()

export default buildConfig({
  secret: payloadSecret(),
  serverURL: process.env.SERVER_URL || undefined,
  csrf: [getServerURL()],
  telemetry: false,
  admin: {
    user: Users.slug,
    // No Gravatar: staff email hashes never leave our server.
    avatar: 'default',
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
  collections: [Users, Readers],
  globals: [SiteSettings],
  editor: lexicalEditor(),
  db: databaseAdapter(),
  email: emailAdapter(),
  jobs: {
    tasks: [],
    // Started by src/server.ts at boot (getPayload with cron: true), so jobs run on an idle server.
    autoRun: [{ cron: '* * * * *', queue: 'default', limit: 50 }],
  },
  graphQL: { disablePlaygroundInProduction: true },
  typescript: {
    outputFile: path.resolve(rootDir, 'src/payload-types.ts'),
    autoGenerate: false,
  },
})
