import { notifications } from '@mantine/notifications'
import type { TFunction } from 'i18next'
import type { FieldIssue } from '../../../preload/errors'
import { errorText, issueText } from '../i18n/messages'

export function notifyError(t: TFunction, error: unknown, title?: string): void {
  notifications.show({ color: 'red', title: title ?? t('common.error'), message: errorText(t, error) })
}

/** Field issues that no field on screen can show (e.g. a path the form does not have). */
export function notifyIssues(t: TFunction, issues: FieldIssue[], title: string): void {
  if (issues.length === 0) return
  notifications.show({
    color: 'red',
    title,
    message: issues.map((issue) => issueText(t, issue)).join(' '),
  })
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message })
}
