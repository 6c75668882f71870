import { ActionIcon, Button, Group, Select, Stack, Text, TextInput } from '@mantine/core'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { phoneTypes } from '../../../../preload/contract'
import type { CustomerFormApi } from './CustomerForm'
import { MAX_PHONES, type PhoneType, phoneRow } from './customerFormValues'

/** Up to four phones, each a type and a number; numbers are checked for the address's country. */
export function PhoneFields({ form, onNumberBlur }: { form: CustomerFormApi; onNumberBlur(): void }) {
  const { t } = useTranslation()
  const rows = form.values.phones
  const typeOptions = phoneTypes.map((value) => ({ value, label: t(`phoneType.${value}`) }))
  const listError = form.errors.phones

  return (
    <Stack gap="xs">
      {rows.map((row, index) => {
        const n = index + 1
        const numberProps = form.getInputProps(`phones.${index}.number`)
        return (
          <Group key={row.key} gap="sm" align="flex-end" wrap="nowrap">
            <Select
              label={t('customerForm.fields.phoneType', { n })}
              data={typeOptions}
              allowDeselect={false}
              w={190}
              {...form.getInputProps(`phones.${index}.type`)}
              onChange={(value) =>
                form.setFieldValue(`phones.${index}.type`, (value ?? 'mobile') as PhoneType)
              }
            />
            <TextInput
              label={t('customerForm.fields.phoneNumber', { n })}
              type="tel"
              autoComplete="off"
              style={{ flex: 1 }}
              {...numberProps}
              onBlur={(event) => {
                numberProps.onBlur?.(event)
                onNumberBlur()
              }}
            />
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={t('customerForm.removePhone', { n })}
              // Keeps the bin aligned with the input when an error shows under it.
              mb={form.errors[`phones.${index}.number`] ? 22 : 0}
              onClick={() => {
                form.removeListItem('phones', index)
                onNumberBlur()
              }}
            >
              <IconTrash size={16} stroke={1.6} />
            </ActionIcon>
          </Group>
        )
      })}
      {listError && (
        <Text size="xs" c="red">
          {listError}
        </Text>
      )}
      <Group>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          disabled={rows.length >= MAX_PHONES}
          onClick={() => form.insertListItem('phones', phoneRow())}
        >
          {t('customerForm.addPhone')}
        </Button>
        {rows.length >= MAX_PHONES && (
          <Text size="xs" c="dimmed">
            {t('customerForm.phonesMax')}
          </Text>
        )}
      </Group>
    </Stack>
  )
}
