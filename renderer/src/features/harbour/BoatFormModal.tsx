import { Button, Group, Modal, Select, SimpleGrid, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { type Boat, boatTypes } from '../../../../preload/contract'
import { useChannelMutation } from '../../api/hooks'
import { DateField } from '../../components/DateField'
import { notifySuccess } from '../../components/notify'
import { requiredField } from '../../components/requiredField'
import { cmToMetres, metresToCm } from './harbourFormat'
import { serverFieldErrors } from './serverErrors'
import { useHarbourSaved } from './useHarbourSaved'

interface Values {
  name: string
  registration: string
  boatType: string
  length: string
  beam: string
  draught: string
  insuranceExpiry: string
}

const dimensionPath: Record<string, keyof Values> = {
  lengthCm: 'length',
  beamCm: 'beam',
  draughtCm: 'draught',
}

/** Creates or edits a customer's boat; dimensions typed in metres, stored in whole centimetres. */
export function BoatFormModal({
  customerId,
  boat,
  opened,
  onClose,
}: {
  customerId: string
  boat: Boat | null
  opened: boolean
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const saved = useHarbourSaved()
  const lang = i18n.language
  const form = useForm<Values>({
    initialValues: {
      name: boat?.name ?? '',
      registration: boat?.registration ?? '',
      boatType: boat?.boatType ?? 'sail',
      length: boat ? cmToMetres(boat.lengthCm, lang) : '',
      beam: boat ? cmToMetres(boat.beamCm, lang) : '',
      draught: boat ? cmToMetres(boat.draughtCm, lang) : '',
      insuranceExpiry: boat?.insuranceExpiry ?? '',
    },
    validate: {
      name: (v) => (v.trim() ? null : t('validation.required')),
      registration: (v) => (v.trim() ? null : t('validation.required')),
      length: (v) => (metresToCm(v) ? null : t('validation.invalid')),
      beam: (v) => (metresToCm(v) ? null : t('validation.invalid')),
      draught: (v) => (metresToCm(v) ? null : t('validation.invalid')),
    },
  })
  const create = useChannelMutation('harbour.boats.create')
  const update = useChannelMutation('harbour.boats.update')
  const toFormPath = (path: string) => {
    const p = path.replace(/^boat\./, '')
    return dimensionPath[p] ?? (p in form.values ? p : null)
  }
  const submit = form.onSubmit(async (v) => {
    const input = {
      customerId,
      name: v.name,
      registration: v.registration,
      boatType: v.boatType as Boat['boatType'],
      lengthCm: metresToCm(v.length)!,
      beamCm: metresToCm(v.beam)!,
      draughtCm: metresToCm(v.draught)!,
      insuranceExpiry: v.insuranceExpiry,
    }
    try {
      if (boat) await update.mutateAsync({ id: boat.id, expectedVersion: boat.version, boat: input })
      else await create.mutateAsync(input)
      notifySuccess(t('harbour.boats.saved'))
      saved()
      onClose()
    } catch (error) {
      form.setErrors(serverFieldErrors(t, error, toFormPath))
    }
  })
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={boat ? t('harbour.boats.formTitleEdit') : t('harbour.boats.formTitleNew')}
      size="lg"
    >
      <form onSubmit={submit} noValidate>
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t('harbour.boats.fields.name')}
            {...requiredField}
            data-autofocus
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('harbour.boats.fields.registration')}
            {...requiredField}
            {...form.getInputProps('registration')}
          />
          <Select
            label={t('harbour.boats.fields.boatType')}
            data={boatTypes.map((b) => ({ value: b, label: t(`harbour.boatType.${b}`) }))}
            allowDeselect={false}
            {...form.getInputProps('boatType')}
          />
          <DateField
            label={t('harbour.boats.fields.insuranceExpiry')}
            {...form.getInputProps('insuranceExpiry')}
          />
          <TextInput
            label={t('harbour.boats.fields.length')}
            inputMode="decimal"
            {...requiredField}
            {...form.getInputProps('length')}
          />
          <TextInput
            label={t('harbour.boats.fields.beam')}
            inputMode="decimal"
            {...requiredField}
            {...form.getInputProps('beam')}
          />
          <TextInput
            label={t('harbour.boats.fields.draught')}
            inputMode="decimal"
            {...requiredField}
            {...form.getInputProps('draught')}
          />
        </SimpleGrid>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t('harbour.boats.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t('harbour.boats.save')}
          </Button>
        </Group>
      </form>
    </Modal>
  )
}
