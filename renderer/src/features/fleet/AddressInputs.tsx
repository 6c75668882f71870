import { Group, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export interface AddressValues {
  street: string
  postalCode: string
  city: string
  country: string
}

export const emptyAddress: AddressValues = { street: '', postalCode: '', city: '', country: 'BE' }

/** Street, postcode, city, country (ISO code), with errors at the fields. */
export function AddressInputs({
  value,
  onChange,
  errors = {},
}: {
  value: AddressValues
  onChange(next: AddressValues): void
  errors?: Record<string, React.ReactNode>
}) {
  const { t } = useTranslation()
  const set = (key: keyof AddressValues) => (e: React.ChangeEvent<HTMLInputElement>) =>
    onChange({ ...value, [key]: e.currentTarget.value })
  return (
    <>
      <TextInput
        label={t('fleet.address.street')}
        value={value.street}
        onChange={set('street')}
        error={errors.street}
      />
      <Group grow>
        <TextInput
          label={t('fleet.address.postalCode')}
          value={value.postalCode}
          onChange={set('postalCode')}
          error={errors.postalCode}
        />
        <TextInput
          label={t('fleet.address.city')}
          value={value.city}
          onChange={set('city')}
          error={errors.city}
        />
        <TextInput
          label={t('fleet.address.country')}
          value={value.country}
          onChange={set('country')}
          error={errors.country}
          maw={110}
        />
      </Group>
    </>
  )
}
