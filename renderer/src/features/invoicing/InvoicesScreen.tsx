import { Anchor, Button, Group, Paper, Stack, Table, Text, TextInput } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconPlus, IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useChannelQuery } from '../../api/hooks'
import { mayCall } from '../../app/access'
import type { AreaScreenProps } from '../../app/areaSection'
import { formatRoute } from '../../app/routes'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { formatDate, formatMoney } from '../../lib/format'
import { useCurrentSession } from '../../session/useSession'
import { InvoiceDetailView } from './InvoiceDetailView'
import { ServiceInvoiceForm } from './ServiceInvoiceForm'
import { StatusBadge } from './StatusBadge'

/** `#/harbour/invoices` (list), `…/invoices/new` (service invoice), `…/invoices/<id>` (detail). */
export function InvoicesScreen({ workspace, rest, params }: AreaScreenProps) {
  const { t } = useTranslation()
  if (rest[0] === 'new') {
    return (
      <Stack gap="md">
        <PageHeader title={t('invoicing.new.title')} />
        <ServiceInvoiceForm
          workspace={workspace}
          {...(params.customerId ? { customerId: params.customerId } : {})}
        />
      </Stack>
    )
  }
  if (rest[0]) return <InvoiceDetailView key={rest[0]} workspace={workspace} id={rest[0]} />
  return <InvoiceList workspace={workspace} />
}

function InvoiceList({ workspace }: { workspace: AreaScreenProps['workspace'] }) {
  const { t, i18n } = useTranslation()
  const role = useCurrentSession().staff.role
  const [search, setSearch] = useState('')
  const [query] = useDebouncedValue(search.trim(), 200)
  const [cursors, setCursors] = useState<string[]>([])
  const cursor = cursors[cursors.length - 1]
  const list = useChannelQuery('invoicing.invoices.list', {
    limit: 50,
    ...(query ? { query } : {}),
    ...(cursor ? { cursor } : {}),
  })
  const lang = i18n.language
  return (
    <Stack gap="md" maw={1280}>
      <PageHeader
        title={t('invoicing.list.title')}
        actions={
          mayCall(role, 'invoicing.invoices.issueService') && (
            <Button
              component="a"
              href={formatRoute({ name: 'area', workspace, section: 'invoices', rest: ['new'], params: {} })}
              leftSection={<IconPlus size={16} />}
            >
              {t('invoicing.list.newService')}
            </Button>
          )
        }
      />
      <TextInput
        label={t('invoicing.list.search')}
        leftSection={<IconSearch size={16} />}
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value)
          setCursors([])
        }}
        maw={360}
        data-autofocus
      />
      {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      <Paper withBorder>
        <Table striped highlightOnHover fz="sm" verticalSpacing={4} aria-label={t('invoicing.list.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('invoicing.col.number')}</Table.Th>
              <Table.Th>{t('invoicing.col.date')}</Table.Th>
              <Table.Th>{t('invoicing.col.customer')}</Table.Th>
              <Table.Th>{t('invoicing.col.label')}</Table.Th>
              <Table.Th ta="right">{t('invoicing.col.total')}</Table.Th>
              <Table.Th ta="right">{t('invoicing.col.due')}</Table.Th>
              <Table.Th>{t('invoicing.col.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Anchor
                    ff="monospace"
                    size="sm"
                    href={formatRoute({
                      name: 'area',
                      workspace,
                      section: 'invoices',
                      rest: [i.id],
                      params: {},
                    })}
                  >
                    {i.invoiceNumber}
                  </Anchor>
                </Table.Td>
                <Table.Td>{formatDate(i.issueDate, lang)}</Table.Td>
                <Table.Td>{i.customerName}</Table.Td>
                <Table.Td>{i.label}</Table.Td>
                <Table.Td ta="right">{formatMoney(i.totalGrossMinor, i.currency, lang)}</Table.Td>
                <Table.Td ta="right">{formatMoney(i.dueMinor, i.currency, lang)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={i.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {list.data && list.data.items.length === 0 && (
          <Text size="sm" c="dimmed" p="md">
            {t('invoicing.list.none')}
          </Text>
        )}
      </Paper>
      <Group justify="center">
        <Button
          variant="default"
          size="xs"
          disabled={cursors.length === 0}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          {t('invoicing.previous')}
        </Button>
        <Button
          variant="default"
          size="xs"
          disabled={!list.data?.nextCursor}
          onClick={() => list.data?.nextCursor && setCursors((c) => [...c, list.data!.nextCursor!])}
        >
          {t('invoicing.more')}
        </Button>
      </Group>
    </Stack>
  )
}
