import {
  Badge,
  Box,
  Button,
  Drawer,
  Group,
  Paper,
  Select,
  Skeleton,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { berthStatuses, type Occupancy, occupancies, type PlanBerth } from '../../../../preload/contract'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import { mayCall } from '../../app/access'
import type { AreaScreenProps } from '../../app/areaSection'
import { navigate } from '../../app/navigation'
import { formatRoute, type Workspace } from '../../app/routes'
import { DateField } from '../../components/DateField'
import { notifyError, notifySuccess } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { formatDate, formatMoney } from '../../lib/format'
import { useCurrentSession } from '../../session/useSession'
import { ContractStatusBadge } from './ContractStatusBadge'
import { cmToMetres, todayIso } from './harbourFormat'
import { useHarbourSaved } from './useHarbourSaved'

/** Colours of the legend and the berths: the same everywhere a berth's state is shown. */
export const occupancyColors: Record<Occupancy, { bg: string; fg: string; border: string }> = {
  free: {
    bg: 'var(--mantine-color-body)',
    fg: 'var(--mantine-color-text)',
    border: 'var(--mantine-color-green-6)',
  },
  contract: { bg: 'var(--mantine-color-blue-6)', fg: 'white', border: 'var(--mantine-color-blue-8)' },
  visitor: { bg: 'var(--mantine-color-grape-5)', fg: 'white', border: 'var(--mantine-color-grape-7)' },
  reserved: { bg: 'var(--mantine-color-orange-4)', fg: 'black', border: 'var(--mantine-color-orange-7)' },
  out_of_service: { bg: 'var(--mantine-color-gray-6)', fg: 'white', border: 'var(--mantine-color-dark-4)' },
}

function Legend({ counts }: { counts: Record<Occupancy, number> }) {
  const { t } = useTranslation()
  return (
    <Group gap="md" aria-label={t('harbour.plan.legend')} role="list">
      {occupancies.map((o) => (
        <Group key={o} gap={6} role="listitem">
          <Box
            w={16}
            h={16}
            style={{
              background: occupancyColors[o].bg,
              border: `2px solid ${occupancyColors[o].border}`,
              borderRadius: 3,
            }}
          />
          <Text size="sm">
            {t(`harbour.occupancy.${o}`)}{' '}
            <Text span c="dimmed">
              ({counts[o]})
            </Text>
          </Text>
        </Group>
      ))}
    </Group>
  )
}

function BerthCell({ berth, onOpen }: { berth: PlanBerth; onOpen: () => void }) {
  const { t } = useTranslation()
  const c = occupancyColors[berth.occupancy]
  const state = `${t(`harbour.occupancy.${berth.occupancy}`)}${berth.boatName ? `, ${berth.boatName}` : ''}`
  return (
    <UnstyledButton
      onClick={onOpen}
      aria-label={t('harbour.plan.berthAria', { code: berth.code, state })}
      title={state}
      data-occupancy={berth.occupancy}
      style={{
        width: 46,
        height: 38,
        background: c.bg,
        color: c.fg,
        border: `2px solid ${c.border}`,
        borderRadius: 4,
        fontSize: 11,
        fontWeight: 600,
        textAlign: 'center',
        lineHeight: 1.1,
        backgroundImage:
          berth.occupancy === 'out_of_service'
            ? 'repeating-linear-gradient(45deg, transparent 0 4px, rgba(0,0,0,.25) 4px 6px)'
            : undefined,
      }}
    >
      {berth.code}
      <br />
      <span style={{ fontWeight: 400, fontSize: 9 }}>{berth.maxLengthCm / 100} m</span>
    </UnstyledButton>
  )
}

function BerthDrawer({
  workspace,
  berthId,
  date,
  onClose,
}: {
  workspace: Workspace
  berthId: string
  date: string
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const role = useCurrentSession().staff.role
  const occupant = useChannelQuery('harbour.berths.occupant', { berthId, date })
  const update = useChannelMutation('harbour.berths.update')
  const saved = useHarbourSaved()
  const o = occupant.data
  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      title={o ? t('harbour.plan.berthTitle', { code: o.berth.code }) : ''}
    >
      {!o ? (
        <Skeleton h={200} />
      ) : (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge
              variant="filled"
              style={{
                background: occupancyColors[o.occupancy].bg,
                color: occupancyColors[o.occupancy].fg,
                border: `1px solid ${occupancyColors[o.occupancy].border}`,
              }}
            >
              {t(`harbour.occupancy.${o.occupancy}`)}
            </Badge>
            <Text size="sm" c="dimmed">
              {t('harbour.plan.limits', {
                length: cmToMetres(o.berth.maxLengthCm, lang),
                beam: cmToMetres(o.berth.maxBeamCm, lang),
              })}
            </Text>
          </Group>
          <Title order={3} size="h6">
            {t('harbour.plan.who', { date: formatDate(date, lang) })}
          </Title>
          {o.contract ? (
            <Paper withBorder p="sm">
              <Stack gap={4}>
                <Text fw={600}>{o.contract.boatName}</Text>
                <Text size="sm">{o.contract.customerName}</Text>
                <Text size="sm">
                  {o.contract.contractNumber} · {t(`harbour.contractType.${o.contract.contractType}`)}{' '}
                  <ContractStatusBadge status={o.contract.status} />
                </Text>
                <Text size="sm">
                  {t('harbour.plan.period', {
                    from: formatDate(o.contract.startDate, lang),
                    to: formatDate(o.contract.effectiveEndDate, lang),
                  })}
                </Text>
                <Text size="sm">{formatMoney(o.contract.totalGrossMinor, o.contract.currency, lang)}</Text>
                <Group gap="xs" mt={4}>
                  <Button
                    size="xs"
                    component="a"
                    href={formatRoute({
                      name: 'area',
                      workspace,
                      section: 'contracts',
                      rest: [o.contract.id],
                      params: {},
                    })}
                  >
                    {t('harbour.plan.openContract')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    component="a"
                    href={formatRoute({ name: 'customer', workspace, id: o.contract.customerId })}
                  >
                    {t('harbour.plan.openCustomer')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          ) : (
            <Text size="sm" c="dimmed">
              {t('harbour.plan.nobody')}
            </Text>
          )}
          {o.upcoming.length > 0 && (
            <>
              <Title order={3} size="h6">
                {t('harbour.plan.upcoming')}
              </Title>
              {o.upcoming.map((u) => (
                <Text size="sm" key={u.id}>
                  <a
                    href={formatRoute({
                      name: 'area',
                      workspace,
                      section: 'contracts',
                      rest: [u.id],
                      params: {},
                    })}
                  >
                    {u.contractNumber}
                  </a>{' '}
                  · {u.boatName} · {formatDate(u.startDate, lang)} → {formatDate(u.effectiveEndDate, lang)}
                </Text>
              ))}
            </>
          )}
          {mayCall(role, 'harbour.berths.update') && (
            <Select
              label={t('harbour.plan.setStatus')}
              data={berthStatuses.map((s) => ({ value: s, label: t(`harbour.berthStatus.${s}`) }))}
              value={o.berth.status}
              allowDeselect={false}
              onChange={async (status) => {
                if (!status) return
                try {
                  await update.mutateAsync({
                    id: o.berth.id,
                    expectedVersion: o.berth.version,
                    status: status as never,
                  })
                  notifySuccess(t('harbour.plan.statusSaved'))
                  saved()
                } catch (error) {
                  notifyError(t, error)
                }
              }}
            />
          )}
        </Stack>
      )}
    </Drawer>
  )
}

/** The berth plan: pontoons × berths coloured by occupancy on a chosen date (`?date=`). */
export function BerthPlanScreen({ workspace, params }: AreaScreenProps) {
  const { t } = useTranslation()
  const date = params.date && /^\d{4}-\d{2}-\d{2}$/.test(params.date) ? params.date : todayIso()
  const cursor = params.cursor
  const plan = useChannelQuery('harbour.berths.plan', { date, ...(cursor ? { cursor } : {}) })
  const [open, setOpen] = useState<string | null>(null)
  const go = (next: Record<string, string>) =>
    navigate({ name: 'area', workspace, section: 'berths', rest: [], params: next }, { replace: true })
  return (
    <Stack gap="md">
      <PageHeader
        title={t('harbour.plan.title')}
        actions={
          <DateField
            label={t('harbour.plan.date')}
            clearable={false}
            value={date}
            onChange={(value) => value && go({ date: value })}
          />
        }
      />
      {plan.isError && <QueryError error={plan.error} onRetry={() => void plan.refetch()} />}
      {plan.data ? (
        <>
          <Legend counts={plan.data.counts} />
          {plan.data.pontoons.map((p) => (
            <Paper
              withBorder
              p="sm"
              key={p.id}
              component="section"
              aria-label={t('harbour.plan.pontoon', { code: p.code })}
            >
              <Group gap="xs" mb={6}>
                <Title order={2} size="h6">
                  {t('harbour.plan.pontoon', { code: p.code })}
                </Title>
                <Text size="xs" c="dimmed">
                  {p.name}
                </Text>
              </Group>
              <Group gap={4}>
                {p.berths.map((b) => (
                  <BerthCell key={b.id} berth={b} onOpen={() => setOpen(b.id)} />
                ))}
              </Group>
            </Paper>
          ))}
          <Group>
            {cursor && (
              <Button variant="default" onClick={() => go({ date })}>
                {t('harbour.plan.first')}
              </Button>
            )}
            {plan.data.nextCursor && (
              <Button variant="default" onClick={() => go({ date, cursor: plan.data.nextCursor! })}>
                {t('harbour.plan.next')}
              </Button>
            )}
          </Group>
        </>
      ) : (
        !plan.isError && <Skeleton h={400} />
      )}
      {open && <BerthDrawer workspace={workspace} berthId={open} date={date} onClose={() => setOpen(null)} />}
    </Stack>
  )
}
