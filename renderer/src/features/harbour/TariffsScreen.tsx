import { Button, Group, Modal, Skeleton, Stack, Table, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Tariff } from '../../../../preload/contract'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import { mayCall } from '../../app/access'
import type { AreaScreenProps } from '../../app/areaSection'
import { navigate } from '../../app/navigation'
import { DateField } from '../../components/DateField'
import { notifySuccess } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { requiredField } from '../../components/requiredField'
import { formatDate, formatMoney } from '../../lib/format'
import { useCurrentSession } from '../../session/useSession'
import { amountToMinor, bpToPercent, cmToMetres, minorToAmount, percentToBp } from './harbourFormat'
import { serverFieldErrors } from './serverErrors'
import { useHarbourSaved } from './useHarbourSaved'

function vatOf(net: number, bp: number) {
  return Math.floor((net * bp + 5000) / 10000)
}

function useLengthClass() {
  const { t, i18n } = useTranslation()
  return (tariff: Tariff) => {
    const from = cmToMetres(tariff.lengthFromCm, i18n.language).replace(/[,.]00$/, '')
    const to = cmToMetres(tariff.lengthToCm, i18n.language).replace(/[,.]00$/, '')
    if (tariff.lengthFromCm === 0) return t('harbour.tariffs.lengthBelow', { to })
    if (tariff.lengthToCm >= 2500) return t('harbour.tariffs.lengthAbove', { from })
    return t('harbour.tariffs.lengthFrom', { from, to })
  }
}

function ReviseModal({ tariff, onClose }: { tariff: Tariff; onClose: () => void }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const saved = useHarbourSaved()
  const revise = useChannelMutation('harbour.tariffs.revise')
  const history = useChannelQuery('harbour.tariffs.history', { id: tariff.id })
  const lengthClass = useLengthClass()
  const form = useForm({
    initialValues: {
      net: minorToAmount(tariff.netMinor, lang),
      vat: bpToPercent(tariff.vatRateBp, lang),
      validFrom: '',
    },
    validate: {
      net: (v) => (amountToMinor(v) ? null : t('validation.amountMinor')),
      vat: (v) => (percentToBp(v) !== null ? null : t('validation.invalid')),
      validFrom: (v) => (v ? null : t('validation.required')),
    },
  })
  return (
    <Modal opened onClose={onClose} title={t('harbour.tariffs.reviseTitle')} size="lg">
      <Text size="sm" mb="xs">
        {t(`harbour.contractType.${tariff.contractType}`)} · {t(`harbour.season.${tariff.season}`)} ·{' '}
        {lengthClass(tariff)}
      </Text>
      <Text size="sm" c="dimmed" mb="sm">
        {t('harbour.tariffs.reviseHelp')}
      </Text>
      <form
        noValidate
        onSubmit={form.onSubmit(async (v) => {
          try {
            await revise.mutateAsync({
              id: tariff.id,
              netMinor: amountToMinor(v.net)!,
              vatRateBp: percentToBp(v.vat)!,
              validFrom: v.validFrom,
            })
            notifySuccess(t('harbour.tariffs.saved'))
            saved()
            onClose()
          } catch (error) {
            form.setErrors(
              serverFieldErrors(
                t,
                error,
                (p) => ({ netMinor: 'net', vatRateBp: 'vat', validFrom: 'validFrom' })[p] ?? null,
              ),
            )
          }
        })}
      >
        <Group grow align="flex-start">
          <TextInput
            label={t('harbour.tariffs.newNet')}
            inputMode="decimal"
            {...requiredField}
            data-autofocus
            {...form.getInputProps('net')}
          />
          <TextInput
            label={t('harbour.tariffs.newVat')}
            inputMode="decimal"
            {...requiredField}
            {...form.getInputProps('vat')}
          />
          <DateField
            label={t('harbour.tariffs.effectiveFrom')}
            {...requiredField}
            {...form.getInputProps('validFrom')}
          />
        </Group>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t('harbour.tariffs.cancel')}
          </Button>
          <Button type="submit" loading={revise.isPending}>
            {t('harbour.tariffs.save')}
          </Button>
        </Group>
      </form>
      {history.data && (
        <>
          <Text fw={600} size="sm" mt="md">
            {t('harbour.tariffs.history')}
          </Text>
          <Table fz="sm" verticalSpacing={2}>
            <Table.Tbody>
              {history.data.map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td>{formatDate(h.validFrom, lang)}</Table.Td>
                  <Table.Td ta="right">{formatMoney(h.netMinor, h.currency, lang)}</Table.Td>
                  <Table.Td ta="right">{bpToPercent(h.vatRateBp, lang)} %</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Modal>
  )
}

/** The tariff grid in force on a date; a supervisor revises a price from a date (a new version). */
export function TariffsScreen({ workspace, params }: AreaScreenProps) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const role = useCurrentSession().staff.role
  const date =
    params.date && /^\d{4}-\d{2}-\d{2}$/.test(params.date)
      ? params.date
      : new Date().toISOString().slice(0, 10)
  const tariffs = useChannelQuery('harbour.tariffs.list', { date })
  const [revising, setRevising] = useState<Tariff | null>(null)
  const lengthClass = useLengthClass()
  const canRevise = mayCall(role, 'harbour.tariffs.revise')
  return (
    <Stack gap="md" maw={1100}>
      <PageHeader
        title={t('harbour.tariffs.title')}
        actions={
          <DateField
            label={t('harbour.tariffs.date')}
            clearable={false}
            value={date}
            onChange={(value) =>
              value &&
              navigate(
                {
                  name: 'area',
                  workspace,
                  section: 'tariffs',
                  rest: [],
                  params: { date: value },
                },
                { replace: true },
              )
            }
          />
        }
      />
      {tariffs.isError && <QueryError error={tariffs.error} onRetry={() => void tariffs.refetch()} />}
      {!tariffs.data ? (
        !tariffs.isError && <Skeleton h={300} />
      ) : (
        <Table striped highlightOnHover fz="sm" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('harbour.tariffs.type')}</Table.Th>
              <Table.Th>{t('harbour.tariffs.season')}</Table.Th>
              <Table.Th>{t('harbour.tariffs.lengthClass')}</Table.Th>
              <Table.Th ta="right">{t('harbour.tariffs.net')}</Table.Th>
              <Table.Th ta="right">{t('harbour.tariffs.vat')}</Table.Th>
              <Table.Th ta="right">{t('harbour.tariffs.gross')}</Table.Th>
              <Table.Th>{t('harbour.tariffs.validFrom')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {tariffs.data.map((tf) => (
              <Table.Tr key={tf.id}>
                <Table.Td>{t(`harbour.contractType.${tf.contractType}`)}</Table.Td>
                <Table.Td>{t(`harbour.season.${tf.season}`)}</Table.Td>
                <Table.Td>{lengthClass(tf)}</Table.Td>
                <Table.Td ta="right">
                  {formatMoney(tf.netMinor, tf.currency, lang)}
                  {tf.contractType === 'passage' ? ` ${t('harbour.tariffs.perNight')}` : ''}
                </Table.Td>
                <Table.Td ta="right">{bpToPercent(tf.vatRateBp, lang)} %</Table.Td>
                <Table.Td ta="right">
                  {formatMoney(tf.netMinor + vatOf(tf.netMinor, tf.vatRateBp), tf.currency, lang)}
                </Table.Td>
                <Table.Td>
                  {formatDate(tf.validFrom, lang)}
                  {tf.supersededFrom && (
                    <Text span size="xs" c="orange" ml={6}>
                      {t('harbour.tariffs.next', { date: formatDate(tf.supersededFrom, lang) })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {canRevise && (
                    <Button size="compact-xs" variant="subtle" onClick={() => setRevising(tf)}>
                      {t('harbour.tariffs.revise')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {revising && <ReviseModal tariff={revising} onClose={() => setRevising(null)} />}
    </Stack>
  )
}
