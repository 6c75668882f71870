import { useTranslation } from 'react-i18next'
import type { FieldIssue } from '../../../preload/errors'
import { issueText } from '../i18n/messages'

/** A field error that follows the interface language, even after it was raised. */
export function IssueText({ issue }: { issue: FieldIssue }) {
  const { t } = useTranslation()
  return <>{issueText(t, issue)}</>
}
