import { Badge, Button, Divider, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconMailForward } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { portalSendInput } from '../../../../preload/contract/invoicing'
import { useChannelMutation, useChannelQuery } from '../../api/hooks'
import { DateField } from '../../components/DateField'
import { toFormErrors, validateWith } from '../../components/formErrors'
import { notifySuccess } from '../../components/notify'
import { requiredField } from '../../components/requiredField'
import { formatDateTime } from '../../lib/format'
import { serverFieldErrors } from '../harbour/serverErrors'
import { useInvoicingSaved } from './useInvoicingSaved'

/**
 * Portal access (seed 002, "Inscription"): with an email on file, one click sends the access;
 * without, the caller first gives the number, date and amount incl. VAT of an invoice of this year.
 */
export function PortalAccessBlock({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation()
  const status = useChannelQuery('invoicing.portal.status', { customerId })
  const send = useChannelMutation('invoicing.portal.send')
  const saved = useInvoicingSaved()
  const form = useForm({ initialValues: { invoiceNumber: '', issueDate: '', amount: '', email: '' } })
  const s = status.data
  const last = s?.accesses[0]
  const toFormPath = (p: string) => (p.startsWith('check.') ? p.slice(6) : null)
  const submit = form.onSubmit(async (v) => {
    const input = s?.emailOnFile ? { customerId } : { customerId, check: v }
    const local = validateWith(portalSendInput, input, toFormPath)
    if (Object.keys(local.fields).length) return form.setErrors(toFormErrors(local.fields))
    try {
      await send.mutateAsync(input)
      notifySuccess(t('invoicing.portal.sent'))
      form.reset()
      saved()
    } catch (error) {
      form.setErrors(serverFieldErrors(t, error, toFormPath))
    }
  })
  if (!s) return null
  return (
    <>
      <Divider my="md" />
      <form onSubmit={submit} noValidate aria-labelledby="portal-title">
        <Stack gap="xs">
          <Group justify="space-between">
            <Text fw={600} size="sm" id="portal-title">
              {t('invoicing.portal.title')}
            </Text>
            {last ? (
              <Badge variant="light" color={last.activatedAt ? 'teal' : 'blue'} data-testid="portal-state">
                {last.activatedAt
                  ? t('invoicing.portal.activated')
                  : t('invoicing.portal.sentOn', {
                      to: last.sentTo,
                      at: formatDateTime(last.sentAt, i18n.language),
                    })}
              </Badge>
            ) : (
              <Badge variant="light" color="gray" data-testid="portal-state">
                {t('invoicing.portal.never')}
              </Badge>
            )}
          </Group>
          {s.emailOnFile ? (
            <Group justify="space-between">
              <Text size="sm">{t('invoicing.portal.toEmail', { email: s.emailOnFile })}</Text>
              <Button
                size="xs"
                type="submit"
                leftSection={<IconMailForward size={14} />}
                loading={send.isPending}
              >
                {last ? t('invoicing.portal.resend') : t('invoicing.portal.send')}
              </Button>
            </Group>
          ) : (
            <>
              <Text size="sm" c="dimmed">
                {t('invoicing.portal.checkHelp')}
              </Text>
              <SimpleGrid cols={4} spacing="xs">
                <TextInput
                  size="xs"
                  label={t('invoicing.portal.invoiceNumber')}
                  {...requiredField}
                  {...form.getInputProps('invoiceNumber')}
                />
                <DateField
                  size="xs"
                  label={t('invoicing.portal.invoiceDate')}
                  {...requiredField}
                  {...form.getInputProps('issueDate')}
                />
                <TextInput
                  size="xs"
                  inputMode="decimal"
                  label={t('invoicing.portal.invoiceAmount')}
                  {...requiredField}
                  {...form.getInputProps('amount')}
                />
                <TextInput
                  size="xs"
                  type="email"
                  label={t('invoicing.portal.email')}
                  {...requiredField}
                  {...form.getInputProps('email')}
                />
              </SimpleGrid>
              <Group justify="flex-end">
                <Button
                  size="xs"
                  type="submit"
                  leftSection={<IconMailForward size={14} />}
                  loading={send.isPending}
                >
                  {t('invoicing.portal.verifyAndSend')}
                </Button>
              </Group>
            </>
          )}
        </Stack>
      </form>
    </>
  )
}
