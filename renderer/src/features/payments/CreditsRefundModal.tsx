import { Button, Group, Modal, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { type CreditListItem, type RefundMethod, refundMethods } from '../../../../preload/contract/payments'
import { useChannelMutation } from '../../api/hooks'
import { notifySuccess } from '../../components/notify'
import { formatMoney } from '../../lib/format'
import { serverFieldErrors } from '../harbour/serverErrors'
import { usePaymentsSaved } from './usePaymentsSaved'

interface RefundForm {
  method: RefundMethod
  reference: string
  note: string
}

/** A supervisor records the refund of a whole credit: how it was paid back, its reference, a note. */
export function CreditsRefundModal({ credit, onClose }: { credit: CreditListItem; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const saved = usePaymentsSaved()
  const refund = useChannelMutation('payments.creditRefund')
  const form = useForm<RefundForm>({
    initialValues: { method: 'transfer', reference: '', note: '' },
    validate: {
      reference: (value, values) =>
        values.method !== 'cash' && !value.trim() ? t('validation.required') : null,
    },
  })
  const submit = form.onSubmit(async (values) => {
    try {
      await refund.mutateAsync({
        creditId: credit.id,
        method: values.method,
        ...(values.reference.trim() ? { reference: values.reference.trim() } : {}),
        ...(values.note.trim() ? { note: values.note.trim() } : {}),
      })
      saved()
      notifySuccess(t('payments.credits.done'))
      onClose()
    } catch (error) {
      // `creditId` (already refunded) has no field here: serverFieldErrors notifies it.
      form.setErrors(serverFieldErrors(t, error, (path) => (path === 'creditId' ? null : path)))
    }
  })
  const amount = formatMoney(credit.amountMinor, credit.currency, i18n.language)
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('payments.credits.refundTitle', { customer: credit.customerName || credit.customerId })}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" fw={500}>
            {t('payments.credits.refundAmount', { amount })}
          </Text>
          <div>
            <Text size="sm" fw={500} id="refund-method-label" mb={4}>
              {t('payments.credits.method')}
            </Text>
            <SegmentedControl
              aria-labelledby="refund-method-label"
              fullWidth
              data={refundMethods.map((value) => ({ value, label: t(`payments.credits.methods.${value}`) }))}
              {...form.getInputProps('method')}
            />
          </div>
          <TextInput
            label={t('payments.credits.reference')}
            description={t(`payments.credits.referenceHint.${form.values.method}`)}
            withAsterisk={form.values.method !== 'cash'}
            maxLength={35}
            data-autofocus
            {...form.getInputProps('reference')}
          />
          <Textarea
            label={t('payments.credits.note')}
            autosize
            minRows={2}
            maxLength={300}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={refund.isPending}>
              {t('payments.credits.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
