import { Anchor, Breadcrumbs } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { formatRoute, type Workspace } from '../../app/routes'

/**
 * Where a fleet screen stands: the business accounts, then the account (a link, on the pages
 * below it), then the screen itself.
 */
export function FleetBreadcrumbs({
  workspace,
  account,
  current,
}: {
  workspace: Workspace
  /** The account the screen is below; its name once loaded. */
  account?: { customerId: string; name: string | undefined }
  current: ReactNode
}) {
  const { t } = useTranslation()
  const href = (rest: string[]) =>
    formatRoute({ name: 'area', workspace, section: 'fleets', rest, params: {} })
  return (
    <Breadcrumbs>
      <Anchor href={href([])} size="sm">
        {t('fleet.accounts.title')}
      </Anchor>
      {account && (
        <Anchor href={href([account.customerId])} size="sm">
          {account.name ?? '…'}
        </Anchor>
      )}
      <span>{current}</span>
    </Breadcrumbs>
  )
}
