import {
  Alert,
  Button,
  Group,
  Modal,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconReceipt } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileDownload } from '../../../../preload/contract'
import {
  type CounterMethod,
  type CounterPaymentInput,
  counterMethods,
  counterPaymentInput,
  type PaymentRecorded,
  parseDecimal,
} from '../../../../preload/contract/invoicing'
import { call } from '../../api/call'
import { useChannelMutation } from '../../api/hooks'
import { DateField } from '../../components/DateField'
import { toFormErrors, validateWith } from '../../components/formErrors'
import { notifySuccess } from '../../components/notify'
import { requiredField } from '../../components/requiredField'
import { formatMoney } from '../../lib/format'
import { serverFieldErrors } from '../harbour/serverErrors'
import { minorToInput, todayIso } from './invoicingFormat'
import { PdfModal } from './PdfModal'
import { useInvoicingSaved } from './useInvoicingSaved'

export interface PayableInvoice {
  id: string
  invoiceNumber: string
  dueMinor: number
  currency: string
}

interface Values {
  method: CounterMethod
  amount: string
  tendered: string
  chequeNumber: string
  bank: string
  drawer: string
  reference: string
  transferDate: string
  authorisation: string
}

/** The input of `invoicing.payments.record` for the chosen method: only that method's fields. */
function inputOf(invoiceId: string, v: Values): CounterPaymentInput {
  const base = { invoiceId, amount: v.amount }
  switch (v.method) {
    case 'cash':
      return { ...base, method: 'cash', ...(v.tendered.trim() ? { tendered: v.tendered } : {}) }
    case 'cheque':
      return { ...base, method: 'cheque', chequeNumber: v.chequeNumber, bank: v.bank, drawer: v.drawer }
    case 'transfer':
      return { ...base, method: 'transfer', reference: v.reference, transferDate: v.transferDate }
    case 'card_terminal':
      return { ...base, method: 'card_terminal', authorisation: v.authorisation }
  }
}

/**
 * "Régler": a counter payment of one invoice, prefilled with its balance. Errors come back under
 * their field (the contract's schema here, the balance and cash-up checks from main).
 */
export function PaymentFormModal({
  invoice,
  onClose,
}: {
  invoice: PayableInvoice | null
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const saved = useInvoicingSaved()
  const [done, setDone] = useState<PaymentRecorded | null>(null)
  const [receipt, setReceipt] = useState<FileDownload | null>(null)
  const form = useForm<Values>({
    initialValues: {
      method: 'cash',
      amount: invoice ? minorToInput(invoice.dueMinor, i18n.language) : '',
      tendered: '',
      chequeNumber: '',
      bank: '',
      drawer: '',
      reference: '',
      transferDate: todayIso(),
      authorisation: '',
    },
  })
  const record = useChannelMutation('invoicing.payments.record')
  const toFormPath = (p: string) => (p === 'invoiceId' ? 'amount' : p in form.values ? p : null)
  const close = () => {
    setDone(null)
    form.reset()
    onClose()
  }
  const submit = form.onSubmit(async (v) => {
    if (!invoice) return
    const input = inputOf(invoice.id, v)
    const local = validateWith(counterPaymentInput, input, toFormPath)
    if (Object.keys(local.fields).length) {
      form.setErrors(toFormErrors(local.fields))
      return
    }
    try {
      const result = await record.mutateAsync(input)
      notifySuccess(t('invoicing.pay.recorded'))
      saved()
      setDone(result)
    } catch (error) {
      form.setErrors(serverFieldErrors(t, error, toFormPath))
    }
  })
  const amount = parseDecimal(form.values.amount, 2)
  const tendered = parseDecimal(form.values.tendered, 2)
  const change =
    form.values.method === 'cash' &&
    'value' in amount &&
    'value' in tendered &&
    tendered.value >= amount.value
      ? tendered.value - amount.value
      : null
  const money = (minor: number) => formatMoney(minor, invoice?.currency ?? 'EUR', i18n.language)
  const m = form.values.method

  return (
    <Modal
      opened={!!invoice}
      onClose={close}
      title={invoice ? t('invoicing.pay.title', { number: invoice.invoiceNumber }) : ''}
      size="lg"
    >
      {invoice && done ? (
        <Stack>
          <Alert color="teal" title={t('invoicing.pay.recorded')}>
            <Text size="sm">
              {t('invoicing.pay.summary', {
                amount: money(done.payment.amountMinor),
                due: money(done.invoice.dueMinor),
              })}
            </Text>
            {done.changeMinor !== null && done.changeMinor > 0 && (
              <Text size="sm" fw={600}>
                {t('invoicing.pay.changeToGive', { change: money(done.changeMinor) })}
              </Text>
            )}
          </Alert>
          <Group justify="flex-end">
            <Button
              variant="default"
              leftSection={<IconReceipt size={16} />}
              onClick={async () =>
                setReceipt(await call('invoicing.payments.receipt', { id: done.payment.id }))
              }
            >
              {t('invoicing.pay.receipt')}
            </Button>
            <Button onClick={close} data-autofocus>
              {t('invoicing.close')}
            </Button>
          </Group>
          <PdfModal file={receipt} onClose={() => setReceipt(null)} />
        </Stack>
      ) : invoice ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <Text size="sm">{t('invoicing.pay.due', { due: money(invoice.dueMinor) })}</Text>
            <div>
              <Text size="sm" fw={500} id="pay-method-label" mb={4}>
                {t('invoicing.pay.method')}
              </Text>
              <SegmentedControl
                aria-labelledby="pay-method-label"
                fullWidth
                data={counterMethods.map((value) => ({ value, label: t(`invoicing.method.${value}`) }))}
                {...form.getInputProps('method')}
              />
            </div>
            <SimpleGrid cols={2} spacing="sm">
              <TextInput
                label={t('invoicing.pay.amount')}
                inputMode="decimal"
                {...requiredField}
                data-autofocus
                {...form.getInputProps('amount')}
              />
              {m === 'cash' && (
                <TextInput
                  label={t('invoicing.pay.tendered')}
                  inputMode="decimal"
                  description={
                    change !== null ? t('invoicing.pay.change', { change: money(change) }) : undefined
                  }
                  {...form.getInputProps('tendered')}
                />
              )}
              {m === 'cheque' && (
                <>
                  <TextInput
                    label={t('invoicing.pay.chequeNumber')}
                    {...requiredField}
                    {...form.getInputProps('chequeNumber')}
                  />
                  <TextInput
                    label={t('invoicing.pay.bank')}
                    {...requiredField}
                    {...form.getInputProps('bank')}
                  />
                  <TextInput
                    label={t('invoicing.pay.drawer')}
                    {...requiredField}
                    {...form.getInputProps('drawer')}
                  />
                </>
              )}
              {m === 'transfer' && (
                <>
                  <TextInput
                    label={t('invoicing.pay.reference')}
                    {...requiredField}
                    {...form.getInputProps('reference')}
                  />
                  <DateField
                    label={t('invoicing.pay.transferDate')}
                    {...requiredField}
                    {...form.getInputProps('transferDate')}
                  />
                </>
              )}
              {m === 'card_terminal' && (
                <TextInput
                  label={t('invoicing.pay.authorisation')}
                  {...requiredField}
                  {...form.getInputProps('authorisation')}
                />
              )}
            </SimpleGrid>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('invoicing.cancel')}
              </Button>
              <Button type="submit" loading={record.isPending}>
                {t('invoicing.pay.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Modal>
  )
}
