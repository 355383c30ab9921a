// Jest global setup: every run starts from an empty test database, media and ticket-files folder; the app
// under test applies the committed migrations when it boots, exactly as production does.
import fs from 'node:fs'

import { emptyDatabase } from '../../scripts/lib/emptyDatabase.mjs'

export default async function resetDatabase() {
  const uri = process.env.DATABASE_URI
  if (!uri) throw new Error('DATABASE_URI is not set: run the tests with `npm test`.')
  for (const dir of [process.env.MEDIA_DIR, process.env.TICKET_FILES_DIR])
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  // leftovers of the first-run test
  if (fs.existsSync('data'))
    for (const name of fs.readdirSync('data'))
      if (name.startsWith('first-run-')) fs.rmSync(`data/${name}`, { recursive: true, force: true })
  await emptyDatabase(uri)
}
