'use client'

import type { DateFieldClientComponent } from 'payload'

import { FieldDescription, FieldError, FieldLabel, useField } from '@payloadcms/ui'
import React from 'react'

import { JalaliDateInput } from './JalaliDateInput'

/** Every date field of the admin, through the plugin in src/plugins/jalaliAdminDates. */
export const JalaliDateField: DateFieldClientComponent = ({ field, path, readOnly }) => {
  const { label, required, admin } = field
  const { value, setValue, showError, errorMessage } = useField<string | null>({ path })
  return (
    <>
      <JalaliDateInput
        value={value}
        onChange={setValue}
        required={required}
        readOnly={Boolean(readOnly || admin?.readOnly)}
        dayOnly={(admin?.date as { pickerAppearance?: string } | undefined)?.pickerAppearance === 'dayOnly'}
        hasError={showError}
        renderLabel={(inputId) => <FieldLabel htmlFor={inputId} label={label} path={path} required={required} />}
      >
        <FieldError path={path} showError={showError} message={errorMessage} />
      </JalaliDateInput>
      <FieldDescription path={path} description={admin?.description} />
    </>
  )
}
