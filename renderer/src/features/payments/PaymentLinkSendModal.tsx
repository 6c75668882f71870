import { Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { PaymentRequestView } from '../../../../preload/contract/payments'
import { useChannelMutation } from '../../api/hooks'
import { notifySuccess } from '../../components/notify'
import { formatMoney } from '../../lib/format'
import { serverFieldErrors } from '../harbour/serverErrors'
import { usePaymentsSaved } from './usePaymentsSaved'

/** Sends a card payment link to the customer by email or SMS; a refused send is shown at the recipient. */
export function PaymentLinkSendModal({
  request,
  onClose,
}: {
  request: PaymentRequestView
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const saved = usePaymentsSaved()
  const send = useChannelMutation('payments.linkSend')
  const form = useForm({ initialValues: { channel: 'email' as 'email' | 'sms', to: request.email ?? '' } })
  const submit = form.onSubmit(async (v) => {
    try {
      await send.mutateAsync({
        requestId: request.id,
        channel: v.channel,
        ...(v.to.trim() ? { to: v.to.trim() } : {}),
      })
      saved()
      notifySuccess(t('payments.links.sent'))
      onClose()
    } catch (error) {
      saved()
      form.setErrors(serverFieldErrors(t, error, (p) => (p === 'to' || p === 'channel' ? p : 'to')))
    }
  })
  return (
    <Modal opened onClose={onClose} title={t('payments.links.sendTitle')}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">
            {t(`payments.gateway.${request.gateway}`)} —{' '}
            <strong>{formatMoney(request.amountMinor, request.currency, i18n.language)}</strong>
          </Text>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="link-channel-label">
              {t('payments.links.channel')}
            </Text>
            <SegmentedControl
              aria-labelledby="link-channel-label"
              data={[
                { value: 'email', label: t('payments.links.email') },
                { value: 'sms', label: t('payments.links.sms') },
              ]}
              {...form.getInputProps('channel')}
              onChange={(value) => {
                form.setFieldValue('channel', value as 'email' | 'sms')
                form.setFieldValue('to', value === 'email' ? (request.email ?? '') : '')
              }}
            />
          </Stack>
          <TextInput
            label={t('payments.links.to')}
            description={t(
              form.values.channel === 'email' ? 'payments.links.toHintEmail' : 'payments.links.toHintSms',
            )}
            type={form.values.channel === 'email' ? 'email' : 'tel'}
            data-autofocus
            {...form.getInputProps('to')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('payments.links.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
