import type { Locator } from 'playwright-core'

/**
 * Types a date into a DateField (components/DateField.tsx) as a clerk would, then closes its
 * calendar with Escape: typing opens the calendar under the field, where it may cover the
 * dialog's buttons. The value is taken as soon as the text is a real date (`2026-11-30` or
 * `30/11/2026`); the field then shows it `DD/MM/YYYY`.
 */
export async function fillDate(field: Locator, date: string): Promise<void> {
  await field.fill(date)
  await field.press('Escape')
}
