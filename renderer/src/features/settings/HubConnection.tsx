import { Alert, Button, Code, Group, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertCircle, IconPlugConnected } from '@tabler/icons-react'
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type SyncStatus, syncConnectInput } from '../../../../preload/contract'
import { isApiError } from '../../api/call'
import { useChannelMutation } from '../../api/hooks'
import { toFormErrors, validateWith } from '../../components/formErrors'
import { notifyError, notifySuccess } from '../../components/notify'
import { requiredField } from '../../components/requiredField'
import { mapIssues } from '../../lib/fieldErrors'
import { useSyncAnswered, useSyncStatus } from '../sync/useSyncStatus'

const paths = ['hubUrl', 'code']
const toPath = (path: string) => (paths.includes(path) ? path : null)

function Current({ status }: { status: SyncStatus }) {
  const { t } = useTranslation()
  const none = t('customerDetail.none')
  const rows: [string, React.ReactNode][] = [
    [t('sync.fields.mode'), t(`sync.modes.${status.mode}`)],
    [t('sync.fields.site'), status.site ?? none],
    [t('sync.fields.hubUrl'), status.hubUrl ?? none],
    [
      t('sync.fields.connection'),
      status.mode === 'none' ? none : status.online ? t('sync.online') : t('sync.offline'),
    ],
  ]
  return (
    <dl className="g-fields" data-testid="hub-current">
      {rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  )
}

/**
 * Points the desk at a hub: its address and the one-time enrolment code an administrator made on
 * the hub. Refusals land under their field; an unreachable address is said plainly.
 */
export function HubConnection({ editable, deskId }: { editable: boolean; deskId: string }) {
  const { t } = useTranslation()
  const status = useSyncStatus()
  const answered = useSyncAnswered()
  // The error itself is kept, not its text, so that it follows a language switch.
  const [failure, setFailure] = useState<unknown>(null)
  const form = useForm({
    mode: 'controlled',
    initialValues: { hubUrl: '', code: '' },
    validate: (values) => toFormErrors(validateWith(syncConnectInput, values, toPath).fields),
  })
  const connect = useChannelMutation('sync.connect', {
    onSuccess: (next) => {
      answered(next)
      form.setFieldValue('code', '')
      notifySuccess(t('hub.connected', { site: next.site ?? '' }))
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'VALIDATION') {
        const mapped = mapIssues(error.fields, toPath)
        form.setErrors(toFormErrors(mapped.fields))
      } else if (isApiError(error) && error.code === 'OFFLINE') {
        setFailure(error)
      } else {
        notifyError(t, error, t('hub.connectFailed'))
      }
    },
  })

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs">
        {t('hub.title')}
      </Title>
      {status.isPending && <Skeleton h={80} />}
      {status.data && <Current status={status.data} />}
      {editable ? (
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            setFailure(null)
            connect.mutate(values)
          })}
        >
          <Stack gap="sm" mt="md">
            <Text size="sm" fw={600}>
              {status.data?.mode === 'hub' ? t('hub.changeTitle') : t('hub.connectTitle')}
            </Text>
            <Stack gap="sm">
              <TextInput
                label={t('hub.url')}
                placeholder="https://hub.example.org"
                maw={460}
                autoComplete="off"
                inputMode="url"
                {...requiredField}
                {...form.getInputProps('hubUrl')}
              />
              <TextInput
                label={t('hub.code')}
                placeholder="ABCD-EFGH-JKMN"
                maw={340}
                autoComplete="off"
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: 1 } }}
                {...requiredField}
                {...form.getInputProps('code')}
              />
            </Stack>
            <Text size="xs" c="dimmed">
              {t('hub.codeHelp')}{' '}
              <Code
                style={{ whiteSpace: 'nowrap' }}
              >{`npm run hub -- enrol --desk ${deskId} --site "…"`}</Code>
            </Text>
            {failure !== null && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert" py="xs">
                <Text size="sm" fw={600}>
                  {t('hub.offlineTitle')}
                </Text>
                <Text size="sm">{t('hub.offlineText')}</Text>
              </Alert>
            )}
            <Group>
              <Button type="submit" loading={connect.isPending} leftSection={<IconPlugConnected size={16} />}>
                {t('hub.connect')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <Text size="xs" c="dimmed" mt="sm">
          {t('hub.adminOnly')}
        </Text>
      )}
    </Paper>
  )
}
