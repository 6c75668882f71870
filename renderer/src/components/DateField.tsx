import { DateInput, type DateInputProps } from '@mantine/dates'
import { type ReactNode, useState } from 'react'
import { parseDateInput } from '../lib/parseDateInput'

export interface DateFieldProps
  extends Omit<
    DateInputProps,
    'value' | 'defaultValue' | 'onChange' | 'label' | 'valueFormat' | 'dateParser'
  > {
  /** Every date input is labelled. */
  label: ReactNode
  /** A date without time, `YYYY-MM-DD`, or '' when empty. */
  value?: string
  /** `YYYY-MM-DD`, or '' when an optional field is emptied. */
  onChange(value: string): void
}

/**
 * Shown day first in both languages: the desks are French, Belgian and Moroccan, where 23/11/2026
 * is how a date is written whatever the screen language (docs/decisions.md). The calendar's month
 * and day names follow the app language through `DatesProvider` (app/App.tsx).
 */
const DISPLAY_FORMAT = 'DD/MM/YYYY'

/**
 * The one date input of the app (a date without time, typed or picked): every screen goes through
 * here, with a `YYYY-MM-DD` string in and out, so it fits `form.getInputProps`.
 *
 * Mantine's DateInput with our own parser (lib/parseDateInput.ts): the clerk types `23/11/2026`,
 * `23.11.2026` or `2026-11-23`; the value changes as soon as the text is a real date, so Enter
 * submits what was typed; an impossible date is not taken and the text goes back to the last
 * value on blur. Optional fields (no `required`) get a clear button, and emptying the text
 * empties the value.
 */
export function DateField({ value, onChange, required, clearable, popoverProps, ...props }: DateFieldProps) {
  // Escape closes the calendar first: while it is open, a surrounding modal must not also close
  // (Mantine's modals skip an Escape whose target carries `data-mantine-stop-propagation`).
  const [calendarOpen, setCalendarOpen] = useState(false)
  return (
    <DateInput
      {...props}
      required={required}
      clearable={clearable ?? !required}
      value={value || null}
      onChange={(date) => onChange(date ?? '')}
      valueFormat={DISPLAY_FORMAT}
      dateParser={parseDateInput}
      highlightToday
      popoverProps={{
        ...popoverProps,
        onOpen: () => {
          setCalendarOpen(true)
          popoverProps?.onOpen?.()
        },
        onClose: () => {
          setCalendarOpen(false)
          popoverProps?.onClose?.()
        },
      }}
      data-mantine-stop-propagation={calendarOpen || undefined}
    />
  )
}
