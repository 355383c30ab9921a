import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Scheduled publish jobs queued through the API before 2026-12-03 kept the article id as a
 * number; Payload's admin and ours now keep it as text, and look jobs up by it (listing,
 * cancelling, removing them with their article). Data only: the schema does not change.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`UPDATE payload_jobs
    SET input = json_set(input, '$.doc.value', CAST(json_extract(input, '$.doc.value') AS TEXT))
    WHERE task_slug = 'schedulePublish' AND json_type(input, '$.doc.value') = 'integer'`)
}

export async function down(_: MigrateDownArgs): Promise<void> {
  // Text ids work for every reader of these jobs; nothing to undo.
}
