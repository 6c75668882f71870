import {
  Badge,
  Button,
  Group,
  Paper,
  PasswordInput,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconUserPlus } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { type Role, roles, staffCreateInput } from '../../../../preload/contract'
import { isApiError } from '../../api/call'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import { channelKey } from '../../api/queryKeys'
import { mayCall } from '../../app/access'
import { Restricted } from '../../app/Restricted'
import { toFormErrors, validateWith } from '../../components/formErrors'
import { notifyError, notifyIssues, notifySuccess } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { QueryError } from '../../components/QueryError'
import { requiredField } from '../../components/requiredField'
import { mapIssues } from '../../lib/fieldErrors'
import { useCurrentSession } from '../../session/useSession'

interface Values {
  username: string
  displayName: string
  role: Role
  password: string
}

const empty: Values = { username: '', displayName: '', role: 'counter', password: '' }
const paths = ['username', 'displayName', 'role', 'password']
const toPath = (path: string) => (paths.includes(path) ? path : null)
const roleColor: Record<Role, string> = {
  counter: 'gray',
  agent: 'cyan',
  supervisor: 'grape',
  admin: 'indigo',
}

function CreateStaff() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: empty,
    validate: (values) => toFormErrors(validateWith(staffCreateInput, values, toPath).fields),
  })
  const create = useChannelMutation('staff.create', {
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: channelKey('staff.list') })
      notifySuccess(t('staff.created', { name: created.displayName, username: created.username }))
      form.setValues(empty)
      form.resetDirty(empty)
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'VALIDATION') {
        const mapped = mapIssues(error.fields, toPath)
        form.setErrors(toFormErrors(mapped.fields))
        notifyIssues(t, mapped.others, t('staff.createFailed'))
      } else notifyError(t, error, t('staff.createFailed'))
    },
  })

  return (
    <Paper withBorder p="md">
      <Title order={2} size="h5" mb="xs">
        {t('staff.newTitle')}
      </Title>
      <form noValidate onSubmit={form.onSubmit((values) => create.mutate(values))}>
        <Stack gap="sm">
          <TextInput
            label={t('staff.fields.username')}
            description={t('staff.usernameHelp')}
            autoComplete="off"
            {...requiredField}
            {...form.getInputProps('username')}
          />
          <TextInput
            label={t('staff.fields.displayName')}
            autoComplete="off"
            {...requiredField}
            {...form.getInputProps('displayName')}
          />
          <Select
            label={t('staff.fields.role')}
            data={roles.map((value) => ({ value, label: t(`roles.${value}`) }))}
            allowDeselect={false}
            {...requiredField}
            {...form.getInputProps('role')}
          />
          <PasswordInput
            label={t('staff.fields.password')}
            description={t('staff.passwordHelp')}
            autoComplete="new-password"
            {...requiredField}
            {...form.getInputProps('password')}
          />
          <Group>
            <Button type="submit" loading={create.isPending} leftSection={<IconUserPlus size={16} />}>
              {t('staff.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  )
}

/** The desk's staff: supervisors read the list, an administrator also adds people. */
export function StaffScreen() {
  const { t } = useTranslation()
  const session = useCurrentSession()
  const role = session.staff.role
  const allowed = mayCall(role, 'staff.list')
  const list = useChannelQuery('staff.list', {}, { enabled: allowed })
  if (!allowed) return <Restricted title={t('staff.title')} />
  const canCreate = mayCall(role, 'staff.create')

  return (
    <Stack gap="md" maw={1280}>
      <PageHeader title={t('staff.title')} subtitle={canCreate ? undefined : t('staff.readOnly')} />
      <Group align="flex-start" gap="md" wrap="nowrap">
        <Paper withBorder style={{ flex: 1, minWidth: 0 }}>
          {list.isPending && <Skeleton h={120} />}
          {list.isError && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
          {list.data && (
            <Table aria-label={t('staff.tableLabel')} highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('staff.fields.displayName')}</Table.Th>
                  <Table.Th>{t('staff.fields.username')}</Table.Th>
                  <Table.Th>{t('staff.fields.role')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td fw={500}>
                      {s.displayName}
                      {s.id === session.staff.id && (
                        <Text span size="xs" c="dimmed">
                          {' '}
                          {t('staff.you')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td style={{ fontFamily: 'var(--mantine-font-family-monospace)' }}>
                      {s.username}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={roleColor[s.role]} size="sm">
                        {t(`roles.${s.role}`)}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
        {canCreate && (
          <div style={{ flex: '0 0 360px' }}>
            <CreateStaff />
          </div>
        )}
      </Group>
    </Stack>
  )
}
