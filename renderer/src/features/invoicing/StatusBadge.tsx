import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { InvoiceStatus } from '../../../../preload/contract/invoicing'

const colors: Record<InvoiceStatus, string> = {
  unpaid: 'orange',
  partly_paid: 'yellow',
  paid: 'teal',
  credited: 'gray',
  credit_note: 'grape',
}

export function StatusBadge({ status }: { status: InvoiceStatus }) {
  const { t } = useTranslation()
  return (
    <Badge size="sm" variant="light" color={colors[status]}>
      {t(`invoicing.status.${status}`)}
    </Badge>
  )
}
