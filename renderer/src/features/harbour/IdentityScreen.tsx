import { Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { HarbourIssuerView } from '../../../../preload/contract'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import { notifySuccess } from '../../components/notify'
import { PageHeader } from '../../components/PageHeader'
import { requiredField } from '../../components/requiredField'
import { bpToPercent, percentToBp } from './harbourFormat'
import { serverFieldErrors } from './serverErrors'
import { useHarbourSaved } from './useHarbourSaved'

const keys = ['name', 'siret', 'ice', 'vatNumber', 'phone', 'email', 'currency', 'timeZone'] as const

/** The harbour's identity printed on every document (admin). */
export function IdentityScreen() {
  const { t, i18n } = useTranslation()
  const issuer = useChannelQuery('harbour.issuer.get', {})
  const update = useChannelMutation('harbour.issuer.update')
  const saved = useHarbourSaved()
  const form = useForm({
    initialValues: {
      name: '',
      addressLines: '',
      siret: '',
      ice: '',
      vatNumber: '',
      phone: '',
      email: '',
      currency: 'EUR',
      vat: '20',
      timeZone: 'Europe/Paris',
    },
  })
  // Fill the form once the identity arrives (not on every render of `form`).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the form object changes identity on each render
  useEffect(() => {
    const d: HarbourIssuerView | undefined = issuer.data
    if (!d) return
    form.setValues({
      ...Object.fromEntries(keys.map((k) => [k, d[k] ?? ''])),
      addressLines: d.addressLines.join('\n'),
      vat: bpToPercent(d.defaultVatRateBp, i18n.language),
    })
    form.resetDirty()
  }, [issuer.data, i18n.language])
  if (!issuer.data) return <Skeleton h={300} />
  return (
    <Stack gap="md" maw={820}>
      <PageHeader title={t('harbour.identity.title')} subtitle={t('harbour.identity.help')} />
      <Paper withBorder p="md">
        <form
          noValidate
          onSubmit={form.onSubmit(async (v) => {
            try {
              await update.mutateAsync({
                name: v.name,
                addressLines: v.addressLines
                  .split('\n')
                  .map((l) => l.trim())
                  .filter(Boolean),
                siret: v.siret,
                ice: v.ice,
                vatNumber: v.vatNumber,
                phone: v.phone,
                email: v.email,
                currency: v.currency,
                defaultVatRateBp: percentToBp(v.vat) ?? -1,
                timeZone: v.timeZone,
              })
              notifySuccess(t('harbour.identity.saved'))
              saved()
            } catch (error) {
              form.setErrors(
                serverFieldErrors(t, error, (p) =>
                  p.startsWith('addressLines') ? 'addressLines' : p === 'defaultVatRateBp' ? 'vat' : p,
                ),
              )
            }
          })}
        >
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              label={t('harbour.identity.name')}
              {...requiredField}
              {...form.getInputProps('name')}
            />
            <TextInput label={t('harbour.identity.email')} {...form.getInputProps('email')} />
            <Textarea
              label={t('harbour.identity.addressLines')}
              autosize
              minRows={2}
              {...requiredField}
              {...form.getInputProps('addressLines')}
            />
            <TextInput label={t('harbour.identity.phone')} {...form.getInputProps('phone')} />
            <TextInput label={t('harbour.identity.siret')} {...form.getInputProps('siret')} />
            <TextInput label={t('harbour.identity.ice')} {...form.getInputProps('ice')} />
            <TextInput label={t('harbour.identity.vatNumber')} {...form.getInputProps('vatNumber')} />
            <TextInput
              label={t('harbour.identity.currency')}
              {...requiredField}
              {...form.getInputProps('currency')}
            />
            <TextInput
              label={t('harbour.identity.defaultVat')}
              {...requiredField}
              {...form.getInputProps('vat')}
            />
            <TextInput
              label={t('harbour.identity.timeZone')}
              {...requiredField}
              {...form.getInputProps('timeZone')}
            />
          </SimpleGrid>
          <Group justify="flex-end" mt="md">
            <Text size="xs" c="dimmed" />
            <Button type="submit" loading={update.isPending}>
              {t('harbour.identity.save')}
            </Button>
          </Group>
        </form>
      </Paper>
    </Stack>
  )
}
