import {
  Alert,
  Badge,
  Button,
  Fieldset,
  Group,
  Paper,
  PasswordInput,
  SimpleGrid,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import {
  IconAlertCircle,
  IconDeviceFloppy,
  IconInfoCircle,
  IconRefresh,
  IconTrash,
} from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import {
  cmiKeysInput,
  type GatewayKeyName,
  type GatewayKeysStatus,
  gatewayKeysSetInput,
  type InputOf,
  moneticoKeysInput,
  referenceSecretInput,
} from '../../../../preload/contract'
import { isApiError } from '../../api/call'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import { channelKey } from '../../api/queryKeys'
import { toFormErrors, validateWith } from '../../components/formErrors'
import { notifyError, notifySuccess } from '../../components/notify'
import { QueryError } from '../../components/QueryError'
import { requiredField } from '../../components/requiredField'
import type { gatewayKeysFr } from '../../i18n/areas/gatewayKeys.fr'
import { mapIssues } from '../../lib/fieldErrors'
import { formatDateTime } from '../../lib/format'

type FieldName = keyof typeof gatewayKeysFr.fields
interface FieldDef {
  name: FieldName
  /** A key: typed as a password, never prefilled, never shown back. */
  secret?: boolean
  /** May stay empty (the hub's default), with a help text. */
  optional?: 'paymentUrl' | 'gatewayUrl' | 'publicUrl'
}

const GATEWAYS: Record<GatewayKeyName, { fields: FieldDef[]; schema: z.ZodType }> = {
  monetico: {
    fields: [
      { name: 'tpe' },
      { name: 'key', secret: true },
      { name: 'company' },
      { name: 'paymentUrl', optional: 'paymentUrl' },
    ],
    schema: moneticoKeysInput,
  },
  cmi: {
    fields: [
      { name: 'clientId' },
      { name: 'storeKey', secret: true },
      { name: 'gatewayUrl', optional: 'gatewayUrl' },
    ],
    schema: cmiKeysInput,
  },
  fatourati: { fields: [{ name: 'secret', secret: true }], schema: referenceSecretInput },
  amanpay: { fields: [{ name: 'secret', secret: true }], schema: referenceSecretInput },
}

const STATUS_KEY = channelKey('payments.gatewayKeys.status', {})

/** One section of the settings (a gateway, or the public address): its own form, its own save. */
function KeysForm({
  section,
  fields,
  schema,
  state,
}: {
  section: GatewayKeyName | 'publicUrl'
  fields: FieldDef[]
  schema: z.ZodType
  state?: GatewayKeysStatus['gateways'][GatewayKeyName]
}) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const names: string[] = fields.map((f) => f.name)
  // Server paths are `monetico.key`; the form's are `key`.
  const toPath = (path: string) => {
    const local = section === 'publicUrl' ? path : path.replace(new RegExp(`^${section}\\.`), '')
    return names.includes(local) ? local : null
  }
  const form = useForm<Record<string, string>>({
    mode: 'controlled',
    initialValues: Object.fromEntries(names.map((n) => [n, ''])),
    validate: (values) => toFormErrors(validateWith(schema, values, toPath).fields),
  })
  const label = t(`gatewayKeys.gateways.${section}`)
  const save = useChannelMutation('payments.gatewayKeys.set', {
    onSuccess: (status, input) => {
      queryClient.setQueryData(STATUS_KEY, status)
      form.reset()
      if (section === 'publicUrl') notifySuccess(t('gatewayKeys.publicUrlSaved'))
      else if (input[section] === null) notifySuccess(t('gatewayKeys.removed', { gateway: label }))
      else
        notifySuccess(
          t('gatewayKeys.saved', { gateway: label, fingerprint: status.gateways[section].fingerprint ?? '' }),
        )
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'VALIDATION')
        form.setErrors(toFormErrors(mapIssues(error.fields, toPath).fields))
      else notifyError(t, error, t('gatewayKeys.saveFailed'))
    },
  })
  // The schema above checked the values; main checks them again.
  const submit = (values: Record<string, string>) =>
    save.mutate(
      section === 'publicUrl'
        ? { publicUrl: values.publicUrl ?? '' }
        : ({ [section]: values } as InputOf<'payments.gatewayKeys.set'>),
    )

  return (
    <Fieldset
      legend={
        <Group gap="xs">
          <Text fw={600} size="sm">
            {label}
          </Text>
          {state && (
            <Badge
              variant="light"
              tt="none"
              color={state.configured ? 'teal' : 'gray'}
              data-testid={`gateway-state-${section}`}
            >
              {state.configured
                ? t('gatewayKeys.configured', { fingerprint: state.fingerprint })
                : t('gatewayKeys.notConfigured')}
            </Badge>
          )}
        </Group>
      }
    >
      <form noValidate onSubmit={form.onSubmit(submit)} aria-label={label}>
        <Stack gap="xs">
          {fields.map((field) => {
            const common = {
              label: t(`gatewayKeys.fields.${field.name}`),
              maw: 460,
              autoComplete: 'off',
              ...(field.optional ? { description: t(`gatewayKeys.help.${field.optional}`) } : requiredField),
              ...form.getInputProps(field.name),
            }
            return field.secret ? (
              <PasswordInput key={field.name} {...common} autoComplete="new-password" spellCheck={false} />
            ) : (
              <TextInput key={field.name} {...common} spellCheck={false} />
            )
          })}
          <Group gap="xs">
            <Button
              type="submit"
              size="xs"
              loading={save.isPending}
              disabled={!form.isDirty()}
              leftSection={<IconDeviceFloppy size={16} />}
              aria-label={t('gatewayKeys.saveSection', { gateway: label })}
            >
              {t('gatewayKeys.save')}
            </Button>
            {state?.configured && section !== 'publicUrl' && (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                loading={save.isPending}
                leftSection={<IconTrash size={16} />}
                onClick={() => save.mutate({ [section]: null })}
                aria-label={t('gatewayKeys.removeSection', { gateway: label })}
              >
                {t('gatewayKeys.remove')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Fieldset>
  )
}

function Summary({ status }: { status: GatewayKeysStatus }) {
  const { t, i18n } = useTranslation()
  return (
    <Stack gap={6} data-testid="gateway-keys-summary">
      {status.unreadable && (
        <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" py="xs">
          {t('gatewayKeys.unreadable')}
        </Alert>
      )}
      {status.restartNeeded && (
        <Alert color="yellow" variant="light" icon={<IconRefresh size={18} />} role="status" py="xs">
          {t('gatewayKeys.restartNeeded')}
        </Alert>
      )}
      {status.fromEnvironment && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} py="xs">
          {t('gatewayKeys.fromEnvironment')}
        </Alert>
      )}
      <Text size="sm">
        {status.stored && status.origin && status.savedAt
          ? t(`gatewayKeys.origin.${status.origin}`, { at: formatDateTime(status.savedAt, i18n.language) })
          : t('gatewayKeys.none')}
      </Text>
      <Text size="sm">{t(`gatewayKeys.localHub.${status.localHub}`)}</Text>
      <Text size="xs" c="dimmed">
        {t(`gatewayKeys.protection.${status.protection}`)}
      </Text>
    </Stack>
  )
}

const publicUrlSchema = gatewayKeysSetInput.pick({ publicUrl: true })

/**
 * The payment gateways' keys of this desk's local hub (administrators): what is configured, by
 * fingerprint only, and a form per gateway whose keys are typed as passwords and never shown back.
 */
export function GatewayKeysPanel() {
  const { t } = useTranslation()
  const status = useChannelQuery('payments.gatewayKeys.status', {})
  return (
    <Paper withBorder p="md" data-testid="gateway-keys">
      <Title order={2} size="h5" mb="xs">
        {t('gatewayKeys.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('gatewayKeys.intro')}
      </Text>
      {status.isPending && <Skeleton h={120} />}
      {status.isError && <QueryError error={status.error} onRetry={() => void status.refetch()} />}
      {status.data && (
        <Stack gap="md">
          <Summary status={status.data} />
          <Text size="xs" c="dimmed">
            {t('gatewayKeys.replaceHelp')}
          </Text>
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md" style={{ alignItems: 'start' }}>
            {(Object.keys(GATEWAYS) as GatewayKeyName[]).map((gateway) => (
              <KeysForm
                key={gateway}
                section={gateway}
                fields={GATEWAYS[gateway].fields}
                schema={GATEWAYS[gateway].schema}
                state={status.data.gateways[gateway]}
              />
            ))}
            {status.data.stored && (
              <KeysForm
                section="publicUrl"
                fields={[{ name: 'publicUrl', optional: 'publicUrl' }]}
                schema={publicUrlSchema}
              />
            )}
          </SimpleGrid>
        </Stack>
      )}
    </Paper>
  )
}
