import fs from 'node:fs'

/**
 * Loads `.env` (or the file named by ENV_FILE; `none` skips it) into process.env. Variables
 * already set in the environment win, so a deployment's real environment overrides the file.
 */
export function loadEnvFile(): void {
  // Read here, not from src/lib/env.ts: the configuration is built from what this loads.
  const file = process.env.ENV_FILE ?? '.env'
  if (file !== 'none' && fs.existsSync(file)) process.loadEnvFile(file)
}
