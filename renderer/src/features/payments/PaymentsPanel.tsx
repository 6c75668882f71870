import { Button, CopyButton, Group, Paper, Table, Text, Title } from '@mantine/core'
import { IconCreditCard, IconEye, IconFileTypePdf, IconLink, IconReceipt2 } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TransferProofView } from '../../../../preload/contract/payments'
import { call } from '../../api/call'
import { useChannelQuery } from '../../api/hooks'
import { mayCall } from '../../app/access'
import type { CustomerPanelProps } from '../../app/areaSection'
import { notifyError } from '../../components/notify'
import { saveDownload } from '../../lib/download'
import { formatDateTime, formatMoney } from '../../lib/format'
import { useCurrentSession } from '../../session/useSession'
import { PaymentLinkActions, RequestDetailLine } from './PaymentLinkActions'
import { type OpenInvoice, PaymentRequestModal } from './PaymentRequestModal'
import { ProofViewer } from './ProofViewer'
import { StateBadge } from './StateBadge'
import { TransferProofModal } from './TransferProofModal'

/**
 * "Paiements" on the customer's page: what is due, the payment links and references, transfer
 * proofs (any of them opens in the read-only viewer). Credits have their own panel (CreditsCustomerPanel).
 */
export function PaymentsPanel({ customerId, customer }: CustomerPanelProps) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const role = useCurrentSession().staff.role
  const overview = useChannelQuery('payments.customerOverview', { customerId })
  const proofs = useChannelQuery('payments.transferList', { customerId, limit: 20 })
  const links = useChannelQuery('payments.linksOfCustomer', { customerId })
  const linkOf = (requestId: string) => links.data?.find((l) => l.requestId === requestId)
  const [asking, setAsking] = useState<OpenInvoice | null>(null)
  const [proving, setProving] = useState<OpenInvoice | null>(null)
  const [viewing, setViewing] = useState<TransferProofView | null>(null)
  const canRequest = mayCall(role, 'payments.requestCreate')
  const data = overview.data
  const slip = async (id: string) => {
    try {
      saveDownload(await call('payments.requestSlip', { id }))
    } catch (error) {
      notifyError(t, error)
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="payments-panel-title">
      <Title order={2} size="h5" id="payments-panel-title" mb="xs">
        {t('payments.panel.title')}
      </Title>
      {data && data.openInvoices.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('payments.panel.nothingDue')}
        </Text>
      )}
      {data && data.openInvoices.length > 0 && (
        <Table fz="sm" verticalSpacing={4} aria-label={t('payments.panel.openInvoices')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('payments.panel.invoice')}</Table.Th>
              <Table.Th>{t('payments.panel.label')}</Table.Th>
              <Table.Th ta="right">{t('payments.panel.due')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.openInvoices.map((inv) => (
              <Table.Tr key={inv.id}>
                <Table.Td ff="monospace">{inv.invoiceNumber}</Table.Td>
                <Table.Td>{inv.label}</Table.Td>
                <Table.Td ta="right" fw={500}>
                  {formatMoney(inv.dueMinor, inv.currency, lang)}
                </Table.Td>
                <Table.Td>
                  {canRequest && (
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="light"
                        leftSection={<IconCreditCard size={12} />}
                        onClick={() => setAsking(inv)}
                        aria-label={`${t('payments.panel.ask')} ${inv.invoiceNumber}`}
                      >
                        {t('payments.panel.ask')}
                      </Button>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        leftSection={<IconReceipt2 size={12} />}
                        onClick={() => setProving(inv)}
                        aria-label={`${t('payments.panel.proof')} ${inv.invoiceNumber}`}
                      >
                        {t('payments.panel.proof')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}

      {data && data.requests.length > 0 && (
        <>
          <Title order={3} size="h6" mt="md" mb={4}>
            {t('payments.panel.requests')}
          </Title>
          <Table fz="sm" verticalSpacing={4} aria-label={t('payments.panel.requests')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('payments.panel.createdAt')}</Table.Th>
                <Table.Th>{t('payments.panel.method')}</Table.Th>
                <Table.Th>{t('payments.panel.reference')}</Table.Th>
                <Table.Th ta="right">{t('payments.panel.amount')}</Table.Th>
                <Table.Th>{t('payments.panel.state')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.requests.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(r.createdAt, lang)}</Table.Td>
                  <Table.Td>{t(`payments.gateway.${r.gateway}`)}</Table.Td>
                  <Table.Td ff="monospace">{r.reference}</Table.Td>
                  <Table.Td ta="right">{formatMoney(r.amountMinor, r.currency, lang)}</Table.Td>
                  <Table.Td>
                    <StateBadge state={r.state} />
                    <RequestDetailLine request={r} link={linkOf(r.id)} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <PaymentLinkActions
                        request={r}
                        link={linkOf(r.id)}
                        canSend={mayCall(role, 'payments.linkSend')}
                      />
                      {r.payUrl && r.state !== 'paid' && (
                        <CopyButton value={r.payUrl}>
                          {({ copied, copy }) => (
                            <Button
                              size="compact-xs"
                              variant="subtle"
                              leftSection={<IconLink size={12} />}
                              onClick={copy}
                            >
                              {copied ? t('payments.panel.copied') : t('payments.panel.copyLink')}
                            </Button>
                          )}
                        </CopyButton>
                      )}
                      {/* The slip is for paying: once paid (the receipt above) or expired, it would mislead. */}
                      {(r.gateway === 'fatourati' || r.gateway === 'amanpay') && r.state === 'pending' && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          leftSection={<IconFileTypePdf size={12} />}
                          onClick={() => void slip(r.id)}
                        >
                          {t('payments.panel.slip')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}

      {proofs.data && proofs.data.items.length > 0 && (
        <>
          <Title order={3} size="h6" mt="md" mb={4}>
            {t('payments.panel.proofs')}
          </Title>
          <Table fz="sm" verticalSpacing={4} aria-label={t('payments.panel.proofs')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('payments.panel.receivedAt')}</Table.Th>
                <Table.Th>{t('payments.panel.invoice')}</Table.Th>
                <Table.Th>{t('payments.panel.file')}</Table.Th>
                <Table.Th ta="right">{t('payments.panel.amount')}</Table.Th>
                <Table.Th>{t('payments.panel.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {proofs.data.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(p.createdAt, lang)}</Table.Td>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {p.invoiceNumber ?? '—'}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      leftSection={<IconEye size={12} />}
                      onClick={() => setViewing(p)}
                      aria-label={`${t('payments.panel.view')} ${p.fileName}`}
                    >
                      {p.fileName}
                    </Button>
                  </Table.Td>
                  <Table.Td ta="right">{formatMoney(p.amountMinor, p.currency, lang)}</Table.Td>
                  <Table.Td>
                    <StateBadge state={p.status} />
                    {p.reason && (
                      <Text size="xs" c="dimmed" mt={2}>
                        {p.reason}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}

      {asking && (
        <PaymentRequestModal
          invoice={asking}
          email={customer.email ?? null}
          onClose={() => setAsking(null)}
        />
      )}
      {proving && <TransferProofModal invoice={proving} onClose={() => setProving(null)} />}
      {viewing && <ProofViewer proof={viewing} onClose={() => setViewing(null)} />}
    </Paper>
  )
}
