import { Group, Select, Stack, TextInput } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { requiredField } from '../../components/requiredField'
import { countryOptions } from '../../lib/countries'
import type { CustomerFormApi } from './CustomerForm'

const labels = {
  address: {
    street: 'customerForm.fields.street',
    postalCode: 'customerForm.fields.postalCode',
    city: 'customerForm.fields.city',
    country: 'customerForm.fields.country',
  },
  billingAddress: {
    street: 'customerForm.fields.billingStreet',
    postalCode: 'customerForm.fields.billingPostalCode',
    city: 'customerForm.fields.billingCity',
    country: 'customerForm.fields.billingCountry',
  },
} as const

/** Street, postal code, city, country; the billing address has its own labels so each is findable. */
export function AddressFields({ form, path }: { form: CustomerFormApi; path: 'address' | 'billingAddress' }) {
  const { t, i18n } = useTranslation()
  const country = form.values[path].country
  const countries = useMemo(() => countryOptions(i18n.language, country), [i18n.language, country])
  const label = labels[path]
  return (
    <Stack gap="sm">
      <TextInput
        label={t(label.street)}
        autoComplete="off"
        {...requiredField}
        {...form.getInputProps(`${path}.street`)}
      />
      <Group gap="sm" align="flex-start" wrap="nowrap">
        <TextInput
          label={t(label.postalCode)}
          autoComplete="off"
          {...requiredField}
          w={230}
          {...form.getInputProps(`${path}.postalCode`)}
        />
        <TextInput
          label={t(label.city)}
          autoComplete="off"
          {...requiredField}
          style={{ flex: 1 }}
          {...form.getInputProps(`${path}.city`)}
        />
        <Select
          label={t(label.country)}
          data={countries}
          searchable
          allowDeselect={false}
          {...requiredField}
          w={220}
          comboboxProps={{ width: 280, position: 'bottom-end' }}
          {...form.getInputProps(`${path}.country`)}
          onChange={(value) => form.setFieldValue(`${path}.country`, value ?? '')}
        />
      </Group>
    </Stack>
  )
}
