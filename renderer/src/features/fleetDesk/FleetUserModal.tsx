import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  type FleetUser,
  type FleetUserRole,
  fleetUserCreateInput,
  fleetUserRoles,
} from '../../../../preload/contract'
import { call } from '../../api/call'
import { notifySuccess } from '../../components/notify'
import { requiredField } from '../../components/requiredField'
import { formatFleetPhone } from '../fleet/formatPhone'
import { showSaveError, validateInput } from './fleetDeskForms'
import { useAccountLines } from './useAccountLines'

interface Values {
  description: string
  email: string
  role: string
  lineIds: string[]
}

/** Create a fleet-manager user (an invitation is sent at once), or edit one's description, role and lines. */
export function FleetUserModal({
  customerId,
  user,
  onClose,
}: {
  customerId: string
  user?: FleetUser
  onClose(): void
}) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const lines = useAccountLines(customerId)
  const [saving, setSaving] = useState(false)
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      description: user?.description ?? '',
      email: user?.email ?? '',
      role: user?.role ?? 'MANAGER',
      lineIds: user?.phoneNumbers.map((p) => p.lineId) ?? [],
    },
    validate: (v) =>
      validateInput(fleetUserCreateInput, { customerId, ...v, role: v.role as FleetUserRole }, (p) =>
        p.startsWith('lineIds') ? 'lineIds' : p,
      ),
  })
  // Lines already chosen stay listed whatever is being searched.
  const known = new Map(lines.data.map((o) => [o.value, o.label]))
  for (const p of user?.phoneNumbers ?? [])
    if (!known.has(p.lineId)) known.set(p.lineId, formatFleetPhone(p.phoneNumber))
  const options = [...known].map(([value, label]) => ({ value, label }))

  const submit = async (v: Values) => {
    setSaving(true)
    try {
      const role = v.role as FleetUserRole
      if (user)
        await call('fleetDesk.users.update', { id: user.id, ...v, role, expectedVersion: user.version })
      else await call('fleetDesk.users.create', { customerId, ...v, role })
      notifySuccess(t(user ? 'fleetDesk.users.saved' : 'fleetDesk.users.created', { email: v.email }))
      void client.invalidateQueries({ queryKey: ['fleetDesk.users.list'] })
      onClose()
    } catch (error) {
      showSaveError(t, form, error, t('fleetDesk.users.saveFailed'), (p) =>
        p.startsWith('lineIds') ? 'lineIds' : p,
      )
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(user ? 'fleetDesk.users.editTitle' : 'fleetDesk.users.createTitle')}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit((v) => void submit(v))}>
        <Stack gap="sm">
          <TextInput
            label={t('fleetDesk.users.description')}
            {...requiredField}
            {...form.getInputProps('description')}
            data-autofocus
          />
          <SimpleGrid cols={2}>
            <TextInput
              label={t('fleetDesk.users.email')}
              type="email"
              {...requiredField}
              {...form.getInputProps('email')}
            />
            <Select
              label={t('fleetDesk.users.role')}
              data={fleetUserRoles.map((r) => ({ value: r, label: r }))}
              allowDeselect={false}
              {...requiredField}
              {...form.getInputProps('role')}
            />
          </SimpleGrid>
          <MultiSelect
            label={t('fleetDesk.users.phoneNumbers')}
            placeholder={t('fleetDesk.lines.placeholder')}
            data={options}
            searchable
            searchValue={lines.search}
            onSearchChange={lines.setSearch}
            filter={({ options: o }) => o}
            nothingFoundMessage={t('fleetDesk.lines.nothing')}
            {...form.getInputProps('lineIds')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('fleetDesk.common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t(user ? 'fleetDesk.common.save' : 'fleetDesk.users.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
