import {
  Alert,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconArrowLeft, IconCash, IconFileText, IconReceipt, IconReceiptOff } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileDownload } from '../../../../preload/contract'
import { call } from '../../api/call'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import { mayCall } from '../../app/access'
import { formatRoute, type Workspace } from '../../app/routes'
import { notifyError, notifySuccess } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { requiredField } from '../../components/requiredField'
import { formatDate, formatDateTime, formatMoney } from '../../lib/format'
import { useCurrentSession } from '../../session/useSession'
import { serverFieldErrors } from '../harbour/serverErrors'
import { formatQuantity, formatRate } from './invoicingFormat'
import { type PayableInvoice, PaymentFormModal } from './PaymentFormModal'
import { PdfModal } from './PdfModal'
import { StatusBadge } from './StatusBadge'
import { useInvoicingSaved } from './useInvoicingSaved'

/** A reason typed by a supervisor (payment cancellation, credit note). */
function ReasonModal({
  title,
  opened,
  onClose,
  onSubmit,
}: {
  title: string
  opened: boolean
  onClose: () => void
  onSubmit: (reason: string) => Promise<unknown>
}) {
  const { t } = useTranslation()
  const form = useForm({ initialValues: { reason: '' } })
  const [busy, setBusy] = useState(false)
  const submit = form.onSubmit(async ({ reason }) => {
    setBusy(true)
    try {
      await onSubmit(reason)
      form.reset()
      onClose()
    } catch (error) {
      form.setErrors(serverFieldErrors(t, error, (p) => (p === 'reason' ? 'reason' : null)))
    } finally {
      setBusy(false)
    }
  })
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <form onSubmit={submit} noValidate>
        <Textarea
          label={t('invoicing.detail.reason')}
          autosize
          minRows={2}
          {...requiredField}
          data-autofocus
          {...form.getInputProps('reason')}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault()
              e.currentTarget.form?.requestSubmit()
            }
          }}
        />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t('invoicing.cancel')}
          </Button>
          <Button type="submit" color="red" loading={busy}>
            {t('invoicing.confirm')}
          </Button>
        </Group>
      </form>
    </Modal>
  )
}

export function InvoiceDetailView({ workspace, id }: { workspace: Workspace; id: string }) {
  const { t, i18n } = useTranslation()
  const role = useCurrentSession().staff.role
  const invoice = useChannelQuery('invoicing.invoices.get', { id })
  const saved = useInvoicingSaved()
  const [pdf, setPdf] = useState<FileDownload | null>(null)
  const [paying, setPaying] = useState<PayableInvoice | null>(null)
  const [cancelling, setCancelling] = useState<string | null>(null)
  const [crediting, setCrediting] = useState(false)
  const cancel = useChannelMutation('invoicing.payments.cancel')
  const credit = useChannelMutation('invoicing.invoices.creditNote')
  const lang = i18n.language
  const back = (
    <Button
      component="a"
      variant="default"
      leftSection={<IconArrowLeft size={16} />}
      href={formatRoute({ name: 'area', workspace, section: 'invoices', rest: [], params: {} })}
    >
      {t('invoicing.detail.back')}
    </Button>
  )
  if (invoice.isError) return <QueryError error={invoice.error} onRetry={() => void invoice.refetch()} />
  const i = invoice.data
  if (!i) return <Skeleton h={400} />
  const money = (minor: number) => formatMoney(minor, i.currency, lang)
  const open = async (load: () => Promise<FileDownload>) => {
    try {
      setPdf(await load())
    } catch (error) {
      notifyError(t, error)
    }
  }
  const isSupervisor = mayCall(role, 'invoicing.payments.cancel')

  return (
    <Stack gap="md" maw={1100}>
      <PageHeader
        title={`${i.kind === 'credit_note' ? t('invoicing.detail.creditNote') : t('invoicing.detail.invoice')} ${i.invoiceNumber}`}
        subtitle={
          <Group gap="xs" component="span">
            <a href={formatRoute({ name: 'customer', workspace, id: i.customerId })}>{i.customerName}</a>
            <span>· {formatDate(i.issueDate, lang)} ·</span>
            <span>{i.label}</span>
            <StatusBadge status={i.status} />
          </Group>
        }
        actions={
          <>
            {back}
            <Button
              variant="default"
              leftSection={<IconFileText size={16} />}
              onClick={() => void open(() => call('invoicing.invoices.pdf', { id }))}
            >
              {t('invoicing.detail.pdf')}
            </Button>
            {isSupervisor && i.kind !== 'credit_note' && i.status !== 'credited' && (
              <Button
                variant="default"
                color="red"
                leftSection={<IconReceiptOff size={16} />}
                onClick={() => setCrediting(true)}
              >
                {t('invoicing.detail.issueCreditNote')}
              </Button>
            )}
            {i.dueMinor > 0 && mayCall(role, 'invoicing.payments.record') && (
              <Button
                leftSection={<IconCash size={16} />}
                onClick={() =>
                  setPaying({
                    id: i.id,
                    invoiceNumber: i.invoiceNumber,
                    dueMinor: i.dueMinor,
                    currency: i.currency,
                  })
                }
              >
                {t('invoicing.account.pay')}
              </Button>
            )}
          </>
        }
      />
      {i.creditedInvoiceNumber && (
        <Alert color="grape" variant="light">
          {t('invoicing.detail.credits', { number: i.creditedInvoiceNumber })}
        </Alert>
      )}
      {i.creditNotes.length > 0 && (
        <Alert color="gray" variant="light">
          {t('invoicing.detail.creditedBy', {
            numbers: i.creditNotes.map((c) => c.invoiceNumber).join(', '),
          })}
        </Alert>
      )}
      <Paper withBorder p="md">
        <Table fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoicing.line.label')}</Table.Th>
              <Table.Th ta="right">{t('invoicing.line.quantity')}</Table.Th>
              <Table.Th ta="right">{t('invoicing.line.unitPrice')}</Table.Th>
              <Table.Th ta="right">{t('invoicing.line.vatRate')}</Table.Th>
              <Table.Th ta="right">{t('invoicing.line.net')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {i.lines.map((l) => (
              <Table.Tr key={l.position}>
                <Table.Td>{l.label}</Table.Td>
                <Table.Td ta="right">{formatQuantity(l.quantityMilli, lang)}</Table.Td>
                <Table.Td ta="right">{money(l.unitNetMinor)}</Table.Td>
                <Table.Td ta="right">{formatRate(l.vatRateBp, lang)}</Table.Td>
                <Table.Td ta="right">{money(l.lineNetMinor)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <SimpleGrid cols={{ base: 2, md: 5 }} mt="md">
          {i.vatBreakdown.map((b) => (
            <div key={b.vatRateBp}>
              <Text size="xs" c="dimmed">
                {t('invoicing.detail.vatLine', {
                  rate: formatRate(b.vatRateBp, lang),
                  base: money(b.netMinor),
                })}
              </Text>
              <Text size="sm">{money(b.vatMinor)}</Text>
            </div>
          ))}
          <div>
            <Text size="xs" c="dimmed">
              {t('invoicing.new.totalNet')}
            </Text>
            <Text size="sm">{money(i.totalNetMinor)}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('invoicing.new.totalGross')}
            </Text>
            <Text fw={700}>{money(i.totalGrossMinor)}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">
              {t('invoicing.col.due')}
            </Text>
            <Text fw={700} data-testid="invoice-due">
              {money(i.dueMinor)}
            </Text>
          </div>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" aria-labelledby="payments-title">
        <Title order={2} size="h5" id="payments-title" mb="xs">
          {t('invoicing.detail.payments')}
        </Title>
        {i.payments.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('invoicing.detail.noPayments')}
          </Text>
        ) : (
          <Table fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invoicing.detail.receivedAt')}</Table.Th>
                <Table.Th>{t('invoicing.pay.method')}</Table.Th>
                <Table.Th>{t('invoicing.pay.reference')}</Table.Th>
                <Table.Th ta="right">{t('invoicing.pay.amount')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {i.payments.map((p) => (
                <Table.Tr key={p.id} c={p.cancelledBy || p.reversesId ? 'dimmed' : undefined}>
                  <Table.Td>{formatDateTime(p.receivedAt, lang)}</Table.Td>
                  <Table.Td>
                    {t(`invoicing.method.${p.method}`, { defaultValue: p.method })}
                    {p.reversesId && (
                      <Badge ml="xs" size="xs" color="red" variant="light">
                        {t('invoicing.detail.reversal', { reason: p.reason })}
                      </Badge>
                    )}
                    {p.cancelledBy && (
                      <Badge ml="xs" size="xs" color="gray" variant="light">
                        {t('invoicing.detail.cancelled')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{p.reference ?? ''}</Table.Td>
                  <Table.Td ta="right">{money(p.amountMinor)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {!p.reversesId && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          leftSection={<IconReceipt size={14} />}
                          onClick={() => void open(() => call('invoicing.payments.receipt', { id: p.id }))}
                        >
                          {t('invoicing.pay.receipt')}
                        </Button>
                      )}
                      {isSupervisor && !p.reversesId && !p.cancelledBy && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setCancelling(p.id)}
                        >
                          {t('invoicing.detail.cancelPayment')}
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <PaymentFormModal key={paying?.id ?? 'none'} invoice={paying} onClose={() => setPaying(null)} />
      <PdfModal file={pdf} onClose={() => setPdf(null)} />
      <ReasonModal
        title={t('invoicing.detail.cancelPaymentTitle')}
        opened={!!cancelling}
        onClose={() => setCancelling(null)}
        onSubmit={async (reason) => {
          await cancel.mutateAsync({ paymentId: cancelling!, reason })
          notifySuccess(t('invoicing.detail.paymentCancelled'))
          saved()
        }}
      />
      <ReasonModal
        title={t('invoicing.detail.creditNoteTitle', { number: i.invoiceNumber })}
        opened={crediting}
        onClose={() => setCrediting(false)}
        onSubmit={async (reason) => {
          const note = await credit.mutateAsync({ invoiceId: i.id, reason })
          notifySuccess(t('invoicing.detail.creditNoteIssued', { number: note.invoiceNumber }))
          saved()
        }}
      />
    </Stack>
  )
}
