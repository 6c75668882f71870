import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { type Gateway, gateways } from '../../../../preload/contract/payments'
import { useChannelMutation } from '../../api/hooks'
import { notifySuccess } from '../../components/notify'
import { formatMoney } from '../../lib/format'
import { serverFieldErrors } from '../harbour/serverErrors'
import { usePaymentsSaved } from './usePaymentsSaved'

export interface OpenInvoice {
  id: string
  invoiceNumber: string
  currency: string
  dueMinor: number
}

/** Which gateways take an invoice's currency (the same rule main applies). */
export function gatewaysFor(currency: string): Gateway[] {
  return gateways.filter((g) => (g === 'monetico' ? currency === 'EUR' : currency === 'MAD'))
}

/** Asks for the balance of one invoice through a gateway: a card link, a FATOURATI reference, an AmanPay code. */
export function PaymentRequestModal({
  invoice,
  email,
  onClose,
}: {
  invoice: OpenInvoice
  email: string | null
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const saved = usePaymentsSaved()
  const create = useChannelMutation('payments.requestCreate')
  // One key per opening of the form: a double submit or a retry makes one request, not two.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), [])
  const choices = gatewaysFor(invoice.currency)
  const form = useForm({ initialValues: { gateway: choices[0] ?? '', email: email ?? '' } })
  const submit = form.onSubmit(async (v) => {
    try {
      await create.mutateAsync({
        invoiceId: invoice.id,
        gateway: v.gateway as Gateway,
        ...(v.email.trim() ? { email: v.email.trim() } : {}),
        idempotencyKey,
      })
      saved()
      notifySuccess(t('payments.request.created'))
      onClose()
    } catch (error) {
      form.setErrors(serverFieldErrors(t, error, (p) => (p in form.values ? p : null)))
    }
  })
  return (
    <Modal opened onClose={onClose} title={t('payments.request.title', { number: invoice.invoiceNumber })}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">
            {t('payments.request.amount')}{' '}
            <strong>{formatMoney(invoice.dueMinor, invoice.currency, i18n.language)}</strong>
          </Text>
          <Select
            label={t('payments.request.gateway')}
            data={choices.map((g) => ({ value: g, label: t(`payments.gateway.${g}`) }))}
            allowDeselect={false}
            {...form.getInputProps('gateway')}
          />
          <TextInput label={t('payments.request.email')} type="email" {...form.getInputProps('email')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('payments.request.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
