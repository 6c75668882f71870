import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { useDebouncedValue } from '@mantine/hooks'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type HarbourContractType,
  harbourContractTypes,
  harbourPaymentMethods,
} from '../../../../preload/contract'
import { isApiError } from '../../api/call'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import { navigate } from '../../app/navigation'
import type { Workspace } from '../../app/routes'
import { DateField } from '../../components/DateField'
import { notifySuccess } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { requiredField } from '../../components/requiredField'
import { issueText } from '../../i18n/messages'
import { formatMoney } from '../../lib/format'
import { cmToMetres } from './harbourFormat'
import { serverFieldErrors } from './serverErrors'
import { useHarbourSaved } from './useHarbourSaved'

interface Values {
  customerId: string
  boatId: string
  contractType: HarbourContractType
  startDate: string
  endDate: string
  berthId: string
  homePort: string
  paymentMethod: string
  instalments: number
  notes: string
}

/** A year's contract by default: 1 January → 31 December of the coming year. */
function defaultPeriod(type: HarbourContractType, today = new Date()) {
  const y = today.getFullYear() + (today.getMonth() >= 9 ? 1 : 0)
  if (type === 'annual') return { startDate: `${y}-01-01`, endDate: `${y}-12-31` }
  if (type === 'seasonal') return { startDate: `${y}-06-01`, endDate: `${y}-09-30` }
  return { startDate: '', endDate: '' }
}

/** A new berth contract: customer, boat, type and period, then a berth the boat fits and is free. */
export function ContractForm({
  workspace,
  params,
}: {
  workspace: Workspace
  params: Record<string, string>
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const saved = useHarbourSaved()
  const form = useForm<Values>({
    initialValues: {
      customerId: params.customerId ?? '',
      boatId: params.boatId ?? '',
      contractType: 'annual',
      ...defaultPeriod('annual'),
      berthId: '',
      homePort: '',
      paymentMethod: 'sepa',
      instalments: 1,
      notes: '',
    },
  })
  const v = form.values
  const [search, setSearch] = useState('')
  const [query] = useDebouncedValue(search, 200)
  const chosen = useChannelQuery('customers.get', { id: v.customerId }, { enabled: !!v.customerId })
  const chosenLabel = chosen.data ? `${chosen.data.displayName} (${chosen.data.customerNumber})` : ''
  // The search box shows the chosen customer's name: searching again only when the clerk types.
  useEffect(() => {
    if (chosenLabel) setSearch(chosenLabel)
  }, [chosenLabel])
  const found = useChannelQuery(
    'customers.search',
    { query, limit: 10 },
    { enabled: query.trim().length > 0 && query !== chosenLabel },
  )
  const boats = useChannelQuery(
    'harbour.boats.list',
    { customerId: v.customerId },
    { enabled: !!v.customerId },
  )
  const periodOk = !!v.startDate && !!v.endDate && v.endDate >= v.startDate
  const candidates = useChannelQuery(
    'harbour.berths.candidates',
    { boatId: v.boatId, startDate: v.startDate, endDate: v.endDate },
    { enabled: !!v.boatId && periodOk },
  )
  const quote = useChannelQuery(
    'harbour.contracts.quote',
    { boatId: v.boatId, contractType: v.contractType, startDate: v.startDate, endDate: v.endDate },
    { enabled: !!v.boatId && periodOk, retry: false },
  )
  const create = useChannelMutation('harbour.contracts.create')

  const customerOptions = [
    ...(chosen.data
      ? [{ value: chosen.data.id, label: `${chosen.data.displayName} (${chosen.data.customerNumber})` }]
      : []),
    ...(found.data ?? [])
      .filter((c) => c.id !== v.customerId)
      .map((c) => ({ value: c.id, label: `${c.displayName} (${c.customerNumber})` })),
  ]
  const boat = boats.data?.find((b) => b.id === v.boatId)

  const submit = form.onSubmit(async (values) => {
    try {
      const contract = await create.mutateAsync({
        customerId: values.customerId,
        boatId: values.boatId,
        berthId: values.berthId,
        contractType: values.contractType,
        startDate: values.startDate,
        endDate: values.endDate,
        homePort: values.homePort,
        paymentMethod: values.paymentMethod as never,
        instalments: values.instalments,
        notes: values.notes,
      })
      notifySuccess(t('harbour.contractForm.created', { number: contract.contractNumber }))
      saved()
      navigate({ name: 'area', workspace, section: 'contracts', rest: [contract.id], params: {} })
    } catch (error) {
      form.setErrors(serverFieldErrors(t, error, (p) => (p in values ? p : null)))
    }
  })

  return (
    <Stack gap="md" maw={980}>
      <PageHeader title={t('harbour.contractForm.title')} />
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label={t('harbour.contractForm.customer')}
                placeholder={t('harbour.contractForm.customerPlaceholder')}
                searchable
                data={customerOptions}
                searchValue={search}
                onSearchChange={setSearch}
                filter={({ options }) => options}
                nothingFoundMessage={query ? '—' : undefined}
                {...requiredField}
                {...form.getInputProps('customerId')}
                onChange={(id) => {
                  form.setValues({ customerId: id ?? '', boatId: '', berthId: '' })
                }}
                data-autofocus
              />
              <Select
                label={t('harbour.contractForm.boat')}
                data={(boats.data ?? []).map((b) => ({
                  value: b.id,
                  label: `${b.name} — ${cmToMetres(b.lengthCm, lang)} × ${cmToMetres(b.beamCm, lang)} m`,
                }))}
                allowDeselect={false}
                disabled={!v.customerId}
                {...requiredField}
                {...form.getInputProps('boatId')}
                onChange={(id) => form.setValues({ boatId: id ?? '', berthId: '' })}
                description={
                  boats.data && boats.data.length === 0 ? t('harbour.contractForm.noBoat') : undefined
                }
              />
              <Select
                label={t('harbour.contractForm.contractType')}
                data={harbourContractTypes.map((c) => ({ value: c, label: t(`harbour.contractType.${c}`) }))}
                allowDeselect={false}
                {...form.getInputProps('contractType')}
                onChange={(type) => {
                  const next = (type ?? 'annual') as HarbourContractType
                  form.setValues({ contractType: next, ...defaultPeriod(next), berthId: '' })
                }}
              />
              <Group grow gap="sm">
                <DateField
                  label={t('harbour.contractForm.startDate')}
                  {...requiredField}
                  {...form.getInputProps('startDate')}
                />
                <DateField
                  label={t('harbour.contractForm.endDate')}
                  {...requiredField}
                  {...form.getInputProps('endDate')}
                />
              </Group>
              <Select
                label={t('harbour.contractForm.berth')}
                description={t('harbour.contractForm.berthHelp')}
                data={(candidates.data ?? []).map((b) => ({
                  value: b.id,
                  label: `${b.code} — ${cmToMetres(b.maxLengthCm, lang)} × ${cmToMetres(b.maxBeamCm, lang)} m`,
                }))}
                searchable
                allowDeselect={false}
                disabled={!boat || !periodOk}
                nothingFoundMessage={t('harbour.contractForm.noBerth')}
                {...requiredField}
                {...form.getInputProps('berthId')}
              />
              <TextInput
                label={t('harbour.contractForm.homePort')}
                {...requiredField}
                {...form.getInputProps('homePort')}
              />
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="md">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Radio.Group
                label={t('harbour.contractForm.paymentMethod')}
                {...form.getInputProps('paymentMethod')}
              >
                <Stack gap={6} mt={6}>
                  {harbourPaymentMethods.map((m) => (
                    <Radio key={m} value={m} label={t(`harbour.paymentMethod.${m}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              <Stack gap="sm">
                <NumberInput
                  label={t('harbour.contractForm.instalments')}
                  min={1}
                  max={12}
                  allowDecimal={false}
                  {...form.getInputProps('instalments')}
                />
                <Textarea
                  label={t('harbour.contractForm.notes')}
                  autosize
                  minRows={2}
                  {...form.getInputProps('notes')}
                />
              </Stack>
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="md" aria-labelledby="contract-quote">
            <Title order={2} size="h6" id="contract-quote" mb={4}>
              {t('harbour.contractForm.quote')}
            </Title>
            {quote.isError && (
              <Alert color="orange" variant="light">
                {isApiError(quote.error) && quote.error.fields[0]
                  ? issueText(t, quote.error.fields[0])
                  : t('common.error')}
              </Alert>
            )}
            {quote.data && (
              <Table fz="sm" verticalSpacing={2}>
                <Table.Tbody>
                  {quote.data.lines.map((l) => (
                    <Table.Tr key={l.tariffId + l.label}>
                      <Table.Td>{l.label}</Table.Td>
                      <Table.Td ta="right">
                        {l.quantity} × {formatMoney(l.unitNetMinor, quote.data.currency, lang)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr>
                    <Table.Td ta="right">{t('harbour.contractForm.totalNet')}</Table.Td>
                    <Table.Td ta="right">
                      {formatMoney(quote.data.totalNetMinor, quote.data.currency, lang)}
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td ta="right">{t('harbour.contractForm.totalVat')}</Table.Td>
                    <Table.Td ta="right">
                      {formatMoney(quote.data.totalVatMinor, quote.data.currency, lang)}
                    </Table.Td>
                  </Table.Tr>
                  <Table.Tr>
                    <Table.Td ta="right" fw={700}>
                      {t('harbour.contractForm.totalGross')}
                    </Table.Td>
                    <Table.Td ta="right" fw={700} data-testid="quote-total">
                      {formatMoney(quote.data.totalGrossMinor, quote.data.currency, lang)}
                    </Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            )}
            {!quote.data && !quote.isError && (
              <Text size="sm" c="dimmed">
                —
              </Text>
            )}
          </Paper>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => history.back()}>
              {t('harbour.contractForm.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('harbour.contractForm.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  )
}
