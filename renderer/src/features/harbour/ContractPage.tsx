import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconArrowLeft, IconDownload, IconEye, IconLock } from '@tabler/icons-react'
import { Fragment, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HarbourContract } from '../../../../preload/contract'
import { call } from '../../api/call'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import { mayCall } from '../../app/access'
import { formatRoute, type Workspace } from '../../app/routes'
import { DateField } from '../../components/DateField'
import { notifyError, notifySuccess } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { requiredField } from '../../components/requiredField'
import { objectUrlOf, saveDownload } from '../../lib/download'
import { formatDate, formatDateTime, formatMoney } from '../../lib/format'
import { useCurrentSession } from '../../session/useSession'
import { ContractStatusBadge } from './ContractStatusBadge'
import { cmToMetres } from './harbourFormat'
import { serverFieldErrors } from './serverErrors'
import { useHarbourSaved } from './useHarbourSaved'

function Fields({ rows }: { rows: [string, React.ReactNode][] }) {
  return (
    <dl className="g-fields">
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  )
}

function PdfViewer({ url, onClose }: { url: string; onClose: () => void }) {
  const { t } = useTranslation()
  useEffect(() => () => URL.revokeObjectURL(url), [url])
  return (
    <Modal opened onClose={onClose} size="90%" title={t('harbour.contract.viewPdf')}>
      <iframe
        src={url}
        title={t('harbour.contract.viewPdf')}
        style={{ width: '100%', height: '75vh', border: 0 }}
      />
    </Modal>
  )
}

/** The three mandatory steps (seed 002), as checkboxes taken in order, each with its recorded moment. */
function SignatureSteps({ contract }: { contract: HarbourContract }) {
  const { t, i18n } = useTranslation()
  const role = useCurrentSession().staff.role
  const saved = useHarbourSaved()
  const sign = useChannelMutation('harbour.contracts.signStep')
  const [errors, setErrors] = useState<Record<string, React.ReactNode>>({})
  const done = new Map(contract.signatureSteps.map((s) => [s.step, s]))
  const next = ([1, 2, 3] as const).find((s) => !done.has(s))
  const canSign = contract.status === 'draft' && mayCall(role, 'harbour.contracts.signStep')
  const paper = contract.status === 'signed' && contract.signatureSteps.length === 0 && contract.signedAt
  return (
    <Paper withBorder p="md" aria-labelledby="signature-title">
      <Title order={2} size="h5" id="signature-title" mb={4}>
        {t('harbour.contract.signature')}
      </Title>
      {paper ? (
        <Text size="sm">
          {t('harbour.contract.paperSigned', { at: formatDateTime(contract.signedAt!, i18n.language) })}
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" mb="sm">
            {t('harbour.contract.signatureHelp')}
          </Text>
          <Stack gap="sm">
            {([1, 2, 3] as const).map((step) => {
              const record = done.get(step)
              return (
                <Checkbox
                  key={step}
                  label={`${step}. ${t(`harbour.contract.step${step}`)}`}
                  checked={!!record}
                  disabled={!canSign || step !== next || sign.isPending}
                  error={errors[`step${step}`]}
                  description={
                    record
                      ? t('harbour.contract.stepDone', {
                          at: formatDateTime(record.at, i18n.language),
                          by: record.staffName ?? '—',
                          desk: record.deskId,
                        })
                      : undefined
                  }
                  onChange={async () => {
                    try {
                      await sign.mutateAsync({ id: contract.id, step })
                      setErrors({})
                      notifySuccess(
                        step === 3
                          ? t('harbour.contract.signedToast')
                          : t('harbour.contract.stepToast', { step }),
                      )
                      saved()
                    } catch (error) {
                      setErrors(serverFieldErrors(t, error) as Record<string, React.ReactNode>)
                    }
                  }}
                />
              )
            })}
          </Stack>
        </>
      )}
      {contract.status === 'signed' && contract.signedAt && !paper && (
        <Alert mt="md" color="teal" variant="light" icon={<IconLock size={18} />}>
          <Text fw={600} size="sm">
            {t('harbour.contract.signedOn', { at: formatDateTime(contract.signedAt, i18n.language) })}
          </Text>
          <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {t('harbour.contract.sha')} : {contract.signedSha256}
          </Text>
        </Alert>
      )}
    </Paper>
  )
}

function TerminateModal({ contract, onClose }: { contract: HarbourContract; onClose: () => void }) {
  const { t } = useTranslation()
  const saved = useHarbourSaved()
  const terminate = useChannelMutation('harbour.contracts.terminate')
  const form = useForm({ initialValues: { effectiveDate: '', reason: '' } })
  return (
    <Modal opened onClose={onClose} title={t('harbour.contract.terminateTitle')}>
      <form
        noValidate
        onSubmit={form.onSubmit(async (v) => {
          try {
            const termination = await terminate.mutateAsync({ id: contract.id, ...v })
            notifySuccess(t('harbour.contract.terminated'))
            saved()
            onClose()
            window.location.hash = formatRoute({
              name: 'area',
              workspace: 'harbour',
              section: 'contracts',
              rest: [termination.id],
              params: {},
            })
          } catch (error) {
            form.setErrors(serverFieldErrors(t, error))
          }
        })}
      >
        <Stack gap="sm">
          <DateField
            label={t('harbour.contract.effectiveDate')}
            {...requiredField}
            data-autofocus
            {...form.getInputProps('effectiveDate')}
          />
          <Textarea
            label={t('harbour.contract.reason')}
            {...requiredField}
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={terminate.isPending}>
              {t('harbour.contract.confirmTerminate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

/** A contract: what it says, its PDF, its signature in three steps, its amendments and termination. */
export function ContractPage({ workspace, id }: { workspace: Workspace; id: string }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const role = useCurrentSession().staff.role
  const saved = useHarbourSaved()
  const contract = useChannelQuery('harbour.contracts.get', { id })
  const cancel = useChannelMutation('harbour.contracts.cancel')
  const [viewer, setViewer] = useState<string | null>(null)
  const [terminating, setTerminating] = useState(false)
  const [busy, setBusy] = useState(false)
  const back = (
    <Button
      component="a"
      href={formatRoute({ name: 'area', workspace, section: 'contracts', rest: [], params: {} })}
      variant="default"
      leftSection={<IconArrowLeft size={16} />}
    >
      {t('harbour.contract.back')}
    </Button>
  )
  if (contract.isError)
    return (
      <Stack>
        <PageHeader title={t('harbour.contracts.title')} actions={back} />
        <QueryError error={contract.error} onRetry={() => void contract.refetch()} />
      </Stack>
    )
  const c = contract.data
  if (!c) return <Skeleton h={400} />
  const fetchPdf = async (signed: boolean) => {
    setBusy(true)
    try {
      return await call(signed ? 'harbour.contracts.signedPdf' : 'harbour.contracts.pdf', { id })
    } finally {
      setBusy(false)
    }
  }
  const archived = c.status === 'signed' && c.signatureSteps.some((s) => s.step === 3)
  return (
    <Stack gap="md" maw={1100}>
      <PageHeader
        title={t('harbour.contract.title', {
          kind: t(`harbour.contractKind.${c.kind}`),
          number: c.contractNumber,
        })}
        subtitle={
          <Group gap="xs" component="span">
            <span>{t(`harbour.contractType.${c.contractType}`)}</span>
            <ContractStatusBadge status={c.status} />
          </Group>
        }
        actions={
          <>
            {back}
            <Button
              variant="default"
              leftSection={<IconEye size={16} />}
              loading={busy}
              onClick={async () => {
                try {
                  setViewer(objectUrlOf(await fetchPdf(false)))
                } catch (error) {
                  notifyError(t, error)
                }
              }}
            >
              {t('harbour.contract.viewPdf')}
            </Button>
            <Button
              leftSection={<IconDownload size={16} />}
              loading={busy}
              onClick={async () => {
                try {
                  saveDownload(await fetchPdf(archived))
                } catch (error) {
                  notifyError(t, error)
                }
              }}
            >
              {archived ? t('harbour.contract.signedPdf') : t('harbour.contract.downloadPdf')}
            </Button>
          </>
        }
      />
      {c.status === 'signed' && c.kind !== 'termination' && (
        <Alert color="gray" variant="light" icon={<IconLock size={18} />}>
          <Group justify="space-between">
            <Text size="sm">{t('harbour.contract.signedNotice')}</Text>
            {mayCall(role, 'harbour.contracts.terminate') && c.effectiveEndDate === c.endDate && (
              <Button size="xs" color="red" variant="light" onClick={() => setTerminating(true)}>
                {t('harbour.contract.terminate')}
              </Button>
            )}
          </Group>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">
            {t('harbour.contract.parties')}
          </Title>
          <Fields
            rows={[
              [
                t('harbour.contract.customer'),
                <a key="c" href={formatRoute({ name: 'customer', workspace, id: c.customerId })}>
                  {c.customerName}
                </a>,
              ],
              [
                t('harbour.contract.boat'),
                `${c.boat.name} (${c.boat.registration}) — ${cmToMetres(c.boat.lengthCm, lang)} × ${cmToMetres(c.boat.beamCm, lang)} m`,
              ],
              [t('harbour.contract.homePort'), c.homePort],
              [t('harbour.contract.paymentMethod'), t(`harbour.paymentMethod.${c.paymentMethod}`)],
              [t('harbour.contract.instalments'), String(c.instalments)],
            ]}
          />
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">
            {t('harbour.contract.period')}
          </Title>
          <Fields
            rows={[
              [t('harbour.contract.berth'), c.berthCode ?? '—'],
              [
                t('harbour.contract.period'),
                `${formatDate(c.startDate, lang)} → ${formatDate(c.endDate, lang)}`,
              ],
              ...(c.effectiveEndDate !== c.endDate
                ? ([[t('harbour.contract.effectiveEnd'), formatDate(c.effectiveEndDate, lang)]] as [
                    string,
                    string,
                  ][])
                : []),
              ...(c.referencesId
                ? ([
                    [
                      t('harbour.contract.references'),
                      <a
                        key="r"
                        href={formatRoute({
                          name: 'area',
                          workspace,
                          section: 'contracts',
                          rest: [c.referencesId],
                          params: {},
                        })}
                      >
                        {c.referencesId}
                      </a>,
                    ],
                  ] as [string, React.ReactNode][])
                : []),
              [
                t('harbour.contract.amount'),
                <Text key="a" span fw={700}>
                  {formatMoney(c.totalGrossMinor, c.currency, lang)}
                </Text>,
              ],
            ]}
          />
        </Paper>
      </SimpleGrid>
      {c.pricing.length > 0 && (
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">
            {t('harbour.contract.lines')}
          </Title>
          <Table fz="sm" verticalSpacing={2}>
            <Table.Tbody>
              {c.pricing.map((l) => (
                <Table.Tr key={l.tariffId + l.label}>
                  <Table.Td>{l.label}</Table.Td>
                  <Table.Td ta="right">
                    {l.quantity} × {formatMoney(l.unitNetMinor, c.currency, lang)}
                  </Table.Td>
                  <Table.Td ta="right">{l.vatRateBp / 100} %</Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td ta="right">HT / TVA</Table.Td>
                <Table.Td ta="right">{formatMoney(c.totalNetMinor, c.currency, lang)}</Table.Td>
                <Table.Td ta="right">{formatMoney(c.totalVatMinor, c.currency, lang)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      {c.kind !== 'termination' && c.status !== 'cancelled' && <SignatureSteps contract={c} />}
      {c.followers.length > 0 && (
        <Paper withBorder p="md">
          <Title order={2} size="h5" mb="xs">
            {t('harbour.contract.followers')}
          </Title>
          {c.followers.map((f) => (
            <Text size="sm" key={f.id}>
              <a
                href={formatRoute({
                  name: 'area',
                  workspace,
                  section: 'contracts',
                  rest: [f.id],
                  params: {},
                })}
              >
                {f.contractNumber}
              </a>{' '}
              · {t(`harbour.contractKind.${f.kind}`)} · {formatDate(f.startDate, lang)}{' '}
              <Badge size="xs" variant="light">
                {t(`harbour.contractStatus.${f.status}`)}
              </Badge>
            </Text>
          ))}
        </Paper>
      )}
      {c.status === 'draft' && mayCall(role, 'harbour.contracts.cancel') && (
        <Group>
          <Button
            variant="subtle"
            color="red"
            onClick={async () => {
              try {
                await cancel.mutateAsync({ id })
                notifySuccess(t('harbour.contract.cancelled'))
                saved()
              } catch (error) {
                notifyError(t, error)
              }
            }}
          >
            {t('harbour.contract.cancelDraft')}
          </Button>
        </Group>
      )}
      {viewer && <PdfViewer url={viewer} onClose={() => setViewer(null)} />}
      {terminating && <TerminateModal contract={c} onClose={() => setTerminating(false)} />}
    </Stack>
  )
}
