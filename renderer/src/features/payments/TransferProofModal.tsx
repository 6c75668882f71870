import { Button, FileInput, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { useChannelMutation } from '../../api/hooks'
import { DateField } from '../../components/DateField'
import { notifySuccess } from '../../components/notify'
import { readAsBase64 } from '../../lib/download'
import { formatMoney } from '../../lib/format'
import { serverFieldErrors } from '../harbour/serverErrors'
import type { OpenInvoice } from './PaymentRequestModal'
import { usePaymentsSaved } from './usePaymentsSaved'

/** "12,5" / "12.50" / "1 520,00" → minor units; null when not an amount. */
export function amountToMinor(text: string): number | null {
  const m = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(text.replace(/[\s\u00a0\u202f]/g, ''))
  if (!m) return null
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'))
}

const today = () => new Date().toISOString().slice(0, 10)

/** Receives a customer's proof of transfer for an invoice; a supervisor decides on it later. */
export function TransferProofModal({ invoice, onClose }: { invoice: OpenInvoice; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const saved = usePaymentsSaved()
  const submitProof = useChannelMutation('payments.transferSubmit')
  const form = useForm<{ amount: string; transferDate: string; bankReference: string; file: File | null }>({
    initialValues: {
      amount: (invoice.dueMinor / 100).toFixed(2).replace('.', ','),
      transferDate: today(),
      bankReference: '',
      file: null,
    },
    validate: {
      amount: (v) => (amountToMinor(v) === null ? t('validation.amountMinor') : null),
      file: (v) => (v ? null : t('validation.required')),
    },
  })
  const submit = form.onSubmit(async (v) => {
    try {
      await submitProof.mutateAsync({
        invoiceId: invoice.id,
        amountMinor: amountToMinor(v.amount)!,
        transferDate: v.transferDate,
        ...(v.bankReference.trim() ? { bankReference: v.bankReference.trim() } : {}),
        file: await readAsBase64(v.file!),
      })
      saved()
      notifySuccess(t('payments.transfer.received'))
      onClose()
    } catch (error) {
      form.setErrors(
        serverFieldErrors(t, error, (p) =>
          p === 'amountMinor' ? 'amount' : p.startsWith('file') ? 'file' : p in form.values ? p : null,
        ),
      )
    }
  })
  return (
    <Modal opened onClose={onClose} title={t('payments.transfer.title', { number: invoice.invoiceNumber })}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Text size="sm">
            {t('payments.request.amount')}{' '}
            <strong>{formatMoney(invoice.dueMinor, invoice.currency, i18n.language)}</strong>
          </Text>
          <TextInput label={t('payments.transfer.amount')} required {...form.getInputProps('amount')} />
          <DateField label={t('payments.transfer.date')} required {...form.getInputProps('transferDate')} />
          <TextInput label={t('payments.transfer.reference')} {...form.getInputProps('bankReference')} />
          <FileInput
            label={t('payments.transfer.file')}
            description={t('payments.transfer.fileHint')}
            accept="application/pdf,image/jpeg,image/png"
            required
            clearable
            {...form.getInputProps('file')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={submitProof.isPending}>
              {t('payments.transfer.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
