import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertCircle, IconBuildingStore } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { loginInput } from '../../../preload/contract'
import { isApiError } from '../api/call'
import { useChannelMutation, useChannelQuery } from '../api/hooks'
import { ColorSchemeToggle } from '../components/ColorSchemeToggle'
import { toFormErrors, validateWith } from '../components/formErrors'
import { LanguageSwitch } from '../components/LanguageSwitch'
import { errorText } from '../i18n/messages'
import { useSessionActions } from './useSession'

const loginFields = ['username', 'password']
const loginPath = (path: string) => (loginFields.includes(path) ? path : null)

export function LoginScreen() {
  const { t } = useTranslation()
  const { started } = useSessionActions()
  const info = useChannelQuery('app.info', {})
  // The error itself is kept, not its text, so that it follows a language switch.
  const [failure, setFailure] = useState<unknown>(null)
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { username: '', password: '' },
    validate: (values) => toFormErrors(validateWith(loginInput, values, loginPath).fields),
  })
  const login = useChannelMutation('auth.login', {
    onSuccess: started,
    onError: (error) => {
      if (isApiError(error) && error.code === 'VALIDATION' && error.fields.length > 0) {
        form.setErrors(toFormErrors(validateWith(loginInput, form.getValues(), loginPath).fields))
      } else {
        setFailure(error)
        form.setFieldValue('password', '')
        form.getInputNode('password')?.focus()
      }
    },
  })

  return (
    <Box mih="100vh" bg="var(--mantine-color-body)">
      <Group justify="flex-end" p="sm" gap="xs">
        <LanguageSwitch />
        <ColorSchemeToggle />
      </Group>
      <Center mih="calc(100vh - 120px)">
        <Paper withBorder shadow="sm" p="xl" radius="md" w={380}>
          <form
            onSubmit={form.onSubmit((values) => {
              setFailure(null)
              login.mutate(values)
            })}
            noValidate
          >
            <Stack gap="md">
              <Group gap="xs">
                <IconBuildingStore size={28} stroke={1.5} color="var(--mantine-primary-color-filled)" />
                <Title order={1} size="h2">
                  {t('app.name')}
                </Title>
              </Group>
              <div>
                <Title order={2} size="h4" fw={500}>
                  {t('login.title')}
                </Title>
                {info.data && (
                  <Text size="sm" c="dimmed">
                    {t('login.desk', { id: info.data.deskId, name: info.data.deskName })}
                  </Text>
                )}
              </div>
              <TextInput
                label={t('login.username')}
                autoComplete="username"
                autoFocus
                data-autofocus
                key={form.key('username')}
                {...form.getInputProps('username')}
              />
              <PasswordInput
                label={t('login.password')}
                autoComplete="current-password"
                key={form.key('password')}
                {...form.getInputProps('password')}
              />
              {failure !== null && (
                <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} role="alert">
                  {errorText(t, failure)}
                </Alert>
              )}
              <Button type="submit" loading={login.isPending} fullWidth>
                {t('login.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  )
}
