import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-postgres'

/**
 * Scheduled publish jobs queued through the API before 2026-12-03 kept the article id as a
 * number; Payload's admin and ours now keep it as text, and look jobs up by it (listing,
 * cancelling, removing them with their article). Data only: the schema does not change.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`UPDATE payload_jobs
    SET input = jsonb_set(input, '{doc,value}', to_jsonb(input #>> '{doc,value}'))
    WHERE task_slug = 'schedulePublish' AND jsonb_typeof(input #> '{doc,value}') = 'number'`)
}

export async function down(_: MigrateDownArgs): Promise<void> {
  // Text ids work for every reader of these jobs; nothing to undo.
}
