import { Button, Group, NumberInput, Paper, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconDeviceFloppy } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { type DeskSettings, settingsUpdateInput } from '../../../../preload/contract'
import { isApiError } from '../../api/call'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import { SESSION_KEY } from '../../api/queryClient'
import { channelKey } from '../../api/queryKeys'
import { toFormErrors, validateWith } from '../../components/formErrors'
import { notifyError, notifySuccess } from '../../components/notify'
import { QueryError } from '../../components/QueryError'
import { requiredField } from '../../components/requiredField'
import { MAX_LOCK_MINUTES } from './settingsValues'

interface Values {
  deskName: string
  lockAfterMinutes: number | string
}

const paths = ['deskName', 'lockAfterMinutes']
const toPath = (path: string) => (paths.includes(path) ? path : null)

function toInput(values: Values) {
  return {
    deskName: values.deskName.trim(),
    lockAfterMinutes: values.lockAfterMinutes === '' ? Number.NaN : Number(values.lockAfterMinutes),
  }
}

function validate(values: Values) {
  const errors = validateWith(settingsUpdateInput, toInput(values), toPath).fields
  // The contract says "at least 1 character"; a clerk reads "required".
  if (values.deskName.trim() === '') errors.deskName = { path: 'deskName', key: 'validation.required' }
  return toFormErrors(errors)
}

function Form({ settings, editable }: { settings: DeskSettings; editable: boolean }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { deskName: settings.deskName, lockAfterMinutes: settings.lockAfterMinutes },
    validate,
  })
  const update = useChannelMutation('settings.update', {
    onSuccess: (saved) => {
      queryClient.setQueryData(channelKey('settings.get', {}), saved)
      // The session carries the desk name and the lock delay; the status bar the name.
      void queryClient.invalidateQueries({ queryKey: SESSION_KEY })
      void queryClient.invalidateQueries({ queryKey: channelKey('app.info') })
      form.resetDirty({ deskName: saved.deskName, lockAfterMinutes: saved.lockAfterMinutes })
      notifySuccess(t('settings.saved'))
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'VALIDATION')
        form.setErrors(
          toFormErrors(validateWith(settingsUpdateInput, toInput(form.getValues()), toPath).fields),
        )
      else notifyError(t, error, t('settings.saveFailed'))
    },
  })
  const minutes = Number(form.values.lockAfterMinutes)

  return (
    <form noValidate onSubmit={form.onSubmit((values) => update.mutate(toInput(values)))}>
      <Stack gap="sm">
        <TextInput label={t('settings.deskId')} value={settings.deskId} readOnly variant="filled" maw={320} />
        <TextInput
          label={t('settings.deskName')}
          readOnly={!editable}
          variant={editable ? 'default' : 'filled'}
          maw={420}
          autoComplete="off"
          {...(editable ? requiredField : {})}
          {...form.getInputProps('deskName')}
        />
        <NumberInput
          label={t('settings.lockAfter')}
          description={
            minutes === 0 ? t('settings.lockNever') : t('settings.lockHelp', { max: MAX_LOCK_MINUTES })
          }
          readOnly={!editable}
          variant={editable ? 'default' : 'filled'}
          min={0}
          max={MAX_LOCK_MINUTES}
          step={1}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          suffix={` ${t('settings.minutesSuffix')}`}
          maw={320}
          {...form.getInputProps('lockAfterMinutes')}
        />
        {editable && (
          <Group>
            <Button
              type="submit"
              loading={update.isPending}
              disabled={!form.isDirty()}
              leftSection={<IconDeviceFloppy size={16} />}
            >
              {t('settings.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  )
}

/** The desk's name and lock delay; only an administrator changes them. */
export function DeskSettingsForm({ editable }: { editable: boolean }) {
  const { t } = useTranslation()
  const settings = useChannelQuery('settings.get', {})
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs">
        {t('settings.deskTitle')}
      </Title>
      {settings.isPending && <Skeleton h={160} />}
      {settings.isError && <QueryError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && <Form key={settings.data.deskId} settings={settings.data} editable={editable} />}
      {!editable && (
        <Text size="xs" c="dimmed" mt="sm">
          {t('settings.adminOnly')}
        </Text>
      )}
    </Paper>
  )
}
