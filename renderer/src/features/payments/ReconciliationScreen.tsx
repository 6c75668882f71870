import { Alert, Badge, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { IconFileImport, IconScale } from '@tabler/icons-react'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type {
  ReconciliationGroup,
  SettlementImportResult,
} from '../../../../preload/contract/paymentsReconciliation'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import { DateField } from '../../components/DateField'
import { notifyError } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { readAsBase64 } from '../../lib/download'
import { formatDate, formatDateTime, formatMoney } from '../../lib/format'

function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

function MethodLabel({ group }: { group: ReconciliationGroup }) {
  const { t } = useTranslation()
  if (group.gateway) return <>{t(`payments.gateway.${group.gateway}`)}</>
  return <>{t(`invoicing.method.${group.method}`, { defaultValue: group.method })}</>
}

function Summary() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const today = new Date()
  const [from, setFrom] = useState(
    isoDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6)),
  )
  const [to, setTo] = useState(isoDay(today))
  const [range, setRange] = useState({ from, to })
  const summary = useChannelQuery('payments.reconciliationSummary', range)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setRange({ from, to })
  }
  const s = summary.data
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm" mb="sm">
          <DateField label={t('payments.reconciliation.from')} value={from} onChange={setFrom} />
          <DateField label={t('payments.reconciliation.to')} value={to} onChange={setTo} />
          <Button type="submit" variant="light">
            {t('payments.reconciliation.show')}
          </Button>
        </Group>
      </form>
      {summary.isError && <QueryError error={summary.error} onRetry={() => void summary.refetch()} />}
      {s && s.groups.length === 0 && <Text c="dimmed">{t('payments.reconciliation.none')}</Text>}
      {s?.truncated && <Alert color="yellow">{t('payments.reconciliation.truncated')}</Alert>}
      {s && s.groups.length > 0 && (
        <Table fz="sm" verticalSpacing={4} striped aria-label={t('payments.reconciliation.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('payments.reconciliation.day')}</Table.Th>
              <Table.Th>{t('payments.reconciliation.method')}</Table.Th>
              <Table.Th>{t('payments.reconciliation.desk')}</Table.Th>
              <Table.Th ta="right">{t('payments.reconciliation.count')}</Table.Th>
              <Table.Th ta="right">{t('payments.reconciliation.reversals')}</Table.Th>
              <Table.Th ta="right">{t('payments.reconciliation.net')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.groups.map((g) => (
              <Table.Tr key={`${g.day}|${g.method}|${g.deskId}|${g.currency}`}>
                <Table.Td>{formatDate(g.day, lang)}</Table.Td>
                <Table.Td>
                  <MethodLabel group={g} />
                </Table.Td>
                <Table.Td>{g.deskId}</Table.Td>
                <Table.Td ta="right">{g.count}</Table.Td>
                <Table.Td ta="right">{g.reversals || ''}</Table.Td>
                <Table.Td ta="right" c={g.netMinor < 0 ? 'red' : undefined}>
                  {formatMoney(g.netMinor, g.currency, lang)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            {s.totals.map((tot) => (
              <Table.Tr key={tot.currency}>
                <Table.Th colSpan={5}>{t('payments.reconciliation.totals')}</Table.Th>
                <Table.Th ta="right">{formatMoney(tot.netMinor, tot.currency, lang)}</Table.Th>
              </Table.Tr>
            ))}
          </Table.Tfoot>
        </Table>
      )}
    </Paper>
  )
}

function money(minor: number | null, currency: string | null, lang: string): string {
  return minor === null || currency === null ? '—' : formatMoney(minor, currency, lang)
}

function ImportResult({ result }: { result: SettlementImportResult }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  if (result.status === 'invalid') {
    return (
      <Stack gap="xs">
        <Alert color="red">{t('payments.reconciliation.invalid')}</Alert>
        <Table fz="sm" verticalSpacing={4} aria-label={t('payments.reconciliation.invalid')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('payments.reconciliation.line')}</Table.Th>
              <Table.Th>{t('payments.reconciliation.column')}</Table.Th>
              <Table.Th>{t('payments.reconciliation.value')}</Table.Th>
              <Table.Th>{t('payments.reconciliation.problem')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.errors.map((e) => (
              <Table.Tr key={`${e.line}|${e.column}|${e.code}`}>
                <Table.Td>{e.line}</Table.Td>
                <Table.Td>{e.column}</Table.Td>
                <Table.Td ff="monospace">{e.value}</Table.Td>
                <Table.Td>{t(`payments.reconciliation.errors.${e.code}`, { column: e.column })}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    )
  }
  const imp = result.import
  return (
    <Stack gap="sm">
      <Alert color={result.status === 'alreadyImported' ? 'yellow' : 'blue'}>
        {t(`payments.reconciliation.${result.status}`, {
          date: formatDateTime(imp.createdAt, lang),
          rows: imp.rowCount,
          from: formatDate(imp.dateFrom, lang),
          to: formatDate(imp.dateTo, lang),
        })}{' '}
        {t('payments.reconciliation.matched', { count: result.matched })} {t('payments.reconciliation.fees')}{' '}
        : {result.feesMinor.map((f) => formatMoney(f.feeMinor, f.currency, lang)).join(' · ')}
        <Text size="xs" c="dimmed" ff="monospace">
          SHA-256 {imp.sha256}
        </Text>
      </Alert>
      <Title order={4}>{t('payments.reconciliation.differences')}</Title>
      {result.differences.length === 0 ? (
        <Text c="teal">{t('payments.reconciliation.noDifference')}</Text>
      ) : (
        <Table fz="sm" verticalSpacing={4} aria-label={t('payments.reconciliation.differences')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('payments.reconciliation.kind')}</Table.Th>
              <Table.Th>{t('payments.reconciliation.gateway')}</Table.Th>
              <Table.Th>{t('payments.reconciliation.reference')}</Table.Th>
              <Table.Th ta="right">{t('payments.reconciliation.inFile')}</Table.Th>
              <Table.Th ta="right">{t('payments.reconciliation.inGuichet')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.differences.map((d) => (
              <Table.Tr key={`${d.kind}|${d.gateway}|${d.reference}`}>
                <Table.Td>
                  <Badge color={d.kind === 'dateDiffers' ? 'yellow' : 'red'} variant="light">
                    {t(`payments.reconciliation.kinds.${d.kind}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{t(`payments.gateway.${d.gateway}`)}</Table.Td>
                <Table.Td ff="monospace">{d.reference}</Table.Td>
                <Table.Td ta="right">
                  {money(d.fileAmountMinor, d.fileCurrency, lang)}
                  {d.fileDate && (
                    <Text size="xs" c="dimmed">
                      {formatDate(d.fileDate, lang)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {money(d.guichetAmountMinor, d.guichetCurrency, lang)}
                  {d.guichetDate && (
                    <Text size="xs" c="dimmed">
                      {formatDate(d.guichetDate, lang)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Title order={4}>{t('payments.reconciliation.totalsTitle')}</Title>
      <Table fz="sm" verticalSpacing={4} aria-label={t('payments.reconciliation.totalsTitle')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('payments.reconciliation.day')}</Table.Th>
            <Table.Th>{t('payments.reconciliation.gateway')}</Table.Th>
            <Table.Th ta="right">{t('payments.reconciliation.inFile')}</Table.Th>
            <Table.Th ta="right">{t('payments.reconciliation.inGuichet')}</Table.Th>
            <Table.Th ta="right">{t('payments.reconciliation.difference')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.totals.map((r) => (
            <Table.Tr key={`${r.day}|${r.gateway}|${r.currency}`}>
              <Table.Td>{formatDate(r.day, lang)}</Table.Td>
              <Table.Td>{t(`payments.gateway.${r.gateway}`)}</Table.Td>
              <Table.Td ta="right">{formatMoney(r.fileMinor, r.currency, lang)}</Table.Td>
              <Table.Td ta="right">{formatMoney(r.guichetMinor, r.currency, lang)}</Table.Td>
              <Table.Td ta="right" c={r.differenceMinor === 0 ? 'teal' : 'red'} fw={600}>
                {formatMoney(r.differenceMinor, r.currency, lang)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  )
}

function SettlementImport() {
  const { t } = useTranslation()
  const [file, setFile] = useState<File | null>(null)
  const [result, setResult] = useState<SettlementImportResult | null>(null)
  const importFile = useChannelMutation('payments.settlementImport')
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    if (!file) return
    try {
      setResult(await importFile.mutateAsync({ file: await readAsBase64(file) }))
    } catch (error) {
      notifyError(t, error)
    }
  }
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h4" mb="sm">
        {t('payments.reconciliation.importTitle')}
      </Title>
      <form onSubmit={submit}>
        <Group align="flex-end" gap="sm" mb="sm">
          <FileInput
            label={t('payments.reconciliation.file')}
            accept=".csv,text/csv"
            value={file}
            onChange={setFile}
            leftSection={<IconFileImport size={16} />}
            w={360}
            clearable
          />
          <Button
            type="submit"
            disabled={!file}
            loading={importFile.isPending}
            leftSection={<IconScale size={16} />}
          >
            {t('payments.reconciliation.import')}
          </Button>
        </Group>
      </form>
      {result && <ImportResult result={result} />}
    </Paper>
  )
}

/** Supervisor's check: what Guichet recorded, and the gateway's settlement file compared with it. */
export function ReconciliationScreen() {
  const { t } = useTranslation()
  return (
    <Stack gap="md" maw={1100}>
      <PageHeader title={t('payments.reconciliation.title')} />
      <Summary />
      <SettlementImport />
    </Stack>
  )
}
