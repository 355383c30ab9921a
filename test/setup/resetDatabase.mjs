// Jest global setup: every run starts from an empty test database; the app under test applies
// the committed migrations when it boots, exactly as production does.
import fs from 'node:fs'

import pg from 'pg'

export default async function resetDatabase() {
  if (process.env.MEDIA_DIR) fs.rmSync(process.env.MEDIA_DIR, { recursive: true, force: true })
  // leftovers of the first-run test
  if (fs.existsSync('data')) for (const name of fs.readdirSync('data')) if (name.startsWith('first-run-')) fs.rmSync(`data/${name}`, { recursive: true, force: true })
  const uri = process.env.DATABASE_URI
  if (!uri) throw new Error('DATABASE_URI is not set: run the tests with `npm test`.')
  if (uri.startsWith('file:')) {
    const file = uri.slice('file:'.length).split('?')[0]
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true })
  } else if (/^postgres(ql)?:/.test(uri)) {
    const target = new URL(uri)
    const database = target.pathname.slice(1)
    const admin = new URL(uri)
    admin.pathname = '/postgres'
    const server = new pg.Client({ connectionString: admin.toString() })
    await server.connect()
    await server.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
    await server.query(`CREATE DATABASE "${database}"`)
    await server.end()
  } else if (uri.startsWith('mongodb')) {
    const { MongoClient } = await import('mongodb')
    const client = new MongoClient(uri)
    await client.connect()
    await client.db().dropDatabase()
    await client.close()
  }
}
