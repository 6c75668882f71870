import { Alert, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconCoins, IconFileText, IconLock } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileDownload } from '../../../../preload/contract'
import { parseDecimal } from '../../../../preload/contract/invoicing'
import { call } from '../../api/call'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import type { AreaScreenProps } from '../../app/areaSection'
import { DateField } from '../../components/DateField'
import { notifyError, notifySuccess } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { requiredField } from '../../components/requiredField'
import { formatDate, formatDateTime, formatMoney } from '../../lib/format'
import { serverFieldErrors } from '../harbour/serverErrors'
import { todayIso } from './invoicingFormat'
import { PdfModal } from './PdfModal'
import { useInvoicingSaved } from './useInvoicingSaved'

/** Cash-up (clôture de caisse) of this desk for a day: takings by method, cash counted, Z-report. */
export function CashupScreen(_: AreaScreenProps) {
  const { t, i18n } = useTranslation()
  const [day, setDay] = useState(todayIso())
  const summary = useChannelQuery('invoicing.cashup.day', { day })
  const history = useChannelQuery('invoicing.cashup.list', { limit: 10 })
  const close = useChannelMutation('invoicing.cashup.close')
  const saved = useInvoicingSaved()
  const [pdf, setPdf] = useState<FileDownload | null>(null)
  const form = useForm({ initialValues: { countedCash: '', note: '' } })
  const lang = i18n.language
  const s = summary.data
  const money = (minor: number) => formatMoney(minor, s?.currency ?? 'EUR', lang)
  const counted = parseDecimal(form.values.countedCash, 2)
  const open = async (id: string) => {
    try {
      setPdf(await call('invoicing.cashup.zReport', { id }))
    } catch (error) {
      notifyError(t, error)
    }
  }
  const submit = form.onSubmit(async (v) => {
    try {
      const result = await close.mutateAsync({
        day,
        countedCash: v.countedCash,
        ...(v.note.trim() ? { note: v.note } : {}),
      })
      notifySuccess(t('invoicing.cashup.closedOk'))
      saved()
      form.reset()
      if (result.closed?.id) void open(result.closed.id)
    } catch (error) {
      form.setErrors(
        serverFieldErrors(t, error, (p) =>
          p === 'countedCash' || p === 'note' ? p : p === 'day' ? 'countedCash' : null,
        ),
      )
    }
  })

  return (
    <Stack gap="md" maw={1000}>
      <PageHeader
        title={t('invoicing.cashup.title')}
        subtitle={s ? t('invoicing.cashup.desk', { desk: s.deskId }) : undefined}
      />
      <DateField
        label={t('invoicing.cashup.day')}
        clearable={false}
        value={day}
        onChange={(value) => value && setDay(value)}
        maw={200}
      />
      {summary.isError && <QueryError error={summary.error} onRetry={() => void summary.refetch()} />}
      {s && (
        <Paper withBorder p="md">
          <Table fz="sm" verticalSpacing={4} aria-label={t('invoicing.cashup.byMethod')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('invoicing.pay.method')}</Table.Th>
                <Table.Th ta="right">{t('invoicing.cashup.count')}</Table.Th>
                <Table.Th ta="right">{t('invoicing.pay.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {Object.entries(s.byMethod).map(([method, m]) => (
                <Table.Tr key={method}>
                  <Table.Td>{t(`invoicing.method.${method}`, { defaultValue: method })}</Table.Td>
                  <Table.Td ta="right">{m.count}</Table.Td>
                  <Table.Td ta="right">{money(m.amountMinor)}</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr fw={700}>
                <Table.Td>{t('invoicing.cashup.total')}</Table.Td>
                <Table.Td />
                <Table.Td ta="right" data-testid="cashup-total">
                  {money(s.totalMinor)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          {Object.keys(s.byMethod).length === 0 && (
            <Text size="sm" c="dimmed" mt="xs">
              {t('invoicing.cashup.nothing')}
            </Text>
          )}
          {s.otherCurrencies.map((o) => (
            <Alert
              key={o.currency}
              mt="sm"
              py="xs"
              color="yellow"
              variant="light"
              icon={<IconCoins size={18} />}
              data-testid="cashup-other-currency"
            >
              <Text size="sm">
                {t('invoicing.cashup.otherCurrency', {
                  amount: formatMoney(o.totalMinor, o.currency, lang),
                  count: o.count,
                })}
              </Text>
            </Alert>
          ))}
          {s.closed ? (
            <Alert
              mt="md"
              color="gray"
              icon={<IconLock size={18} />}
              title={t('invoicing.cashup.closed', { at: formatDateTime(s.closed.createdAt, lang) })}
            >
              <Group justify="space-between">
                <Text size="sm">
                  {t('invoicing.cashup.closedFigures', {
                    expected: money(s.expectedCashMinor),
                    counted: money(s.closed.countedCashMinor),
                    difference: money(s.closed.differenceMinor),
                  })}
                </Text>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconFileText size={14} />}
                  onClick={() => void open(s.closed!.id)}
                >
                  {t('invoicing.cashup.zReport')}
                </Button>
              </Group>
            </Alert>
          ) : (
            <form onSubmit={submit} noValidate>
              <SimpleGrid cols={3} mt="md" spacing="sm">
                <div>
                  <Text size="xs" c="dimmed">
                    {t('invoicing.cashup.expectedCash')}
                  </Text>
                  <Text fw={600}>{money(s.expectedCashMinor)}</Text>
                </div>
                <TextInput
                  label={t('invoicing.cashup.countedCash')}
                  inputMode="decimal"
                  {...requiredField}
                  description={
                    'value' in counted
                      ? t('invoicing.cashup.difference', {
                          difference: money(counted.value - s.expectedCashMinor),
                        })
                      : undefined
                  }
                  {...form.getInputProps('countedCash')}
                />
                <TextInput label={t('invoicing.cashup.note')} {...form.getInputProps('note')} />
              </SimpleGrid>
              <Group justify="flex-end" mt="md">
                <Button type="submit" leftSection={<IconLock size={16} />} loading={close.isPending}>
                  {t('invoicing.cashup.close')}
                </Button>
              </Group>
            </form>
          )}
        </Paper>
      )}
      <Paper withBorder p="md" aria-labelledby="cashup-history">
        <Title order={2} size="h5" id="cashup-history" mb="xs">
          {t('invoicing.cashup.history')}
        </Title>
        <Table fz="sm" verticalSpacing={4}>
          <Table.Tbody>
            {history.data?.items.map((c) => (
              <Table.Tr key={c.day}>
                <Table.Td>{formatDate(c.day, lang)}</Table.Td>
                <Table.Td ta="right">{formatMoney(c.totalMinor, c.currency, lang)}</Table.Td>
                <Table.Td ta="right">
                  {t('invoicing.cashup.differenceShort', {
                    difference: formatMoney(c.closed?.differenceMinor ?? 0, c.currency, lang),
                  })}
                </Table.Td>
                <Table.Td ta="right">
                  {c.closed && (
                    <Button size="compact-xs" variant="subtle" onClick={() => void open(c.closed!.id)}>
                      {t('invoicing.cashup.zReport')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {history.data?.items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('invoicing.cashup.noHistory')}
          </Text>
        )}
      </Paper>
      <PdfModal file={pdf} onClose={() => setPdf(null)} />
    </Stack>
  )
}
