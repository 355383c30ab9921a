import type { SanitizedConfig } from 'payload'

import { isAdmin, isStaff } from './index'

const noOne = () => false

/**
 * Payload adds its own collections after the plugins have run, with «any signed-in account» as
 * their access: a reader could lock an article or ticket (staff saves then fail with 423 for five
 * minutes) or list the applied migrations. They are narrowed here, on the finished configuration.
 * `payload-preferences` keeps Payload's rule: every account reads and writes only its own.
 */
export function restrictInternalCollections(config: SanitizedConfig): SanitizedConfig {
  for (const collection of config.collections) {
    if (collection.slug === 'payload-locked-documents')
      // Edit locks exist for the admin panel, which only staff enter.
      collection.access = { ...collection.access, read: isStaff, create: isStaff, update: isStaff, delete: isStaff }
    if (collection.slug === 'payload-migrations')
      // Written by the migration CLI (Local API, which skips access); nobody edits them over HTTP.
      collection.access = { ...collection.access, read: isAdmin, create: noOne, update: noOne, delete: noOne }
  }
  return config
}
