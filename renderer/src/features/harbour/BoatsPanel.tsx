import { Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core'
import { IconFileDescription, IconPencil, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Boat } from '../../../../preload/contract'
import { useChannelQuery } from '../../api/hooks'
import { mayCall } from '../../app/access'
import type { CustomerPanelProps } from '../../app/areaSection'
import { formatRoute } from '../../app/routes'
import { formatDate, formatMoney } from '../../lib/format'
import { useCurrentSession } from '../../session/useSession'
import { BoatFormModal } from './BoatFormModal'
import { ContractStatusBadge } from './ContractStatusBadge'
import { cmToMetres } from './harbourFormat'

/** "Bateaux" on the customer's page: their boats (insurance warning) and their berth contracts. */
export function BoatsPanel({ workspace, customerId }: CustomerPanelProps) {
  const { t, i18n } = useTranslation()
  const role = useCurrentSession().staff.role
  const boats = useChannelQuery('harbour.boats.list', { customerId })
  const contracts = useChannelQuery('harbour.contracts.list', { customerId, limit: 20 })
  const [editing, setEditing] = useState<Boat | 'new' | null>(null)
  const canWrite = mayCall(role, 'harbour.boats.create')
  const lang = i18n.language
  const newContract = (boatId?: string) =>
    formatRoute({
      name: 'area',
      workspace,
      section: 'contracts',
      rest: ['new'],
      params: { customerId, ...(boatId ? { boatId } : {}) },
    })

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="harbour-boats-title">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5" id="harbour-boats-title">
          {t('harbour.boats.title')}
        </Title>
        {canWrite && (
          <Group gap="xs">
            <Button
              size="xs"
              variant="default"
              leftSection={<IconPlus size={14} />}
              onClick={() => setEditing('new')}
            >
              {t('harbour.boats.add')}
            </Button>
            {mayCall(role, 'harbour.contracts.create') && (
              <Button
                size="xs"
                component="a"
                href={newContract()}
                leftSection={<IconFileDescription size={14} />}
              >
                {t('harbour.boats.newContract')}
              </Button>
            )}
          </Group>
        )}
      </Group>
      {boats.data && boats.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('harbour.boats.none')}
        </Text>
      )}
      {boats.data && boats.data.length > 0 && (
        <Table striped highlightOnHover fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('harbour.boats.fields.name')}</Table.Th>
              <Table.Th>{t('harbour.boats.fields.registration')}</Table.Th>
              <Table.Th>{t('harbour.boats.fields.boatType')}</Table.Th>
              <Table.Th>{t('harbour.boats.fields.length')}</Table.Th>
              <Table.Th>{t('harbour.boats.fields.insuranceExpiry')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {boats.data.map((b) => (
              <Table.Tr key={b.id}>
                <Table.Td fw={500}>{b.name}</Table.Td>
                <Table.Td>{b.registration}</Table.Td>
                <Table.Td>{t(`harbour.boatType.${b.boatType}`)}</Table.Td>
                <Table.Td>
                  {t('harbour.boats.dimensions', {
                    length: cmToMetres(b.lengthCm, lang),
                    beam: cmToMetres(b.beamCm, lang),
                    draught: cmToMetres(b.draughtCm, lang),
                  })}
                </Table.Td>
                <Table.Td>
                  {b.insuranceExpired ? (
                    <Badge color="red" variant="light">
                      {t('harbour.boats.insuranceExpired')} ({formatDate(b.insuranceExpiry!, lang)})
                    </Badge>
                  ) : b.insuranceExpiry ? (
                    t('harbour.boats.insuranceUntil', { date: formatDate(b.insuranceExpiry, lang) })
                  ) : (
                    <Text span c="dimmed" size="sm">
                      {t('harbour.boats.insuranceUnknown')}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {canWrite && (
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        leftSection={<IconPencil size={12} />}
                        onClick={() => setEditing(b)}
                        aria-label={`${t('harbour.boats.edit')} ${b.name}`}
                      >
                        {t('harbour.boats.edit')}
                      </Button>
                      <Button size="compact-xs" variant="subtle" component="a" href={newContract(b.id)}>
                        {t('harbour.boats.newContract')}
                      </Button>
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {contracts.data && contracts.data.items.length > 0 && (
        <>
          <Title order={3} size="h6" mt="md" mb={4}>
            {t('harbour.boats.contracts')}
          </Title>
          <Table fz="sm" verticalSpacing={4} highlightOnHover>
            <Table.Tbody>
              {contracts.data.items.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <a
                      href={formatRoute({
                        name: 'area',
                        workspace,
                        section: 'contracts',
                        rest: [c.id],
                        params: {},
                      })}
                    >
                      {c.contractNumber}
                    </a>
                  </Table.Td>
                  <Table.Td>
                    {t(`harbour.contractKind.${c.kind}`)}{' '}
                    {t(`harbour.contractType.${c.contractType}`).toLowerCase()}
                  </Table.Td>
                  <Table.Td>{c.boatName}</Table.Td>
                  <Table.Td>{c.berthCode ?? '—'}</Table.Td>
                  <Table.Td>
                    {formatDate(c.startDate, lang)} → {formatDate(c.effectiveEndDate, lang)}
                  </Table.Td>
                  <Table.Td ta="right">
                    {c.kind === 'termination' ? '—' : formatMoney(c.totalGrossMinor, c.currency, lang)}
                  </Table.Td>
                  <Table.Td>
                    <ContractStatusBadge status={c.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      {editing && (
        <BoatFormModal
          customerId={customerId}
          boat={editing === 'new' ? null : editing}
          opened
          onClose={() => setEditing(null)}
        />
      )}
    </Paper>
  )
}
