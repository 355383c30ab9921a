// Starts a database from nothing: deletes a SQLite file, recreates a PostgreSQL database, drops a
// MongoDB database. Used by the test setup and the benchmarks; never by the app.
import fs from 'node:fs'

import pg from 'pg'

export async function emptyDatabase(uri) {
  if (uri.startsWith('file:')) {
    const file = uri.slice('file:'.length).split('?')[0]
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true })
  } else if (/^postgres(ql)?:/.test(uri)) {
    const database = new URL(uri).pathname.slice(1)
    const server = new URL(uri)
    server.pathname = '/postgres'
    const client = new pg.Client({ connectionString: server.toString() })
    await client.connect()
    await client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`)
    await client.query(`CREATE DATABASE "${database}"`)
    await client.end()
  } else if (uri.startsWith('mongodb')) {
    const { MongoClient } = await import('mongodb')
    const client = new MongoClient(uri)
    await client.connect()
    await client.db().dropDatabase()
    await client.close()
  } else {
    throw new Error(`unsupported DATABASE_URI: ${uri.split(':')[0]}:…`)
  }
}
