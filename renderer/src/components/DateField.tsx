import { TextInput, type TextInputProps } from '@mantine/core'
import type { ReactNode } from 'react'

export interface DateFieldProps
  extends Omit<TextInputProps, 'type' | 'value' | 'defaultValue' | 'onChange' | 'label'> {
  /** Every date input is labelled. */
  label: ReactNode
  /** A date without time, `YYYY-MM-DD`, or '' when empty. */
  value?: string
  onChange(value: string): void
}

/**
 * The one date input of the app (a date without time, typed or picked): every screen goes through
 * here, with a `YYYY-MM-DD` string in and out, the way `form.getInputProps` and Mantine's DateInput
 * both work, so that changing how dates are shown is done in this file only.
 *
 * It is the browser's own date input: Chromium orders its fields (23/11/2026 or 11/23/2026) by the
 * browser's language — in Electron the system's, or `--lang` — never by the page's `lang`. Showing
 * dates in the order of the app's language needs `@mantine/dates` (see docs/decisions.md).
 */
export function DateField({ value, onChange, ...props }: DateFieldProps) {
  return (
    <TextInput {...props} type="date" value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value)} />
  )
}
