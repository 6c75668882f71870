import { Badge, Button, Text, Tooltip } from '@mantine/core'
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

const COLORS: Record<PaymentLinkView['state'], string> = {
  created: 'gray',
  sent: 'blue',
  opened: 'indigo',
  paid: 'teal',
  failed: 'red',
  expired: 'gray',
}

/**
 * The link's own state (sent, opened, failed…) under the request's state, with a line on its last
 * send and, once the customer opened it, when.
 */
export function PaymentLinkStatus({ link }: { link: PaymentLinkView | undefined }) {
  const { t, i18n } = useTranslation()
  if (!link || link.state === 'paid' || link.state === 'expired') {
    const mailed = link?.events.findLast((e) => e.kind === 'receipt_sent')
    return mailed ? (
      <Text size="xs" c="dimmed">
        {t('payments.links.receiptMailed', { to: mailed.recipient })}
      </Text>
    ) : null
  }
  const last = link.events.findLast((e) => e.kind === 'sent' || e.kind === 'failed')
  const opened = link.opened
  return (
    <>
      <Tooltip
        disabled={!last}
        label={
          last
            ? t(last.kind === 'sent' ? 'payments.links.lastSent' : 'payments.links.lastFailed', {
                to: last.recipient,
                at: formatDateTime(last.createdAt, i18n.language),
              })
            : ''
        }
      >
        <Badge size="xs" variant="dot" color={COLORS[link.state]} ml={6}>
          {t(`payments.links.state.${link.state}`)}
        </Badge>
      </Tooltip>
      {opened && (
        <Text size="xs" c="dimmed" mt={2}>
          {opened.count > 1
            ? t('payments.links.openedAgain', {
                at: formatDateTime(opened.firstAt, i18n.language),
                count: opened.count,
                last: formatDateTime(opened.lastAt, i18n.language),
              })
            : t('payments.links.openedAt', { at: formatDateTime(opened.firstAt, i18n.language) })}
        </Text>
      )}
    </>
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
