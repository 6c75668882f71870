import { Anchor, Group, Paper, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CreditListItem } from '../../../../preload/contract/payments'
import { useChannelQuery } from '../../api/hooks'
import { mayCall } from '../../app/access'
import type { CustomerPanelProps } from '../../app/areaSection'
import { formatRoute } from '../../app/routes'
import { formatDateTime, formatMoney } from '../../lib/format'
import { useCurrentSession } from '../../session/useSession'
import { CreditsRefundModal } from './CreditsRefundModal'
import { CreditRefundCell, CreditsStatus } from './CreditsScreen'

/** "Avoirs du client" on the customer's page: what is owed back to them (and what was refunded); nothing when they have none. */
export function CreditsCustomerPanel({ workspace, customerId }: CustomerPanelProps) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const role = useCurrentSession().staff.role
  const canRefund = mayCall(role, 'payments.creditRefund')
  const credits = useChannelQuery('payments.creditList', { customerId, status: 'all', limit: 20 })
  const [refunding, setRefunding] = useState<CreditListItem | null>(null)
  const items = credits.data?.items ?? []
  if (items.length === 0) return null
  const open = new Map<string, number>()
  for (const c of items)
    if (c.status === 'open') open.set(c.currency, (open.get(c.currency) ?? 0) + c.amountMinor)

  return (
    <Paper withBorder p="md" aria-labelledby="credits-panel-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5" id="credits-panel-title">
          {t('payments.credits.panelTitle')}
        </Title>
        <Anchor
          size="sm"
          href={formatRoute({ name: 'area', workspace, section: 'credits', rest: [], params: {} })}
        >
          {t('payments.credits.openList')}
        </Anchor>
      </Group>
      {open.size > 0 && (
        <Text size="sm" c="orange" fw={500} mb="xs">
          {t('payments.credits.panelOpen', {
            amount: [...open].map(([currency, minor]) => formatMoney(minor, currency, lang)).join(' · '),
          })}
        </Text>
      )}
      <Table fz="sm" verticalSpacing={4} aria-label={t('payments.credits.panelTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('payments.credits.createdAt')}</Table.Th>
            <Table.Th ta="right">{t('payments.credits.amount')}</Table.Th>
            <Table.Th>{t('payments.credits.origin')}</Table.Th>
            <Table.Th>{t('payments.credits.state')}</Table.Th>
            {canRefund && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatDateTime(c.createdAt, lang)}
                {c.status === 'open' && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · {t('payments.credits.ageDays', { count: c.ageDays })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" fw={500}>
                {formatMoney(c.amountMinor, c.currency, lang)}
              </Table.Td>
              <Table.Td>
                {t(`payments.credit.${c.reason}`)}
                {c.origin && (
                  <Text span size="xs" c="dimmed" ff="monospace">
                    {' '}
                    {c.origin.reference}
                  </Text>
                )}
                {c.invoiceNumber && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    · {t('payments.credits.invoice', { number: c.invoiceNumber })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <CreditsStatus credit={c} />
              </Table.Td>
              {canRefund && <CreditRefundCell credit={c} onRefund={setRefunding} />}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {refunding && <CreditsRefundModal credit={refunding} onClose={() => setRefunding(null)} />}
    </Paper>
  )
}
