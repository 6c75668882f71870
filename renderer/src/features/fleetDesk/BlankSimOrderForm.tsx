import {
  Alert,
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconTruckDelivery } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { BLANK_SIM_STEP, blankSimOrderInput, type InputOf } from '../../../../preload/contract'
import { call } from '../../api/call'
import { useChannelQuery } from '../../api/hooks'
import { notifySuccess } from '../../components/notify'
import { requiredField } from '../../components/requiredField'
import { countryOptions } from '../../lib/countries'
import { formatDate } from '../../lib/format'
import { showSaveError, validateInput } from './fleetDeskForms'

interface Values {
  quantity: number | string
  country: string
  postalCode: string
  city: string
  street: string
  houseNumber: string
  suffix: string
  box: string
  message: string
  contactEmail: string
  contactMobile: string
}

function toInput(customerId: string, v: Values): InputOf<'fleetDesk.blankSims.order'> {
  return {
    customerId,
    quantity: typeof v.quantity === 'number' ? v.quantity : Number.NaN,
    address: {
      country: v.country,
      postalCode: v.postalCode,
      city: v.city,
      street: v.street,
      houseNumber: v.houseNumber,
      suffix: v.suffix,
      box: v.box,
    },
    ...(v.message.trim() ? { message: v.message } : {}),
    ...(v.contactEmail.trim() ? { contactEmail: v.contactEmail } : {}),
    ...(v.contactMobile.trim() ? { contactMobile: v.contactMobile } : {}),
  }
}

/** Input paths (`address.city`) to the form's flat fields (`city`). */
const toFormPath = (path: string) => {
  const field = path.replace(/^address\./, '')
  return field in emptyValues ? field : null
}

const emptyValues: Values = {
  quantity: 10,
  country: 'BE',
  postalCode: '',
  city: '',
  street: '',
  houseNumber: '',
  suffix: '',
  box: '',
  message: '',
  contactEmail: '',
  contactMobile: '',
}

/** Blank SIM cards, in tens, to a delivery address; shows the delivery date before ordering. */
export function BlankSimOrderForm({
  customerId,
  onDone,
  onCancel,
}: {
  customerId: string
  onDone(): void
  onCancel(): void
}) {
  const { t, i18n } = useTranslation()
  const client = useQueryClient()
  const quote = useChannelQuery('fleetDesk.blankSims.quote', {})
  const customer = useChannelQuery('customers.get', { id: customerId })
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language])
  const [saving, setSaving] = useState(false)
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: emptyValues,
    validate: (v) => validateInput(blankSimOrderInput, toInput(customerId, v), toFormPath),
  })

  useEffect(() => {
    const c = customer.data
    if (!c) return
    // The company's address as a starting point: "Katwilgweg 2" → street and number.
    const m = /^(.*?)[\s,]+(\d+)\s*([A-Za-z]?)$/.exec(c.address.street.trim())
    form.setValues((v) => ({
      country: c.address.country,
      postalCode: v.postalCode || c.address.postalCode,
      city: v.city || c.address.city,
      street: v.street || (m ? m[1]! : c.address.street),
      houseNumber: v.houseNumber || (m ? m[2]! : ''),
      suffix: v.suffix || (m?.[3] ?? ''),
      contactEmail: v.contactEmail || c.email || '',
    }))
  }, [customer.data, form.setValues])

  const submit = async (v: Values) => {
    setSaving(true)
    try {
      const order = await call('fleetDesk.blankSims.order', toInput(customerId, v))
      notifySuccess(
        t('fleetDesk.blankSims.ordered', {
          number: order.orderNumber,
          date: formatDate(order.expectedDelivery, i18n.language),
        }),
      )
      void client.invalidateQueries({ queryKey: ['fleetDesk.blankSims.list'] })
      onDone()
    } catch (error) {
      showSaveError(t, form, error, t('fleetDesk.blankSims.orderFailed'), toFormPath)
    } finally {
      setSaving(false)
    }
  }

  return (
    <form noValidate onSubmit={form.onSubmit((v) => void submit(v))}>
      <Stack gap="sm">
        <NumberInput
          label={t('fleetDesk.blankSims.quantity')}
          description={t('fleetDesk.blankSims.quantityHint')}
          step={BLANK_SIM_STEP}
          min={BLANK_SIM_STEP}
          allowDecimal={false}
          w={220}
          {...requiredField}
          {...form.getInputProps('quantity')}
          data-autofocus
        />
        <SimpleGrid cols={3}>
          <Select
            label={t('fleetDesk.blankSims.country')}
            data={countries}
            searchable
            {...requiredField}
            {...form.getInputProps('country')}
            onChange={(v) => form.setFieldValue('country', v ?? '')}
          />
          <TextInput
            label={t('fleetDesk.blankSims.postalCode')}
            {...requiredField}
            {...form.getInputProps('postalCode')}
          />
          <TextInput
            label={t('fleetDesk.blankSims.city')}
            {...requiredField}
            {...form.getInputProps('city')}
          />
        </SimpleGrid>
        <SimpleGrid cols={4}>
          <TextInput
            label={t('fleetDesk.blankSims.street')}
            {...requiredField}
            {...form.getInputProps('street')}
            style={{ gridColumn: 'span 1' }}
          />
          <TextInput
            label={t('fleetDesk.blankSims.houseNumber')}
            {...requiredField}
            {...form.getInputProps('houseNumber')}
          />
          <TextInput label={t('fleetDesk.blankSims.suffix')} {...form.getInputProps('suffix')} />
          <TextInput label={t('fleetDesk.blankSims.box')} {...form.getInputProps('box')} />
        </SimpleGrid>
        <Textarea
          label={t('fleetDesk.tickets.message')}
          autosize
          minRows={2}
          {...form.getInputProps('message')}
        />
        <SimpleGrid cols={2}>
          <TextInput
            label={t('fleetDesk.tickets.contactEmail')}
            type="email"
            {...form.getInputProps('contactEmail')}
          />
          <TextInput
            label={t('fleetDesk.tickets.contactMobile')}
            type="tel"
            {...form.getInputProps('contactMobile')}
          />
        </SimpleGrid>
        {quote.data && (
          <Alert variant="light" color="teal" icon={<IconTruckDelivery size={18} />}>
            {t('fleetDesk.blankSims.expected', {
              date: formatDate(quote.data.expectedDelivery, i18n.language),
            })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('fleetDesk.common.cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {t('fleetDesk.blankSims.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
