import {
  Button,
  Checkbox,
  Grid,
  Group,
  Paper,
  Radio,
  Select,
  Stack,
  Stepper,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { IconCheck } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { toFieldIssues } from '../../../../preload/contract/fieldIssues'
import {
  fleetUserLanguages,
  fleetUserSchema,
  iccidProblem,
  type LineCreateInput,
} from '../../../../preload/contract/fleet'
import type { FieldIssue } from '../../../../preload/errors'
import { call } from '../../api/call'
import { useChannelQuery } from '../../api/hooks'
import type { Workspace } from '../../app/routes'
import { DateField } from '../../components/DateField'
import { notifyError, notifySuccess } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { formatMoney } from '../../lib/format'
import { FleetBreadcrumbs } from './FleetBreadcrumbs'
import { formatIccid, goFleet } from './fleetFormat'
import { formatFleetPhone } from './formatPhone'
import { issueAt } from './issueAt'
import { useFieldErrors } from './useFieldErrors'

const steps = ['iccid', 'splitBill', 'user', 'plan', 'options', 'billing', 'number', 'summary'] as const
type Step = (typeof steps)[number]

/** Which step shows a server issue at `path`. */
function stepOf(path: string): number {
  if (path.startsWith('iccid')) return 0
  if (path.startsWith('splitBillProfileId')) return 1
  if (path.startsWith('user')) return 2
  if (path.startsWith('planCode')) return 3
  if (path.startsWith('options')) return 4
  if (path.startsWith('billingAccountId')) return 5
  if (path.startsWith('number')) return 6
  return 7
}

interface Values {
  iccid: string
  splitBill: string
  user: {
    description: string
    title: 'mr' | 'mrs' | 'none'
    firstName: string
    lastName: string
    birthDate: string
    email: string
    phone: string
    language: (typeof fleetUserLanguages)[number]
  }
  planCode: string
  options: string[]
  billingAccountId: string
  numberSource: 'new' | 'porting'
  newNumber: string
  portedNumber: string
}

const initial: Values = {
  iccid: '',
  splitBill: 'none',
  user: {
    description: '',
    title: 'none',
    firstName: '',
    lastName: '',
    birthDate: '',
    email: '',
    phone: '',
    language: 'fr',
  },
  planCode: '',
  options: [],
  billingAccountId: '',
  numberSource: 'new',
  newNumber: '',
  portedNumber: '',
}

/**
 * Add a SIM, in the seed's order: SIM card number → split bill → user profile → tariff plan →
 * options of that plan → billing account → phone number → summary. The side panel lists the steps
 * done; each step is checked before Continue; the line is created PENDING at the end.
 */
export function AddSimWizard({ workspace, customerId }: { workspace: Workspace; customerId: string }) {
  const { t, i18n } = useTranslation()
  const client = useQueryClient()
  const [active, setActive] = useState(0)
  const [values, setValues] = useState<Values>(initial)
  const errors = useFieldErrors()
  const [busy, setBusy] = useState(false)
  const account = useChannelQuery('fleet.accounts.get', { customerId })
  const catalog = useChannelQuery('fleet.catalog.get', {})
  const profiles = useChannelQuery('fleet.splitBill.list', { customerId })
  const billing = useChannelQuery('fleet.billingAccounts.list', { customerId })
  const free = useChannelQuery('fleet.numbers.free', { limit: 12 })
  const step: Step = steps[active]!
  const money = (minor: number) => formatMoney(minor, 'EUR', i18n.language)
  const at = (path: string) => issueAt(errors, path)
  const set = (patch: Partial<Values>) => setValues((v) => ({ ...v, ...patch }))
  const setUser = (patch: Partial<Values['user']>) =>
    setValues((v) => ({ ...v, user: { ...v.user, ...patch } }))
  const plan = catalog.data?.plans.find((p) => p.code === values.planCode)
  const planOptions =
    catalog.data?.options.filter((o) =>
      catalog.data.cells.some(
        (c) => c.planCode === values.planCode && c.optionCode === o.code && c.available,
      ),
    ) ?? []
  const optionPrice = (code: string) =>
    catalog.data?.cells.find((c) => c.planCode === values.planCode && c.optionCode === code)
      ?.monthlyPriceMinor ?? 0
  const billingAccount = billing.data?.find((b) => b.id === values.billingAccountId)
  const phoneNumber = values.numberSource === 'new' ? values.newNumber : values.portedNumber

  const input = (): LineCreateInput => ({
    customerId,
    iccid: values.iccid,
    splitBillProfileId: values.splitBill === 'none' ? null : values.splitBill,
    user: values.user,
    planCode: values.planCode,
    options: values.options,
    billingAccountId: values.billingAccountId,
    number: { source: values.numberSource, phoneNumber } as LineCreateInput['number'],
  })

  /** The issues of the current step, checked here as main will check them. */
  const check = async (): Promise<FieldIssue[]> => {
    switch (step) {
      case 'iccid': {
        const problem = values.iccid.trim() ? iccidProblem(values.iccid) : 'required'
        if (problem) return [{ path: 'iccid', key: `validation.${problem}` }]
        const server = await call('fleet.lines.checkIccid', { iccid: values.iccid })
        return server.problem ? [{ path: 'iccid', key: server.problem }] : []
      }
      case 'user': {
        const parsed = fleetUserSchema.safeParse(values.user, { reportInput: true })
        return parsed.success
          ? []
          : toFieldIssues(parsed.error).map((i) => ({ ...i, path: `user.${i.path}` }))
      }
      case 'plan':
        return values.planCode ? [] : [{ path: 'planCode', key: 'validation.required' }]
      case 'billing':
        return values.billingAccountId ? [] : [{ path: 'billingAccountId', key: 'validation.required' }]
      case 'number':
        if (values.numberSource === 'new')
          return values.newNumber ? [] : [{ path: 'number.phoneNumber', key: 'validation.required' }]
        return /^(\+32|0)4\d{8}$/.test(values.portedNumber.replace(/[\s./]/g, ''))
          ? []
          : [{ path: 'number.phoneNumber', key: 'validation.fleetMobileNumber' }]
      default:
        return []
    }
  }

  const next = async () => {
    setBusy(true)
    try {
      const found = await check()
      errors.set(found)
      if (found.length > 0) return
      if (step !== 'summary') {
        setActive(active + 1)
        return
      }
      const line = await call('fleet.lines.create', input())
      notifySuccess(t('fleet.wizard.created', { number: formatFleetPhone(line.phoneNumber) }))
      void client.invalidateQueries({ queryKey: ['fleet.lines.list'] })
      void client.invalidateQueries({ queryKey: ['fleet.numbers.free'] })
      goFleet(workspace, [customerId, 'lines', line.id])
    } catch (error) {
      const fields = (error as { fields?: FieldIssue[] }).fields
      if (fields && fields.length > 0) {
        errors.set(fields)
        setActive(Math.min(...fields.map((f) => stepOf(f.path))))
      } else notifyError(t, error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack gap="xs">
      <FleetBreadcrumbs
        workspace={workspace}
        account={{ customerId, name: account.data?.name }}
        current={t('fleet.wizard.title')}
      />
      <PageHeader title={t('fleet.wizard.title')} subtitle={account.data?.name} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Paper withBorder p="sm" component="nav" aria-label={t('fleet.wizard.stepsDone')}>
            <Text size="xs" fw={600} c="dimmed" tt="uppercase" mb="xs">
              {t('fleet.wizard.stepsDone')}
            </Text>
            <Stepper active={active} orientation="vertical" size="xs" completedIcon={<IconCheck size={14} />}>
              {steps.map((s) => (
                <Stepper.Step key={s} label={t(`fleet.wizard.steps.${s}`)} />
              ))}
            </Stepper>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Paper withBorder p="md">
            <form
              onSubmit={(e) => {
                e.preventDefault()
                void next()
              }}
            >
              <Stack gap="sm">
                <Title order={2} size="h4">
                  {t(`fleet.wizard.steps.${step}`)}
                </Title>
                {step === 'iccid' && (
                  <TextInput
                    label={t('fleet.wizard.iccid')}
                    description={t('fleet.wizard.iccidHelp')}
                    value={values.iccid}
                    onChange={(e) => set({ iccid: e.currentTarget.value })}
                    error={at('iccid')}
                    inputMode="numeric"
                    maw={360}
                    autoFocus
                  />
                )}
                {step === 'splitBill' && (
                  <Radio.Group
                    label={t('fleet.wizard.splitBillQuestion')}
                    value={values.splitBill}
                    onChange={(v) => set({ splitBill: v })}
                    error={at('splitBillProfileId')}
                  >
                    <Stack gap="xs" mt="xs">
                      <Radio value="none" label={t('fleet.wizard.noSplitBill')} />
                      {profiles.data?.map((p) => (
                        <Radio key={p.id} value={p.id} label={p.name} />
                      ))}
                    </Stack>
                  </Radio.Group>
                )}
                {step === 'user' && (
                  <>
                    <TextInput
                      label={t('fleet.user.description')}
                      value={values.user.description}
                      onChange={(e) => setUser({ description: e.currentTarget.value })}
                      error={at('user.description')}
                      autoFocus
                    />
                    <Group grow align="flex-start">
                      <Select
                        label={t('fleet.user.title')}
                        value={values.user.title}
                        onChange={(v) => v && setUser({ title: v as Values['user']['title'] })}
                        data={(['mr', 'mrs', 'none'] as const).map((v) => ({
                          value: v,
                          label: t(`fleet.titles.${v}`),
                        }))}
                        allowDeselect={false}
                      />
                      <TextInput
                        label={t('fleet.user.firstName')}
                        value={values.user.firstName}
                        onChange={(e) => setUser({ firstName: e.currentTarget.value })}
                        error={at('user.firstName')}
                      />
                      <TextInput
                        label={t('fleet.user.lastName')}
                        value={values.user.lastName}
                        onChange={(e) => setUser({ lastName: e.currentTarget.value })}
                        error={at('user.lastName')}
                      />
                    </Group>
                    <Group grow align="flex-start">
                      <DateField
                        label={t('fleet.user.birthDate')}
                        value={values.user.birthDate}
                        onChange={(birthDate) => setUser({ birthDate })}
                        error={at('user.birthDate')}
                      />
                      <TextInput
                        label={t('fleet.user.email')}
                        value={values.user.email}
                        onChange={(e) => setUser({ email: e.currentTarget.value })}
                        error={at('user.email')}
                      />
                    </Group>
                    <Group grow align="flex-start">
                      <TextInput
                        label={t('fleet.user.phone')}
                        value={values.user.phone}
                        onChange={(e) => setUser({ phone: e.currentTarget.value })}
                        error={at('user.phone')}
                      />
                      <Select
                        label={t('fleet.user.language')}
                        value={values.user.language}
                        onChange={(v) => v && setUser({ language: v as Values['user']['language'] })}
                        data={fleetUserLanguages.map((v) => ({ value: v, label: t(`fleet.languages.${v}`) }))}
                        allowDeselect={false}
                      />
                    </Group>
                  </>
                )}
                {step === 'plan' && (
                  <Radio.Group
                    label={t('fleet.wizard.choosePlan')}
                    value={values.planCode}
                    onChange={(v) =>
                      // Options of another plan may not apply to this one: start again from none.
                      set({ planCode: v, options: [] })
                    }
                    error={at('planCode')}
                  >
                    {(['voice', 'data'] as const).map((kind) => (
                      <Stack key={kind} gap={6} mt="sm">
                        <Text size="sm" fw={600}>
                          {t(`fleet.wizard.planKinds.${kind}`)}
                        </Text>
                        {catalog.data?.plans
                          .filter((p) => p.kind === kind && p.active)
                          .map((p) => (
                            <Radio
                              key={p.code}
                              value={p.code}
                              label={`${p.name} — ${t('fleet.perMonth', { amount: money(p.monthlyPriceMinor) })}`}
                            />
                          ))}
                      </Stack>
                    ))}
                  </Radio.Group>
                )}
                {step === 'options' && (
                  <Checkbox.Group
                    label={t('fleet.wizard.chooseOptions', { plan: plan?.name ?? '' })}
                    value={values.options}
                    onChange={(v) => set({ options: v })}
                    error={at('options')}
                  >
                    <Stack gap={6} mt="xs">
                      {planOptions.length === 0 && (
                        <Text size="sm" c="dimmed">
                          {t('fleet.wizard.noOptions')}
                        </Text>
                      )}
                      {planOptions.map((o) => (
                        <Checkbox
                          key={o.code}
                          value={o.code}
                          label={`${o.name} — ${t('fleet.perMonth', { amount: money(optionPrice(o.code)) })}`}
                        />
                      ))}
                    </Stack>
                  </Checkbox.Group>
                )}
                {step === 'billing' && (
                  <Radio.Group
                    label={t('fleet.wizard.chooseBilling')}
                    value={values.billingAccountId}
                    onChange={(v) => set({ billingAccountId: v })}
                    error={at('billingAccountId')}
                  >
                    <Stack gap={6} mt="xs">
                      {billing.data?.map((b) => (
                        <Radio
                          key={b.id}
                          value={b.id}
                          label={`${b.number} — ${b.name}`}
                          description={`${b.address.street}, ${b.address.postalCode} ${b.address.city}`}
                        />
                      ))}
                    </Stack>
                  </Radio.Group>
                )}
                {step === 'number' && (
                  <>
                    <Radio.Group
                      label={t('fleet.wizard.numberQuestion')}
                      value={values.numberSource}
                      onChange={(v) => set({ numberSource: v as Values['numberSource'] })}
                    >
                      <Stack gap={6} mt="xs">
                        <Radio value="new" label={t('fleet.wizard.newNumber')} />
                        <Radio value="porting" label={t('fleet.wizard.porting')} />
                      </Stack>
                    </Radio.Group>
                    {values.numberSource === 'new' ? (
                      <Select
                        label={t('fleet.wizard.freeNumber')}
                        data={free.data?.map((n) => ({ value: n, label: formatFleetPhone(n) })) ?? []}
                        value={values.newNumber || null}
                        onChange={(v) => set({ newNumber: v ?? '' })}
                        error={at('number.phoneNumber')}
                        maw={300}
                      />
                    ) : (
                      <TextInput
                        label={t('fleet.wizard.portedNumber')}
                        placeholder="0470 12 34 56"
                        value={values.portedNumber}
                        onChange={(e) => set({ portedNumber: e.currentTarget.value })}
                        error={at('number.phoneNumber')}
                        maw={300}
                      />
                    )}
                  </>
                )}
                {step === 'summary' && (
                  <Table withRowBorders={false} fz="sm" aria-label={t('fleet.wizard.steps.summary')}>
                    <Table.Tbody>
                      <SummaryRow
                        label={t('fleet.wizard.iccid')}
                        value={formatIccid(values.iccid.replace(/\s+/g, ''))}
                      />
                      <SummaryRow
                        label={t('fleet.wizard.steps.splitBill')}
                        value={
                          values.splitBill === 'none'
                            ? t('fleet.wizard.noSplitBill')
                            : (profiles.data?.find((p) => p.id === values.splitBill)?.name ?? '')
                        }
                      />
                      <SummaryRow
                        label={t('fleet.wizard.steps.user')}
                        value={`${values.user.description} — ${values.user.firstName} ${values.user.lastName}${values.user.email ? ` (${values.user.email})` : ''}`}
                      />
                      <SummaryRow
                        label={t('fleet.wizard.steps.plan')}
                        value={
                          plan
                            ? `${plan.name} — ${t('fleet.perMonth', { amount: money(plan.monthlyPriceMinor) })}`
                            : ''
                        }
                      />
                      <SummaryRow
                        label={t('fleet.wizard.steps.options')}
                        value={
                          values.options
                            .map((o) => catalog.data?.options.find((x) => x.code === o)?.name ?? o)
                            .join(', ') || '—'
                        }
                      />
                      <SummaryRow
                        label={t('fleet.wizard.steps.billing')}
                        value={billingAccount ? `${billingAccount.number} — ${billingAccount.name}` : ''}
                      />
                      <SummaryRow
                        label={t('fleet.wizard.steps.number')}
                        value={`${formatFleetPhone(phoneNumber)} (${t(`fleet.numberSource.${values.numberSource}`)})`}
                      />
                    </Table.Tbody>
                  </Table>
                )}
                {step === 'summary' && (
                  <Text size="sm" c="dimmed">
                    {t('fleet.wizard.summaryNote')}
                  </Text>
                )}
                <Group justify="space-between" mt="sm">
                  <Button
                    variant="default"
                    onClick={() => (active === 0 ? goFleet(workspace, [customerId]) : setActive(active - 1))}
                  >
                    {active === 0 ? t('fleet.cancel') : t('fleet.back')}
                  </Button>
                  <Button type="submit" loading={busy}>
                    {step === 'summary' ? t('fleet.wizard.create') : t('fleet.continue')}
                  </Button>
                </Group>
              </Stack>
            </form>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  )
}

function SummaryRow({ label, value }: { label: string; value: string }) {
  return (
    <Table.Tr>
      <Table.Th w={220} c="dimmed" fw={500}>
        {label}
      </Table.Th>
      <Table.Td>{value}</Table.Td>
    </Table.Tr>
  )
}
