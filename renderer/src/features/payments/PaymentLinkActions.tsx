import { Button, Text } from '@mantine/core'
import { IconReceipt, IconSend } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PaymentLinkView } from '../../../../preload/contract/paymentLinks'
import type { PaymentRequestView } from '../../../../preload/contract/payments'
import { call } from '../../api/call'
import { notifyError } from '../../components/notify'
import { saveDownload } from '../../lib/download'
import { formatDateTime } from '../../lib/format'
import { PaymentLinkSendModal } from './PaymentLinkSendModal'

/**
 * The secondary facts of a request's row, on one muted line under its state badge: what became of
 * the link while it can be paid (created, sent or the sending failed, opened by the customer), the
 * card the bank showed, the receipt mailed once paid. The state itself is the row's only badge.
 */
export function RequestDetailLine({
  request,
  link,
}: {
  request: PaymentRequestView
  link: PaymentLinkView | undefined
}) {
  const { t, i18n } = useTranslation()
  const at = (instant: string) => formatDateTime(instant, i18n.language)
  const parts: string[] = []
  // A FATOURATI reference or an AmanPay code has no link: nothing about a link to say.
  if (link && request.payUrl !== null) {
    const opened = link.opened
    if (opened)
      parts.push(
        opened.count > 1
          ? t('payments.links.openedAgain', {
              at: at(opened.firstAt),
              count: opened.count,
              last: at(opened.lastAt),
            })
          : t('payments.links.openedAt', { at: at(opened.firstAt) }),
      )
    else if (request.state === 'pending') {
      const last = link.events.findLast((e) => e.kind === 'sent' || e.kind === 'failed')
      parts.push(
        last
          ? t(last.kind === 'sent' ? 'payments.links.lastSent' : 'payments.links.lastFailed', {
              to: last.recipient,
              at: at(last.createdAt),
            })
          : t('payments.links.state.created'),
      )
    }
  }
  const pan = request.outcomes.at(-1)?.maskedPan
  if (pan) parts.push(pan)
  const mailed = link?.events.findLast((e) => e.kind === 'receipt_sent')
  if (mailed) parts.push(t('payments.links.receiptMailed', { to: mailed.recipient }))
  if (parts.length === 0) return null
  return (
    <Text size="xs" c="dimmed" mt={2}>
      {parts.join(' · ')}
    </Text>
  )
}

/** "Envoyer le lien" while it can be paid, "Reçu" once the gateway payment is recorded. */
export function PaymentLinkActions({
  request,
  link,
  canSend,
}: {
  request: PaymentRequestView
  link: PaymentLinkView | undefined
  canSend: boolean
}) {
  const { t } = useTranslation()
  const [sending, setSending] = useState(false)
  const receipt = async (paymentId: string) => {
    try {
      saveDownload(await call('invoicing.payments.receipt', { id: paymentId }))
    } catch (error) {
      notifyError(t, error)
    }
  }
  return (
    <>
      {canSend && request.payUrl && request.state === 'pending' && (
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconSend size={12} />}
          onClick={() => setSending(true)}
        >
          {t('payments.links.send')}
        </Button>
      )}
      {link?.paymentId && (
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconReceipt size={12} />}
          onClick={() => void receipt(link.paymentId!)}
        >
          {t('payments.links.receipt')}
        </Button>
      )}
      {sending && <PaymentLinkSendModal request={request} onClose={() => setSending(false)} />}
    </>
  )
}
