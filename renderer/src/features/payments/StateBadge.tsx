import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'

const COLORS: Record<string, string> = {
  pending: 'yellow',
  paid: 'teal',
  validated: 'teal',
  failed: 'red',
  rejected: 'red',
  expired: 'gray',
}

/** The state of a payment request or a transfer proof. */
export type PaymentState = 'pending' | 'paid' | 'failed' | 'expired' | 'validated' | 'rejected'

export function StateBadge({ state }: { state: PaymentState }) {
  const { t } = useTranslation()
  return (
    <Badge color={COLORS[state] ?? 'gray'} variant="light">
      {t(`payments.state.${state}`)}
    </Badge>
  )
}
