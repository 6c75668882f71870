import { Button, Group, Modal, Paper, Stack, Table, Text, Textarea } from '@mantine/core'
import { IconCheck, IconEye, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TransferProofView } from '../../../../preload/contract/payments'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import { notifyError, notifySuccess } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { formatDate, formatDateTime, formatMoney } from '../../lib/format'
import { serverFieldErrors } from '../harbour/serverErrors'
import { ProofViewer } from './ProofViewer'
import { usePaymentsSaved } from './usePaymentsSaved'

function RejectModal({ proof, onClose }: { proof: TransferProofView; onClose: () => void }) {
  const { t } = useTranslation()
  const saved = usePaymentsSaved()
  const review = useChannelMutation('payments.transferReview')
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    try {
      await review.mutateAsync({ proofId: proof.id, decision: 'rejected', reason })
      saved()
      notifySuccess(t('payments.review.rejected'))
      onClose()
    } catch (err) {
      const errors = serverFieldErrors(t, err)
      setError((errors.reason as string | undefined) ?? null)
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('payments.review.confirmReject')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Textarea
            label={t('payments.review.reason')}
            required
            autosize
            minRows={2}
            value={reason}
            error={error}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={review.isPending}>
              {t('payments.review.reject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/** The supervisor's queue of transfer proofs: view, validate (settles the invoice) or reject with a reason. */
export function TransferReviewScreen() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const saved = usePaymentsSaved()
  const pending = useChannelQuery('payments.transferList', { pending: true, limit: 50 })
  const review = useChannelMutation('payments.transferReview')
  const [viewing, setViewing] = useState<TransferProofView | null>(null)
  const [rejecting, setRejecting] = useState<TransferProofView | null>(null)
  const validate = async (proof: TransferProofView) => {
    try {
      await review.mutateAsync({ proofId: proof.id, decision: 'validated' })
      saved()
      notifySuccess(t('payments.review.validated'))
    } catch (error) {
      notifyError(t, error)
    }
  }
  const items = pending.data?.items ?? []
  return (
    <Stack gap="md">
      <PageHeader title={t('payments.review.title')} />
      <Paper withBorder p="md">
        {pending.data && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('payments.review.none')}
          </Text>
        )}
        {items.length > 0 && (
          <Table fz="sm" verticalSpacing={6} striped aria-label={t('payments.review.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('payments.review.received')}</Table.Th>
                <Table.Th>{t('payments.review.customer')}</Table.Th>
                <Table.Th>{t('payments.review.invoice')}</Table.Th>
                <Table.Th>{t('payments.review.transferDate')}</Table.Th>
                <Table.Th>{t('payments.panel.reference')}</Table.Th>
                <Table.Th ta="right">{t('payments.review.amount')}</Table.Th>
                <Table.Th>{t('payments.panel.file')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(p.createdAt, lang)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{p.customerName || '—'}</Text>
                    {p.customerNumber && (
                      <Text size="xs" c="dimmed">
                        {t('payments.review.customerNumber', { number: p.customerNumber })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                      {p.invoiceNumber ?? '—'}
                    </Text>
                    {p.invoiceDueMinor !== null && (
                      <Text size="xs" c="dimmed">
                        {t('payments.review.due', {
                          amount: formatMoney(p.invoiceDueMinor, p.currency, lang),
                        })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{formatDate(p.transferDate, lang)}</Table.Td>
                  <Table.Td ff="monospace">{p.bankReference ?? '—'}</Table.Td>
                  <Table.Td ta="right" fw={500}>
                    {formatMoney(p.amountMinor, p.currency, lang)}
                  </Table.Td>
                  <Table.Td>
                    {p.fileHere ? (
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        leftSection={<IconEye size={12} />}
                        onClick={() => setViewing(p)}
                      >
                        {p.fileName}
                      </Button>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {t('payments.review.notHere', { desk: p.deskId })} · {p.sha256.slice(0, 12)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="compact-xs"
                        color="teal"
                        leftSection={<IconCheck size={12} />}
                        onClick={() => void validate(p)}
                        aria-label={`${t('payments.review.validate')} ${p.fileName}`}
                      >
                        {t('payments.review.validate')}
                      </Button>
                      <Button
                        size="compact-xs"
                        color="red"
                        variant="light"
                        leftSection={<IconX size={12} />}
                        onClick={() => setRejecting(p)}
                        aria-label={`${t('payments.review.reject')} ${p.fileName}`}
                      >
                        {t('payments.review.reject')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {viewing && <ProofViewer proof={viewing} onClose={() => setViewing(null)} />}
      {rejecting && <RejectModal proof={rejecting} onClose={() => setRejecting(null)} />}
    </Stack>
  )
}
