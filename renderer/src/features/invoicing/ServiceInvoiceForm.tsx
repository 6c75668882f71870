import { ActionIcon, Button, Group, Paper, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useDebouncedValue } from '@mantine/hooks'
import { IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseDecimal, serviceInvoiceInput } from '../../../../preload/contract/invoicing'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import { navigate } from '../../app/navigation'
import type { Workspace } from '../../app/routes'
import { toFormErrors, validateWith } from '../../components/formErrors'
import { notifySuccess } from '../../components/notify'
import { requiredField } from '../../components/requiredField'
import { formatMoney } from '../../lib/format'
import { serverFieldErrors } from '../harbour/serverErrors'
import { useInvoicingSaved } from './useInvoicingSaved'

interface Line {
  /** A stable React key for the row (never sent). */
  key: number
  label: string
  quantity: string
  unitPrice: string
  vatRate: string
}

/** Services the counter bills most: one click fills the line, prices stay editable. */
const presets = ['crane', 'electricity', 'water', 'guarding', 'careening'] as const

let nextKey = 0
const emptyLine = (): Line => ({ key: nextKey++, label: '', quantity: '1', unitPrice: '', vatRate: '20' })
const sent = ({ key: _key, ...line }: Line) => line

/** A service invoice: free lines with quantity, unit price excl. VAT and VAT rate; totals live. */
export function ServiceInvoiceForm({
  workspace,
  customerId: preset,
}: {
  workspace: Workspace
  customerId?: string
}) {
  const { t, i18n } = useTranslation()
  const saved = useInvoicingSaved()
  const [search, setSearch] = useState('')
  const [query] = useDebouncedValue(search, 200)
  const found = useChannelQuery(
    'customers.search',
    { query, limit: 10 },
    { enabled: query.trim().length > 0 },
  )
  const known = useChannelQuery('customers.get', { id: preset ?? '' }, { enabled: !!preset })
  const form = useForm({
    initialValues: { customerId: preset ?? '', label: '', lines: [emptyLine()] as Line[] },
  })
  const issue = useChannelMutation('invoicing.invoices.issueService')
  const toFormPath = (p: string) => (p === 'customerId' || p === 'label' || p.startsWith('lines') ? p : null)

  const submit = form.onSubmit(async (v) => {
    const input = {
      customerId: v.customerId,
      ...(v.label.trim() ? { label: v.label } : {}),
      lines: v.lines.map(sent),
    }
    const local = validateWith(serviceInvoiceInput, input, toFormPath)
    if (Object.keys(local.fields).length) return form.setErrors(toFormErrors(local.fields))
    try {
      const invoice = await issue.mutateAsync(input)
      notifySuccess(t('invoicing.new.issued', { number: invoice.invoiceNumber }))
      saved()
      navigate({ name: 'area', workspace, section: 'invoices', rest: [invoice.id], params: {} })
    } catch (error) {
      form.setErrors(serverFieldErrors(t, error, toFormPath))
    }
  })

  // Live totals with the same function main uses, so the screen shows what will be printed.
  const parsed = form.values.lines.map((l) => ({
    q: parseDecimal(l.quantity, 3),
    p: parseDecimal(l.unitPrice, 2),
    r: parseDecimal(l.vatRate, 2),
  }))
  const valid = parsed.every((x) => 'value' in x.q && 'value' in x.p && 'value' in x.r)
  const [typed] = useDebouncedValue(form.values.lines, 150)
  // A line still without its label has its totals all the same.
  const lines = typed.map((l) => ({ ...sent(l), label: l.label.trim() || '…' }))
  const preview = useChannelQuery(
    'invoicing.invoices.preview',
    { lines },
    { enabled: valid, placeholderData: (p) => p },
  )
  const totals = valid ? (preview.data ?? null) : null
  const money = (minor: number) => formatMoney(minor, 'EUR', i18n.language)
  const customerOptions = [
    ...(known.data
      ? [{ value: known.data.id, label: `${known.data.displayName} · ${known.data.customerNumber}` }]
      : []),
    ...(found.data ?? [])
      .filter((c) => c.id !== known.data?.id)
      .map((c) => ({ value: c.id, label: `${c.displayName} · ${c.customerNumber}` })),
  ]

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={1100}>
        <Group grow align="flex-start">
          <Select
            label={t('invoicing.new.customer')}
            searchable
            searchValue={search}
            onSearchChange={setSearch}
            data={customerOptions}
            filter={({ options }) => options}
            nothingFoundMessage={query ? t('invoicing.new.noCustomer') : undefined}
            {...requiredField}
            {...form.getInputProps('customerId')}
            data-autofocus={!preset || undefined}
          />
          <TextInput
            label={t('invoicing.new.label')}
            placeholder={t('invoicing.new.labelDefault')}
            {...form.getInputProps('label')}
          />
        </Group>
        <Paper withBorder p="xs">
          <Table fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invoicing.line.label')}</Table.Th>
                <Table.Th w={110}>{t('invoicing.line.quantity')}</Table.Th>
                <Table.Th w={130}>{t('invoicing.line.unitPrice')}</Table.Th>
                <Table.Th w={90}>{t('invoicing.line.vatRate')}</Table.Th>
                <Table.Th w={120} ta="right">
                  {t('invoicing.line.net')}
                </Table.Th>
                <Table.Th w={40} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {form.values.lines.map((_, i) => (
                <Table.Tr key={form.values.lines[i]!.key}>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      aria-label={t('invoicing.line.labelN', { n: i + 1 })}
                      {...(preset && i === 0 ? { 'data-autofocus': true } : {})}
                      {...form.getInputProps(`lines.${i}.label`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      inputMode="decimal"
                      aria-label={t('invoicing.line.quantityN', { n: i + 1 })}
                      {...form.getInputProps(`lines.${i}.quantity`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      inputMode="decimal"
                      aria-label={t('invoicing.line.unitPriceN', { n: i + 1 })}
                      {...form.getInputProps(`lines.${i}.unitPrice`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      size="xs"
                      inputMode="decimal"
                      aria-label={t('invoicing.line.vatRateN', { n: i + 1 })}
                      {...form.getInputProps(`lines.${i}.vatRate`)}
                    />
                  </Table.Td>
                  <Table.Td ta="right">{totals ? money(totals.lineNetMinor[i]!) : '—'}</Table.Td>
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('invoicing.line.remove', { n: i + 1 })}
                      disabled={form.values.lines.length === 1}
                      onClick={() => form.removeListItem('lines', i)}
                    >
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group gap="xs" mt="xs">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem('lines', emptyLine())}
            >
              {t('invoicing.line.add')}
            </Button>
            {presets.map((p) => (
              <Button
                key={p}
                size="xs"
                variant="subtle"
                onClick={() => {
                  const line = { ...emptyLine(), label: t(`invoicing.preset.${p}`) }
                  const last = form.values.lines[form.values.lines.length - 1]
                  if (last && !last.label && !last.unitPrice)
                    form.setFieldValue(`lines.${form.values.lines.length - 1}`, line)
                  else form.insertListItem('lines', line)
                }}
              >
                {t(`invoicing.preset.${p}`)}
              </Button>
            ))}
          </Group>
        </Paper>
        {totals && (
          <Group justify="flex-end" gap="xl" aria-label={t('invoicing.new.totals')}>
            {totals.breakdown.map((b) => (
              <Text size="sm" key={b.vatRateBp}>
                {t('invoicing.new.vatAt', {
                  rate: b.vatRateBp / 100,
                  base: money(b.netMinor),
                  vat: money(b.vatMinor),
                })}
              </Text>
            ))}
            <Text size="sm">
              {t('invoicing.new.totalNet')} <b>{money(totals.totalNetMinor)}</b>
            </Text>
            <Text size="sm">
              {t('invoicing.new.totalGross')}{' '}
              <b data-testid="new-invoice-total">{money(totals.totalGrossMinor)}</b>
            </Text>
          </Group>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={issue.isPending}>
            {t('invoicing.new.issue')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
