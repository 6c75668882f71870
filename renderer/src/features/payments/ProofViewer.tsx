import { Group, Image, Modal, Stack, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TransferProofView } from '../../../../preload/contract/payments'
import { call } from '../../api/call'
import { notifyError } from '../../components/notify'
import { objectUrlOf } from '../../lib/download'
import { formatDate, formatDateTime, formatMoney } from '../../lib/format'
import { StateBadge } from './StateBadge'

/** "Sud Transit Maritime SARL · n° C-000123": whose proof it is. */
export function proofCustomer(t: TFunction, p: TransferProofView) {
  return [
    p.customerName,
    p.customerNumber && t('payments.review.customerNumber', { number: p.customerNumber }),
  ]
    .filter(Boolean)
    .join(' · ')
}

/** "FA-2026-000042 · reste dû 3 600,00 DH": what the proof pays, and what is left to pay on it now. */
export function proofInvoice(t: TFunction, p: TransferProofView, lang: string) {
  return [
    p.invoiceNumber,
    p.invoiceDueMinor !== null &&
      t('payments.review.due', { amount: formatMoney(p.invoiceDueMinor, p.currency, lang) }),
  ]
    .filter(Boolean)
    .join(' · ')
}

/**
 * Shows a proof read-only (PDF in a frame, image as is) from the desk that holds it, with whose it
 * is, the invoice it pays and, once decided, the decision: the supervisor's queue and the
 * customer's payments panel open the same viewer.
 */
export function ProofViewer({ proof, onClose }: { proof: TransferProofView; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    if (!proof.fileHere) return
    let made: string | null = null
    call('payments.transferFile', { id: proof.id })
      .then((file) => {
        // An image as a data: URL: the page's CSP allows blob: in frames (the PDF) but not in img-src.
        made = file.mimeType === 'application/pdf' ? objectUrlOf(file) : null
        setUrl(made ?? `data:${file.mimeType};base64,${file.base64}`)
      })
      .catch((error) => notifyError(t, error))
    return () => {
      if (made) URL.revokeObjectURL(made)
    }
  }, [proof.id, proof.fileHere, t])
  const facts: [string, React.ReactNode][] = [
    [t('payments.review.customer'), proofCustomer(t, proof) || '—'],
    [t('payments.review.invoice'), proofInvoice(t, proof, lang) || '—'],
    [t('payments.review.amount'), formatMoney(proof.amountMinor, proof.currency, lang)],
    [t('payments.review.transferDate'), formatDate(proof.transferDate, lang)],
    [t('payments.review.bankReference'), proof.bankReference ?? '—'],
    [t('payments.review.received'), formatDateTime(proof.createdAt, lang)],
  ]
  return (
    <Modal opened onClose={onClose} size="xl" title={proof.fileName}>
      <Stack gap={4} mb="xs">
        <Group gap="lg" wrap="wrap" align="flex-start">
          {facts.map(([label, value]) => (
            <div key={label}>
              <Text size="xs" c="dimmed">
                {label}
              </Text>
              <Text size="sm" fw={500}>
                {value}
              </Text>
            </div>
          ))}
          <div>
            <Text size="xs" c="dimmed">
              {t('payments.review.state')}
            </Text>
            <StateBadge state={proof.status} />
          </div>
        </Group>
        {proof.reason && (
          <Text size="sm">
            <Text span c="dimmed" size="xs">
              {t('payments.review.reason')} :
            </Text>{' '}
            {proof.reason}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {t('payments.review.sha256')} : <span style={{ fontFamily: 'monospace' }}>{proof.sha256}</span>
        </Text>
        {!proof.fileHere && (
          <Text size="sm" c="dimmed">
            {t('payments.review.notHere', { desk: proof.deskId })}
          </Text>
        )}
      </Stack>
      {url && proof.mimeType === 'application/pdf' && (
        <iframe title={proof.fileName} src={url} style={{ width: '100%', height: '70vh', border: 0 }} />
      )}
      {url && proof.mimeType !== 'application/pdf' && (
        <Image src={url} alt={proof.fileName} fit="contain" mah="70vh" />
      )}
    </Modal>
  )
}
