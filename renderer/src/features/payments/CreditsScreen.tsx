import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core'
import { IconCashBanknote } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CreditListItem } from '../../../../preload/contract/payments'
import { useChannelQuery } from '../../api/hooks'
import { mayCall } from '../../app/access'
import type { AreaScreenProps } from '../../app/areaSection'
import { formatRoute } from '../../app/routes'
import { PageHeader } from '../../components/PageHeader'
import { formatDateTime, formatMoney } from '../../lib/format'
import { useCurrentSession } from '../../session/useSession'
import { CreditsRefundModal } from './CreditsRefundModal'

type StatusFilter = 'open' | 'refunded' | 'all'
const FILTERS: readonly StatusFilter[] = ['open', 'refunded', 'all']
const PAGE = 50

/** The last cell of a credit's row for a supervisor: the refund button while the credit is open. */
export function CreditRefundCell({
  credit,
  onRefund,
  ariaLabel,
}: {
  credit: CreditListItem
  onRefund: (credit: CreditListItem) => void
  ariaLabel?: string | undefined
}) {
  const { t } = useTranslation()
  return (
    <Table.Td>
      {credit.status === 'open' && (
        <Button
          size="compact-xs"
          leftSection={<IconCashBanknote size={12} />}
          onClick={() => onRefund(credit)}
          aria-label={ariaLabel}
        >
          {t('payments.credits.refund')}
        </Button>
      )}
    </Table.Td>
  )
}

/** How a credit ended or where it stands: "to refund", or "refunded" with the method, date and reference. */
export function CreditsStatus({ credit }: { credit: CreditListItem }) {
  const { t, i18n } = useTranslation()
  if (!credit.refund)
    return (
      <Badge color="orange" variant="light" style={{ flexShrink: 0, overflow: 'visible' }}>
        {t('payments.credits.status.open')}
      </Badge>
    )
  return (
    <Stack gap={2} align="flex-start">
      <Badge color="teal" variant="light" style={{ flexShrink: 0, overflow: 'visible' }}>
        {t('payments.credits.status.refunded')}
      </Badge>
      <Text size="xs" c="dimmed">
        {t('payments.credits.refundedOn', {
          method: t(`payments.credits.methods.${credit.refund.method}`),
          date: formatDateTime(credit.refund.refundedAt, i18n.language),
        })}
        {credit.refund.reference ? ` · ${credit.refund.reference}` : ''}
      </Text>
      {credit.refund.note && (
        <Text size="xs" c="dimmed" fs="italic">
          {credit.refund.note}
        </Text>
      )}
    </Stack>
  )
}

/**
 * Customer credits (money received beyond an invoice's balance): every role sees them, open or
 * refunded; only a supervisor records a refund ("Rembourser"), which main checks again.
 */
export function CreditsScreen({ workspace, params }: AreaScreenProps) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const role = useCurrentSession().staff.role
  const canRefund = mayCall(role, 'payments.creditRefund')
  const [status, setStatus] = useState<StatusFilter>(
    FILTERS.includes(params.status as StatusFilter) ? (params.status as StatusFilter) : 'open',
  )
  const [cursors, setCursors] = useState<string[]>([])
  const cursor = cursors.at(-1)
  const list = useChannelQuery('payments.creditList', {
    status,
    limit: PAGE,
    ...(cursor ? { cursor } : {}),
  })
  const [refunding, setRefunding] = useState<CreditListItem | null>(null)
  const items = list.data?.items ?? []
  // Per currency: amounts in two currencies are never added together.
  const openTotals = new Map<string, number>()
  for (const c of items)
    if (c.status === 'open') openTotals.set(c.currency, (openTotals.get(c.currency) ?? 0) + c.amountMinor)

  return (
    <Stack gap="md">
      <PageHeader
        title={t('payments.credits.title')}
        subtitle={canRefund ? undefined : t('payments.credits.supervisorOnly')}
      />
      <Group justify="space-between" align="flex-end">
        <div>
          <Text size="sm" fw={500} id="credits-filter-label" mb={4}>
            {t('payments.credits.show')}
          </Text>
          <SegmentedControl
            aria-labelledby="credits-filter-label"
            value={status}
            onChange={(value) => {
              setStatus(value as StatusFilter)
              setCursors([])
            }}
            data={FILTERS.map((value) => ({ value, label: t(`payments.credits.filter.${value}`) }))}
          />
        </div>
        {openTotals.size > 0 && (
          <Text size="sm" fw={500}>
            {t('payments.credits.totalOpen', {
              amount: [...openTotals]
                .map(([currency, minor]) => formatMoney(minor, currency, lang))
                .join(' · '),
            })}
          </Text>
        )}
      </Group>
      <Paper withBorder p="md">
        {list.data && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t(`payments.credits.none.${status}`)}
          </Text>
        )}
        {items.length > 0 && (
          <Table fz="sm" verticalSpacing={6} striped aria-label={t('payments.credits.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('payments.credits.customer')}</Table.Th>
                <Table.Th ta="right">{t('payments.credits.amount')}</Table.Th>
                <Table.Th>{t('payments.credits.reason')}</Table.Th>
                <Table.Th>{t('payments.credits.origin')}</Table.Th>
                <Table.Th>{t('payments.credits.createdAt')}</Table.Th>
                <Table.Th>{t('payments.credits.age')}</Table.Th>
                <Table.Th>{t('payments.credits.state')}</Table.Th>
                {canRefund && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Anchor href={formatRoute({ name: 'customer', workspace, id: c.customerId })} size="sm">
                      {c.customerName || c.customerId}
                    </Anchor>
                  </Table.Td>
                  <Table.Td ta="right" fw={500} style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(c.amountMinor, c.currency, lang)}
                  </Table.Td>
                  <Table.Td>{t(`payments.credit.${c.reason}`)}</Table.Td>
                  <Table.Td>
                    {c.origin && (
                      <Text size="sm">
                        {t(`payments.gateway.${c.origin.gateway}`)}{' '}
                        <Text span ff="monospace" size="sm">
                          {c.origin.reference}
                        </Text>
                        {c.origin.authorisation && (
                          <Text span size="xs" c="dimmed">
                            {' '}
                            · {c.origin.authorisation}
                          </Text>
                        )}
                      </Text>
                    )}
                    {c.invoiceNumber && (
                      <Text size="xs" c="dimmed">
                        {t('payments.credits.invoice', { number: c.invoiceNumber })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(c.createdAt, lang)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {t('payments.credits.ageDays', { count: c.ageDays })}
                  </Table.Td>
                  <Table.Td style={{ minWidth: 150 }}>
                    <CreditsStatus credit={c} />
                  </Table.Td>
                  {canRefund && (
                    <CreditRefundCell
                      credit={c}
                      onRefund={setRefunding}
                      ariaLabel={`${t('payments.credits.refund')} ${c.customerName} ${formatMoney(c.amountMinor, c.currency, lang)}`}
                    />
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {(cursors.length > 0 || list.data?.nextCursor) && (
          <Group justify="flex-end" mt="sm" gap="xs">
            <Button
              size="xs"
              variant="default"
              disabled={cursors.length === 0}
              onClick={() => setCursors((c) => c.slice(0, -1))}
            >
              {t('payments.credits.previous')}
            </Button>
            <Button
              size="xs"
              variant="default"
              disabled={!list.data?.nextCursor}
              onClick={() => list.data?.nextCursor && setCursors((c) => [...c, list.data!.nextCursor!])}
            >
              {t('payments.credits.next')}
            </Button>
          </Group>
        )}
      </Paper>
      {refunding && <CreditsRefundModal credit={refunding} onClose={() => setRefunding(null)} />}
    </Stack>
  )
}
