import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Skeleton,
  Stack,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core'
import { IconCalendar, IconLock, IconRefresh } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type barringCodes, fleetUserLanguages, type LineDetail } from '../../../../preload/contract/fleet'
import { call } from '../../api/call'
import { useChannelQuery } from '../../api/hooks'
import { channelKey } from '../../api/queryKeys'
import type { Workspace } from '../../app/routes'
import { DateField } from '../../components/DateField'
import { IssueText } from '../../components/IssueText'
import { notifyError, notifySuccess } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { formatDate, formatMoney } from '../../lib/format'
import { LineRequests } from '../provisioning/LineRequests'
import { AddressInputs, type AddressValues, emptyAddress } from './AddressInputs'
import { FleetBreadcrumbs } from './FleetBreadcrumbs'
import { formatIccid, statusColor } from './fleetFormat'
import { formatFleetPhone } from './formatPhone'
import { addressIssues, issueAt, issuesWithoutField } from './issueAt'
import { LineActionDialog } from './LineActionDialog'
import { useFieldErrors } from './useFieldErrors'

/** What each status allows (the same table main applies: lineStatus.ts). */
const allowed: Record<LineDetail['status'], string[]> = {
  PENDING: ['activate', 'swap', 'stop', 'edit'],
  ACTIVE: ['swap', 'suspend', 'stop', 'edit'],
  SUSPENDED: ['swap', 'reactivate', 'stop', 'edit'],
  STOPPED: [],
}

/** One line: its SIM (ICCID, PUK for agents), life-cycle actions, user data, address, barrings. */
export function LineDetailScreen({
  workspace,
  customerId,
  lineId,
}: {
  workspace: Workspace
  customerId: string
  lineId: string
}) {
  const { t, i18n } = useTranslation()
  const client = useQueryClient()
  const line = useChannelQuery('fleet.lines.get', { id: lineId })
  const account = useChannelQuery('fleet.accounts.get', { customerId })
  const catalog = useChannelQuery('fleet.catalog.get', {})
  const [dialog, setDialog] = useState<null | 'activate' | 'swap' | 'stop'>(null)
  const planName = (code: string) => catalog.data?.plans.find((p) => p.code === code)?.name ?? code
  const optionName = (code: string) => catalog.data?.options.find((o) => o.code === code)?.name ?? code

  const refresh = (data?: LineDetail) => {
    if (data) client.setQueryData(channelKey('fleet.lines.get', { id: lineId }), data)
    void client.invalidateQueries({ queryKey: ['provisioning.list'] })
    void client.invalidateQueries({ queryKey: ['fleet.lines.list'] })
  }
  const simple = async (channel: 'fleet.lines.suspend' | 'fleet.lines.reactivate', message: string) => {
    try {
      refresh(await call(channel, { id: lineId }))
      notifySuccess(message)
    } catch (error) {
      notifyError(t, error)
    }
  }

  if (line.isError) return <QueryError error={line.error} onRetry={() => void line.refetch()} />
  if (!line.data) return <Skeleton h={300} />
  const l = line.data
  const can = (action: string) => allowed[l.status].includes(action)

  return (
    <Stack gap="xs">
      <FleetBreadcrumbs
        workspace={workspace}
        account={{ customerId, name: account.data?.name }}
        current={formatFleetPhone(l.phoneNumber)}
      />
      <PageHeader
        title={formatFleetPhone(l.phoneNumber)}
        subtitle={
          <Group gap="xs">
            <Badge color={statusColor[l.status]} variant="light">
              {t(`fleet.status.${l.status}`)}
            </Badge>
            <span>
              {l.description} · {l.userName}
            </span>
          </Group>
        }
        actions={
          <>
            {can('activate') && (
              <Button leftSection={<IconCalendar size={16} />} onClick={() => setDialog('activate')}>
                {t('fleet.line.activate')}
              </Button>
            )}
            {can('swap') && (
              <Button
                variant="default"
                leftSection={<IconRefresh size={16} />}
                onClick={() => setDialog('swap')}
              >
                {t('fleet.line.swap')}
              </Button>
            )}
            {can('suspend') && (
              <Button
                variant="default"
                onClick={() => void simple('fleet.lines.suspend', t('fleet.line.suspendRequested'))}
              >
                {t('fleet.line.suspend')}
              </Button>
            )}
            {can('reactivate') && (
              <Button
                variant="default"
                onClick={() => void simple('fleet.lines.reactivate', t('fleet.line.reactivateRequested'))}
              >
                {t('fleet.line.reactivate')}
              </Button>
            )}
            {can('stop') && (
              <Button color="red" variant="light" onClick={() => setDialog('stop')}>
                {t('fleet.line.stop')}
              </Button>
            )}
          </>
        }
      />
      {l.status === 'PENDING' && l.activationDate && (
        <Alert color="blue" variant="light" p="xs" icon={<IconCalendar size={16} />}>
          {t('fleet.line.willActivate', { date: formatDate(l.activationDate, i18n.language) })}
        </Alert>
      )}
      {l.status === 'STOPPED' && (
        <Alert color="gray" variant="light" p="xs">
          {t('fleet.line.stoppedOn', {
            date: l.stoppedAt ? formatDate(l.stoppedAt.slice(0, 10), i18n.language) : '',
          })}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="sm">
            <SimpleGrid cols={2} spacing="xs" verticalSpacing={6}>
              <Field label={t('fleet.line.plan')} value={planName(l.tariffPlanCode)} />
              <Field label={t('fleet.line.billingAccount')} value={l.billingAccountNumber} />
              <Field label={t('fleet.line.options')} value={l.options.map(optionName).join(', ') || '—'} />
              <Field label={t('fleet.line.numberSource')} value={t(`fleet.numberSource.${l.numberSource}`)} />
              <Field
                label={t('fleet.line.iccid')}
                value={l.iccid ? formatIccid(l.iccid) : <HiddenSecret />}
              />
              <Field label={t('fleet.line.puk')} value={l.puk ?? <HiddenSecret />} />
              <Field
                label={t('fleet.line.payByMobile')}
                value={
                  l.payByMobileLimitMinor
                    ? formatMoney(l.payByMobileLimitMinor, 'EUR', i18n.language)
                    : t('fleet.line.payByMobileOff')
                }
              />
              <Field
                label={t('fleet.line.activatedAt')}
                value={l.activatedAt ? formatDate(l.activatedAt.slice(0, 10), i18n.language) : '—'}
              />
            </SimpleGrid>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="sm">
            <Tabs defaultValue="user" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="user">{t('fleet.line.tabs.user')}</Tabs.Tab>
                <Tabs.Tab value="address">{t('fleet.line.tabs.address')}</Tabs.Tab>
                <Tabs.Tab value="barrings">{t('fleet.line.tabs.barrings')}</Tabs.Tab>
                <Tabs.Tab value="payByMobile">{t('fleet.line.tabs.payByMobile')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="user" pt="sm">
                <UserForm line={l} onSaved={refresh} disabled={!can('edit')} />
              </Tabs.Panel>
              <Tabs.Panel value="address" pt="sm">
                <AddressForm line={l} onSaved={refresh} disabled={!can('edit')} />
              </Tabs.Panel>
              <Tabs.Panel value="barrings" pt="sm">
                <BarringsForm line={l} onSaved={refresh} disabled={!can('edit')} />
              </Tabs.Panel>
              <Tabs.Panel value="payByMobile" pt="sm">
                <PayByMobileForm line={l} onSaved={refresh} disabled={!can('edit')} />
              </Tabs.Panel>
            </Tabs>
          </Paper>
        </Grid.Col>
      </Grid>
      <Paper withBorder p="sm">
        <LineRequests lineId={l.id} />
      </Paper>
      {dialog === 'activate' && <ActivateDialog line={l} onClose={() => setDialog(null)} onSaved={refresh} />}
      {dialog === 'swap' && <SwapDialog line={l} onClose={() => setDialog(null)} onSaved={refresh} />}
      {dialog === 'stop' && <StopDialog line={l} onClose={() => setDialog(null)} onSaved={refresh} />}
    </Stack>
  )
}

function HiddenSecret() {
  const { t } = useTranslation()
  return (
    <Group gap={4} c="dimmed">
      <IconLock size={14} />
      <Text size="sm">{t('fleet.line.hidden')}</Text>
    </Group>
  )
}

function Field({ label, value }: { label: string; value: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </div>
  )
}

type Saved = (line?: LineDetail) => void

function ActivateDialog({ line, onClose, onSaved }: { line: LineDetail; onClose(): void; onSaved: Saved }) {
  const { t, i18n } = useTranslation()
  const errors = useFieldErrors()
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10))
  return (
    <LineActionDialog
      title={t('fleet.line.activateTitle', { number: formatFleetPhone(line.phoneNumber) })}
      confirmLabel={t('fleet.line.activateConfirm')}
      onClose={onClose}
      onError={errors.take}
      onConfirm={async () => {
        const saved = await call('fleet.lines.activate', { id: line.id, date })
        notifySuccess(t('fleet.line.willActivate', { date: formatDate(date, i18n.language) }))
        onSaved(saved)
        onClose()
      }}
    >
      <DateField
        label={t('fleet.line.activationDate')}
        value={date}
        onChange={setDate}
        error={issueAt(errors, 'date') ?? issueAt(errors, 'status')}
        data-autofocus
      />
    </LineActionDialog>
  )
}

function SwapDialog({ line, onClose, onSaved }: { line: LineDetail; onClose(): void; onSaved: Saved }) {
  const { t } = useTranslation()
  const errors = useFieldErrors()
  const [iccid, setIccid] = useState('')
  return (
    <LineActionDialog
      title={t('fleet.line.swapTitle', { number: formatFleetPhone(line.phoneNumber) })}
      confirmLabel={t('fleet.line.swapConfirm')}
      onClose={onClose}
      onError={errors.take}
      onConfirm={async () => {
        const saved = await call('fleet.lines.swap', { id: line.id, iccid })
        notifySuccess(t('fleet.line.swapRequested'))
        onSaved(saved)
        onClose()
      }}
    >
      {line.iccid && (
        <Text size="sm" c="dimmed">
          {t('fleet.line.currentIccid', { iccid: formatIccid(line.iccid) })}
        </Text>
      )}
      <TextInput
        label={t('fleet.line.newIccid')}
        description={t('fleet.wizard.iccidHelp')}
        value={iccid}
        onChange={(e) => setIccid(e.currentTarget.value)}
        error={issueAt(errors, 'iccid') ?? issueAt(errors, 'status')}
        inputMode="numeric"
        data-autofocus
      />
    </LineActionDialog>
  )
}

function StopDialog({ line, onClose, onSaved }: { line: LineDetail; onClose(): void; onSaved: Saved }) {
  const { t } = useTranslation()
  return (
    <LineActionDialog
      title={t('fleet.line.stopTitle', { number: formatFleetPhone(line.phoneNumber) })}
      confirmLabel={t('fleet.line.stopConfirm')}
      confirmColor="red"
      cancelFirst
      onClose={onClose}
      onConfirm={async () => {
        onSaved(await call('fleet.lines.stop', { id: line.id }))
        notifySuccess(t('fleet.line.stopRequested'))
        onClose()
      }}
    >
      <Text size="sm">{t('fleet.line.stopWarning')}</Text>
    </LineActionDialog>
  )
}

/** The user fields as the update channel takes them: the optional ones as empty text. */
function userValues(user: LineDetail['user']) {
  return {
    ...user,
    birthDate: user.birthDate ?? '',
    email: user.email ?? '',
    phone: user.phone ?? '',
  }
}

/**
 * A form of the line page: `save` sends it and answers the updated line; then `savedMessage`. A
 * field issue goes to `errors`: shown at its input when one of `fieldPaths`, else below the form;
 * any other error goes to a notification. The save button shows only when `editable`.
 */
function LineForm({
  save,
  onSaved,
  savedMessage,
  errors,
  fieldPaths = [],
  editable,
  saveLabel,
  gap,
  children,
}: {
  save(): Promise<LineDetail>
  onSaved: Saved
  savedMessage: string
  errors?: ReturnType<typeof useFieldErrors>
  /** The paths the form's inputs show their issue at (`user.email`…). */
  fieldPaths?: readonly string[]
  editable: boolean
  saveLabel?: string
  gap: 'xs' | 'sm'
  children: React.ReactNode
}) {
  const { t } = useTranslation()
  const [busy, setBusy] = useState(false)
  const withoutField = errors ? issuesWithoutField(errors.issues, fieldPaths) : []
  return (
    <form
      onSubmit={async (e) => {
        e.preventDefault()
        setBusy(true)
        errors?.clear()
        try {
          onSaved(await save())
          notifySuccess(savedMessage)
        } catch (error) {
          if (!errors?.take(error)) notifyError(t, error)
        } finally {
          setBusy(false)
        }
      }}
    >
      <Stack gap={gap}>
        {children}
        {withoutField.map((issue) => (
          <Text key={`${issue.path}:${issue.key}`} size="sm" c="red" role="alert">
            <IssueText issue={issue} />
          </Text>
        ))}
        {editable && (
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {saveLabel ?? t('fleet.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  )
}

type UserTextField = 'description' | 'firstName' | 'lastName' | 'birthDate' | 'email' | 'phone'

/** The user form's inputs, each showing the issue at `user.<field>`. */
const userFieldPaths = [
  'description',
  'title',
  'firstName',
  'lastName',
  'birthDate',
  'email',
  'phone',
  'language',
].map((field) => `user.${field}`)
const addressFieldPaths = ['street', 'postalCode', 'city', 'country'].map((field) => `address.${field}`)

function UserForm({ line, onSaved, disabled }: { line: LineDetail; onSaved: Saved; disabled: boolean }) {
  const { t } = useTranslation()
  const errors = useFieldErrors()
  const [user, setUser] = useState(userValues(line.user))
  const locked = line.userConfirmed || disabled
  const text = (field: UserTextField) => ({
    label: t(`fleet.user.${field}`),
    value: user[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
      setUser({ ...user, [field]: e.currentTarget.value }),
    error: issueAt(errors, `user.${field}`),
    disabled: locked,
  })
  return (
    <LineForm
      save={() =>
        call('fleet.lines.updateUser', {
          id: line.id,
          user,
          address: line.address,
          expectedVersion: line.version,
        })
      }
      onSaved={onSaved}
      savedMessage={t('fleet.line.userSaved')}
      errors={errors}
      fieldPaths={userFieldPaths}
      editable={!locked}
      gap="xs"
    >
      {line.userConfirmed && (
        <Alert color="gray" variant="light" p="xs" icon={<IconLock size={16} />}>
          {t('fleet.line.userConfirmed')}
        </Alert>
      )}
      <TextInput {...text('description')} />
      <Group grow align="flex-start">
        <Select
          label={t('fleet.user.title')}
          value={user.title}
          onChange={(v) => v && setUser({ ...user, title: v as LineDetail['user']['title'] })}
          data={(['mr', 'mrs', 'none'] as const).map((v) => ({ value: v, label: t(`fleet.titles.${v}`) }))}
          allowDeselect={false}
          disabled={locked}
          error={issueAt(errors, 'user.title')}
        />
        <TextInput {...text('firstName')} />
        <TextInput {...text('lastName')} />
      </Group>
      <Group grow align="flex-start">
        <DateField {...text('birthDate')} onChange={(birthDate) => setUser({ ...user, birthDate })} />
        <TextInput {...text('email')} />
      </Group>
      <Group grow align="flex-start">
        <TextInput {...text('phone')} />
        <Select
          label={t('fleet.user.language')}
          value={user.language}
          onChange={(v) => v && setUser({ ...user, language: v as LineDetail['user']['language'] })}
          data={fleetUserLanguages.map((v) => ({ value: v, label: t(`fleet.languages.${v}`) }))}
          allowDeselect={false}
          disabled={locked}
          error={issueAt(errors, 'user.language')}
        />
      </Group>
    </LineForm>
  )
}

function AddressForm({ line, onSaved, disabled }: { line: LineDetail; onSaved: Saved; disabled: boolean }) {
  const { t } = useTranslation()
  const errors = useFieldErrors()
  const [address, setAddress] = useState<AddressValues>(line.address ?? emptyAddress)
  const locked = line.userConfirmed || disabled
  return (
    <LineForm
      save={() =>
        call('fleet.lines.updateUser', {
          id: line.id,
          user: userValues(line.user),
          address,
          expectedVersion: line.version,
        })
      }
      onSaved={onSaved}
      savedMessage={t('fleet.line.addressSaved')}
      errors={errors}
      fieldPaths={addressFieldPaths}
      editable={!locked}
      gap="xs"
    >
      <fieldset disabled={locked} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap="xs">
          <AddressInputs
            value={address}
            onChange={setAddress}
            errors={addressIssues((path) => issueAt(errors, path), 'address')}
          />
        </Stack>
      </fieldset>
    </LineForm>
  )
}

function BarringsForm({ line, onSaved, disabled }: { line: LineDetail; onSaved: Saved; disabled: boolean }) {
  const { t } = useTranslation()
  const [barrings, setBarrings] = useState<string[]>(line.barrings)
  useEffect(() => setBarrings(line.barrings), [line.barrings])
  const groups: { title: string; codes: (typeof barringCodes)[number][] }[] = [
    {
      title: t('fleet.barrings.general'),
      codes: [
        'allServices',
        'incomingCalls',
        'outgoingCalls',
        'incomingSms',
        'outgoingSms',
        'mms',
        'mobileData',
        'callsBelgiumToAbroad',
      ],
    },
    { title: t('fleet.barrings.abroad'), codes: ['abroadAll', 'abroadIncomingCalls', 'abroadOutgoingCalls'] },
  ]
  return (
    <LineForm
      save={() =>
        call('fleet.lines.setBarrings', {
          id: line.id,
          barrings: barrings as (typeof barringCodes)[number][],
        })
      }
      onSaved={onSaved}
      savedMessage={t('fleet.barrings.requested')}
      editable={!disabled}
      saveLabel={t('fleet.barrings.save')}
      gap="sm"
    >
      <Text size="sm" c="dimmed">
        {t('fleet.barrings.help')}
      </Text>
      <Checkbox.Group value={barrings} onChange={setBarrings}>
        <SimpleGrid cols={2}>
          {groups.map((g) => (
            <Stack key={g.title} gap={6}>
              <Text size="sm" fw={600}>
                {g.title}
              </Text>
              {g.codes.map((code) => (
                <Checkbox
                  key={code}
                  value={code}
                  label={t(`fleet.barrings.codes.${code}`)}
                  disabled={disabled}
                />
              ))}
            </Stack>
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </LineForm>
  )
}

function PayByMobileForm({
  line,
  onSaved,
  disabled,
}: {
  line: LineDetail
  onSaved: Saved
  disabled: boolean
}) {
  const { t } = useTranslation()
  const errors = useFieldErrors()
  const [limit, setLimit] = useState<number | string>(line.payByMobileLimitMinor / 100)
  return (
    <LineForm
      save={() =>
        call('fleet.lines.setPayByMobile', {
          id: line.id,
          limitMinor: Math.round(Number(limit || 0) * 100),
        })
      }
      onSaved={onSaved}
      savedMessage={t('fleet.payByMobile.requested')}
      errors={errors}
      fieldPaths={['limitMinor']}
      editable={!disabled}
      gap="sm"
    >
      <Text size="sm" c="dimmed">
        {t('fleet.payByMobile.help')}
      </Text>
      <NumberInput
        label={t('fleet.payByMobile.limit')}
        value={limit}
        onChange={setLimit}
        min={0}
        max={500}
        decimalScale={2}
        suffix=" €"
        maw={200}
        disabled={disabled}
        error={issueAt(errors, 'limitMinor')}
      />
    </LineForm>
  )
}
