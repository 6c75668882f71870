import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'

const colors = { draft: 'orange', signed: 'teal', cancelled: 'gray' } as const

export function ContractStatusBadge({ status }: { status: keyof typeof colors }) {
  const { t } = useTranslation()
  return (
    <Badge color={colors[status]} variant="light" size="sm">
      {t(`harbour.contractStatus.${status}`)}
    </Badge>
  )
}
