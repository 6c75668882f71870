import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconInfoCircle, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { type SyncIssue, syncDiscardInput } from '../../../../preload/contract'
import { isApiError } from '../../api/call'
import { useChannelMutation } from '../../api/hooks'
import { toFormErrors, validateWith } from '../../components/formErrors'
import { notifyError, notifySuccess } from '../../components/notify'
import { requiredField } from '../../components/requiredField'
import { useSyncAnswered } from './useSyncStatus'

const reasonPath = (path: string) => (path === 'reason' ? 'reason' : null)

/**
 * Gives up a rejected operation (supervisor or admin): a reason is required, the act is audited,
 * and nothing is erased — the operation stays on the desk, marked discarded.
 */
export function DiscardModal({
  issue,
  recordName,
  onClose,
}: {
  issue: SyncIssue | null
  recordName: string
  onClose(): void
}) {
  const { t } = useTranslation()
  const answered = useSyncAnswered()
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: (values) =>
      toFormErrors(validateWith(syncDiscardInput, { seq: issue?.seq ?? 1, ...values }, reasonPath).fields),
  })
  const discard = useChannelMutation('sync.discard', {
    onSuccess: (status) => {
      answered(status)
      notifySuccess(t('syncIssues.discarded'))
      close()
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'VALIDATION') {
        form.setErrors(
          toFormErrors(validateWith(syncDiscardInput, { seq: issue?.seq ?? 1 }, reasonPath).fields),
        )
      } else notifyError(t, error, t('syncIssues.discardFailed'))
    },
  })
  const close = () => {
    form.reset()
    onClose()
  }

  return (
    <Modal opened={issue !== null} onClose={close} title={t('syncIssues.discardTitle')} size="lg">
      {issue && (
        <form
          noValidate
          onSubmit={form.onSubmit((values) => discard.mutate({ seq: issue.seq, reason: values.reason }))}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault()
              event.currentTarget.requestSubmit()
            }
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t('syncIssues.discardIntro', { record: recordName })}</Text>
            <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} py="xs">
              <Text size="sm">{t('syncIssues.discardAudited')}</Text>
            </Alert>
            <Textarea
              label={t('syncIssues.discardReason')}
              description={t('syncIssues.discardReasonHint')}
              autosize
              minRows={2}
              maxRows={6}
              data-autofocus
              {...requiredField}
              {...form.getInputProps('reason')}
            />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                color="red"
                loading={discard.isPending}
                leftSection={<IconTrash size={16} />}
              >
                {t('syncIssues.discardConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  )
}
