import { Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GroupPack } from '../../../../preload/contract'
import { call } from '../../api/call'
import { useChannelQuery } from '../../api/hooks'
import { notifySuccess } from '../../components/notify'
import { requiredField } from '../../components/requiredField'
import { formatMoney } from '../../lib/format'
import { showSaveError } from './fleetDeskForms'
import { eurosToMinor, formatQuantity } from './packText'

interface Props {
  customerId: string
  /** The pack to modify; ordering a new one without it. */
  pack?: GroupPack
  onClose(): void
  onSaved(): void
}

/** Order a group pack, or change a pack to another size of the same kind (seed: "Commander / modifier le pack"). */
export function PackOrderModal({ customerId, pack, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const catalogue = useChannelQuery('fleetDesk.packs.catalogue', {})
  const [saving, setSaving] = useState(false)
  const form = useForm({
    mode: 'controlled',
    initialValues: { packCode: pack?.packCode ?? '', notifyEnabled: false, threshold: '50' },
    validate: {
      packCode: (v) => (v ? null : t('validation.required')),
      threshold: (v, values) =>
        !pack && values.notifyEnabled && (eurosToMinor(v) ?? 0) < 100
          ? t('validation.thresholdTooSmall')
          : null,
    },
  })
  const types = (catalogue.data ?? []).filter((p) => !pack || p.unit === pack.unit)
  const options = types.map((p) => ({
    value: p.code,
    label: `${t(`fleetDesk.packs.types.${p.code}`, { defaultValue: p.code })} — ${formatQuantity(
      p.allowance,
      p.unit,
      lang,
    )}, ${t('fleetDesk.packs.perMonth', { amount: formatMoney(p.monthlyPriceMinor, p.currency, lang) })}`,
  }))
  const chosen = types.find((p) => p.code === form.values.packCode)

  const submit = async (v: typeof form.values) => {
    setSaving(true)
    const title = t(pack ? 'fleetDesk.packs.modifyFailed' : 'fleetDesk.packs.orderFailed')
    try {
      if (pack)
        await call('fleetDesk.packs.modify', {
          id: pack.id,
          packCode: v.packCode,
          expectedVersion: pack.version,
        })
      else
        await call('fleetDesk.packs.order', {
          customerId,
          packCode: v.packCode,
          notifyEnabled: v.notifyEnabled,
          notifyThresholdMinor: eurosToMinor(v.threshold) ?? 0,
        })
      notifySuccess(t(pack ? 'fleetDesk.packs.modified' : 'fleetDesk.packs.ordered'))
      onSaved()
      onClose()
    } catch (error) {
      showSaveError(t, form, error, title, (p) =>
        p === 'notifyThresholdMinor' ? 'threshold' : p === 'packCode' ? 'packCode' : null,
      )
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(pack ? 'fleetDesk.packs.modifyTitle' : 'fleetDesk.packs.orderTitle')}
      size="lg"
    >
      <form noValidate onSubmit={form.onSubmit((v) => void submit(v))}>
        <Stack gap="sm">
          <Select
            label={t('fleetDesk.packs.type')}
            data={options}
            {...requiredField}
            {...form.getInputProps('packCode')}
            data-autofocus
          />
          {chosen && (
            <Text size="sm" c="dimmed">
              {t('fleetDesk.packs.overRate', {
                price: formatMoney(chosen.overUnitPriceMinor, chosen.currency, lang),
                unit: t(`fleetDesk.packs.unit.${chosen.unit}`),
              })}
            </Text>
          )}
          {!pack && (
            <>
              <Checkbox
                label={t('fleetDesk.packs.notifyEnabled')}
                {...form.getInputProps('notifyEnabled', { type: 'checkbox' })}
              />
              {form.values.notifyEnabled && (
                <TextInput
                  label={t('fleetDesk.packs.thresholdLabel')}
                  inputMode="decimal"
                  w={200}
                  {...form.getInputProps('threshold')}
                />
              )}
            </>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('fleetDesk.common.cancel')}
            </Button>
            <Button type="submit" loading={saving}>
              {t(pack ? 'fleetDesk.common.save' : 'fleetDesk.packs.orderSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
