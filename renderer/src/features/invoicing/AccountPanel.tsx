import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core'
import { IconCash, IconFileText } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileDownload } from '../../../../preload/contract'
import type { InvoiceListItem } from '../../../../preload/contract/invoicing'
import { call } from '../../api/call'
import { useChannelQuery } from '../../api/hooks'
import { mayCall } from '../../app/access'
import type { CustomerPanelProps } from '../../app/areaSection'
import { formatRoute } from '../../app/routes'
import { DateField } from '../../components/DateField'
import { notifyError } from '../../components/notify'
import { formatDate, formatMoney } from '../../lib/format'
import { useCurrentSession } from '../../session/useSession'
import { ContractInvoicingBlock } from './ContractInvoicingBlock'
import { type PayableInvoice, PaymentFormModal } from './PaymentFormModal'
import { PdfModal } from './PdfModal'
import { PortalAccessBlock } from './PortalAccessBlock'
import { StatusBadge } from './StatusBadge'

/**
 * "Compte client" (seed 002): every invoice with what was paid and what is due, the totals
 * (invoiced − paid = balance due), "Régler" on each unpaid invoice, the statement of a period.
 */
export function AccountPanel({ workspace, customerId }: CustomerPanelProps) {
  const { t, i18n } = useTranslation()
  const role = useCurrentSession().staff.role
  const [cursor, setCursor] = useState<string | undefined>(undefined)
  const account = useChannelQuery('invoicing.account', {
    customerId,
    limit: 20,
    ...(cursor ? { cursor } : {}),
  })
  const [paying, setPaying] = useState<PayableInvoice | null>(null)
  const [pdf, setPdf] = useState<FileDownload | null>(null)
  const year = new Date().getFullYear()
  const [from, setFrom] = useState(`${year}-01-01`)
  const [to, setTo] = useState(`${year}-12-31`)
  const lang = i18n.language
  const data = account.data
  const settled =
    !!data && data.totals.every((x) => x.dueMinor === 0) && data.totals.some((x) => x.invoiceCount > 0)
  const canPay = mayCall(role, 'invoicing.payments.record')

  const open = async (load: () => Promise<FileDownload>) => {
    try {
      setPdf(await load())
    } catch (error) {
      notifyError(t, error)
    }
  }
  const pay = (i: InvoiceListItem) =>
    setPaying({ id: i.id, invoiceNumber: i.invoiceNumber, dueMinor: i.dueMinor, currency: i.currency })

  return (
    <Paper withBorder p="md" aria-labelledby="invoicing-account-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5" id="invoicing-account-title">
          {t('invoicing.account.title')}
        </Title>
        {mayCall(role, 'invoicing.invoices.issueService') && (
          <Button
            size="xs"
            variant="default"
            component="a"
            href={formatRoute({
              name: 'area',
              workspace,
              section: 'invoices',
              rest: ['new'],
              params: { customerId },
            })}
          >
            {t('invoicing.account.newServiceInvoice')}
          </Button>
        )}
      </Group>
      {mayCall(role, 'invoicing.invoices.issueContract') && mayCall(role, 'harbour.contracts.list') && (
        <ContractInvoicingBlock customerId={customerId} />
      )}
      {/* One line of totals per currency: a customer may owe EUR (marina) and MAD (bills); never summed. */}
      {data?.totals.map((totals) => {
        const sum = (minor: number) => formatMoney(minor, totals.currency, lang)
        return (
          <SimpleGrid
            key={totals.currency}
            cols={3}
            mb="sm"
            aria-label={
              data.totals.length > 1
                ? t('invoicing.account.totalsIn', { currency: totals.currency })
                : t('invoicing.account.totals')
            }
            data-currency={totals.currency}
          >
            <div>
              <Text size="xs" c="dimmed">
                {t('invoicing.account.invoiced')}
              </Text>
              <Text fw={600} data-testid="account-invoiced">
                {sum(totals.invoicedMinor)}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {t('invoicing.account.paid')}
              </Text>
              <Text fw={600} data-testid="account-paid">
                {sum(totals.paidMinor)}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                {t('invoicing.account.due')}
              </Text>
              <Text fw={700} c={totals.dueMinor > 0 ? 'orange.8' : undefined} data-testid="account-due">
                {sum(totals.dueMinor)}
              </Text>
            </div>
          </SimpleGrid>
        )
      })}
      {data && data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('invoicing.account.none')}
        </Text>
      )}
      {data && data.items.length > 0 && (
        <Table striped highlightOnHover fz="sm" verticalSpacing={4} aria-label={t('invoicing.account.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoicing.col.number')}</Table.Th>
              <Table.Th>{t('invoicing.col.date')}</Table.Th>
              <Table.Th ta="right">{t('invoicing.col.total')}</Table.Th>
              <Table.Th ta="right">{t('invoicing.col.paid')}</Table.Th>
              <Table.Th ta="right">{t('invoicing.col.due')}</Table.Th>
              <Table.Th>{t('invoicing.col.label')}</Table.Th>
              <Table.Th>{t('invoicing.col.pdf')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Anchor
                    href={formatRoute({
                      name: 'area',
                      workspace,
                      section: 'invoices',
                      rest: [i.id],
                      params: {},
                    })}
                    ff="monospace"
                    size="sm"
                  >
                    {i.invoiceNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDate(i.issueDate, lang)}</Table.Td>
                <Table.Td ta="right">{formatMoney(i.totalGrossMinor, i.currency, lang)}</Table.Td>
                <Table.Td ta="right">{formatMoney(i.paidMinor, i.currency, lang)}</Table.Td>
                <Table.Td ta="right" fw={i.dueMinor > 0 ? 600 : undefined}>
                  {formatMoney(i.dueMinor, i.currency, lang)}
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <span>{i.label}</span>
                    {i.status !== 'unpaid' && i.status !== 'partly_paid' && <StatusBadge status={i.status} />}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {/* Rendered and archived on first opening when it was issued elsewhere. */}
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    leftSection={<IconFileText size={14} />}
                    aria-label={t('invoicing.account.pdfOf', { number: i.invoiceNumber })}
                    onClick={() => void open(() => call('invoicing.invoices.pdf', { id: i.id }))}
                  >
                    PDF
                  </Button>
                </Table.Td>
                <Table.Td>
                  {canPay && i.dueMinor > 0 && (
                    <Button
                      size="compact-xs"
                      leftSection={<IconCash size={14} />}
                      aria-label={t('invoicing.account.payOf', { number: i.invoiceNumber })}
                      onClick={() => pay(i)}
                    >
                      {t('invoicing.account.pay')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {data?.nextCursor && (
        <Group justify="center" mt="xs">
          <Button size="xs" variant="subtle" onClick={() => setCursor(data.nextCursor ?? undefined)}>
            {t('invoicing.more')}
          </Button>
        </Group>
      )}
      {cursor && (
        <Group justify="center" mt="xs">
          <Button size="xs" variant="subtle" onClick={() => setCursor(undefined)}>
            {t('invoicing.first')}
          </Button>
        </Group>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault()
          void open(() => call('invoicing.statement', { customerId, from, to }))
        }}
      >
        <Group mt="md" align="flex-end" gap="xs">
          <DateField size="xs" label={t('invoicing.account.from')} value={from} onChange={setFrom} />
          <DateField size="xs" label={t('invoicing.account.to')} value={to} onChange={setTo} />
          <Button size="xs" variant="default" type="submit" leftSection={<IconFileText size={14} />}>
            {t('invoicing.account.statement')}
          </Button>
          {settled && (
            <Badge color="teal" variant="light">
              {t('invoicing.account.settled')}
            </Badge>
          )}
        </Group>
      </form>
      {mayCall(role, 'invoicing.portal.status') && <PortalAccessBlock customerId={customerId} />}
      <PaymentFormModal key={paying?.id ?? 'none'} invoice={paying} onClose={() => setPaying(null)} />
      <PdfModal file={pdf} onClose={() => setPdf(null)} />
    </Paper>
  )
}
