import { Button, Group, Modal, Stack, Switch, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GroupPack } from '../../../../preload/contract'
import { call } from '../../api/call'
import { notifySuccess } from '../../components/notify'
import { showSaveError } from './fleetDeskForms'
import { eurosToMinor, minorToEuros } from './packText'

/** Out-of-bundle notifications of a pack: on/off and the amount at which the manager is told. */
export function PackNotificationsModal({
  pack,
  onClose,
  onSaved,
}: {
  pack: GroupPack
  onClose(): void
  onSaved(): void
}) {
  const { t } = useTranslation()
  const [saving, setSaving] = useState(false)
  const form = useForm({
    mode: 'controlled',
    initialValues: { enabled: pack.notifyEnabled, threshold: minorToEuros(pack.notifyThresholdMinor) },
    validate: {
      threshold: (v) => {
        const minor = eurosToMinor(v)
        if (minor === null) return t('validation.amountMinor')
        return minor < 100 ? t('validation.thresholdTooSmall') : null
      },
    },
  })
  const submit = async (v: typeof form.values) => {
    setSaving(true)
    try {
      await call('fleetDesk.packs.notifications', {
        id: pack.id,
        enabled: v.enabled,
        thresholdMinor: eurosToMinor(v.threshold)!,
      })
      notifySuccess(t('fleetDesk.packs.notificationsSaved'))
      onSaved()
      onClose()
    } catch (error) {
      showSaveError(t, form, error, t('fleetDesk.packs.notificationsFailed'), (p) =>
        p === 'thresholdMinor' ? 'threshold' : null,
      )
    } finally {
      setSaving(false)
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('fleetDesk.packs.notificationsTitle')}>
      <form noValidate onSubmit={form.onSubmit((v) => void submit(v))}>
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('fleetDesk.packs.notificationsHint')}
          </Text>
          <Switch
            label={t('fleetDesk.packs.notifyEnabled')}
            {...form.getInputProps('enabled', { type: 'checkbox' })}
          />
          <TextInput
            label={t('fleetDesk.packs.thresholdLabel')}
            inputMode="decimal"
            w={200}
            data-autofocus
            {...form.getInputProps('threshold')}
          />
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('fleetDesk.common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t('fleetDesk.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
