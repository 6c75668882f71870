import {
  Box,
  Button,
  Center,
  FocusTrap,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '../../../preload/contract'
import { unlockInput } from '../../../preload/contract'
import { isApiError } from '../api/call'
import { useChannelMutation } from '../api/hooks'
import { toFormErrors, validateWith } from '../components/formErrors'
import { notifyError } from '../components/notify'
import { mapIssues } from '../lib/fieldErrors'
import { useSessionActions } from './useSession'

const unlockPath = (path: string) => (path === 'password' ? path : null)

/**
 * Covers the whole window while the session is locked. The app underneath stays mounted (and
 * inert), so a half-filled form is still there after the clerk unlocks.
 */
export function LockScreen({ session }: { session: SessionInfo }) {
  const { t } = useTranslation()
  const { unlocked, logout } = useSessionActions()
  const form = useForm({
    mode: 'uncontrolled',
    initialValues: { password: '' },
    validate: (values) => toFormErrors(validateWith(unlockInput, values, unlockPath).fields),
  })
  const unlock = useChannelMutation('auth.unlock', {
    onSuccess: unlocked,
    onError: (error) => {
      form.setFieldValue('password', '')
      if (isApiError(error) && error.fields.length > 0) {
        form.setErrors(toFormErrors(mapIssues(error.fields, unlockPath).fields))
      } else {
        notifyError(t, error)
      }
      form.getInputNode('password')?.focus()
    },
  })

  return (
    <Box
      pos="fixed"
      inset={0}
      style={{ zIndex: 1000 }}
      bg="var(--mantine-color-body)"
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-title"
    >
      <Center h="100%">
        <FocusTrap active>
          <Paper withBorder shadow="sm" p="xl" radius="md" w={380}>
            <form onSubmit={form.onSubmit((values) => unlock.mutate(values))} noValidate>
              <Stack gap="md">
                <Group gap="xs">
                  <IconLock size={24} stroke={1.6} />
                  <Title order={1} size="h3" id="lock-title">
                    {t('lock.title')}
                  </Title>
                </Group>
                <Text size="sm">{t('lock.text', { name: session.staff.displayName })}</Text>
                <PasswordInput
                  label={t('lock.password')}
                  autoComplete="current-password"
                  data-autofocus
                  key={form.key('password')}
                  {...form.getInputProps('password')}
                />
                <Button type="submit" loading={unlock.isPending} fullWidth>
                  {t('lock.submit')}
                </Button>
                <Button variant="subtle" size="xs" onClick={() => void logout()}>
                  {t('lock.switchUser')}
                </Button>
              </Stack>
            </form>
          </Paper>
        </FocusTrap>
      </Center>
    </Box>
  )
}
