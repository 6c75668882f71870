import {
  ActionIcon,
  Alert,
  Button,
  FileButton,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconInfoCircle, IconPaperclip, IconSend, IconX } from '@tabler/icons-react'
import { useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  acceptedAttachmentTypes,
  type InputOf,
  MAX_ATTACHMENT_BYTES,
  MAX_TICKET_ATTACHMENTS,
  type TicketDetail,
  type TicketSubject,
  ticketCreateInput,
  ticketRequirements,
  ticketSubjectCodes,
  ticketSubjects,
} from '../../../../preload/contract'
import type { FieldIssue } from '../../../../preload/errors'
import { call } from '../../api/call'
import { useChannelQuery } from '../../api/hooks'
import { DateField } from '../../components/DateField'
import { IssueText } from '../../components/IssueText'
import { notifySuccess } from '../../components/notify'
import { requiredField } from '../../components/requiredField'
import { readAsBase64 } from '../../lib/download'
import { BlankSimOrderForm } from './BlankSimOrderForm'
import { showSaveError, validateInput } from './fleetDeskForms'
import { formatBytes } from './ticketText'
import { useAccountLines } from './useAccountLines'

interface Values {
  subject: string
  detail: string
  lineId: string
  actionDate: string
  message: string
  contactEmail: string
  contactMobile: string
}

const ACCEPT = '.pdf,.jpg,.jpeg,.png,.csv,.xlsx,application/pdf,image/jpeg,image/png,text/csv'

function toInput(customerId: string, v: Values): InputOf<'fleetDesk.tickets.create'> {
  const needs = v.detail ? ticketRequirements(v.detail as TicketDetail) : null
  return {
    customerId,
    subject: v.subject as TicketSubject,
    detail: v.detail as TicketDetail,
    ...(needs && needs.phone !== 'none' && v.lineId ? { lineId: v.lineId } : {}),
    ...(needs?.actionDate && v.actionDate ? { actionDate: v.actionDate } : {}),
    message: v.message,
    contactEmail: v.contactEmail,
    contactMobile: v.contactMobile,
  }
}

/** A new ticket (seed: "Créer un ticket technique"): subject, detail, then the fields that detail needs. */
export function TicketForm({
  customerId,
  onClose,
  onCreated,
}: {
  customerId: string
  onClose(): void
  onCreated(id: string): void
}) {
  const { t, i18n } = useTranslation()
  const client = useQueryClient()
  const customer = useChannelQuery('customers.get', { id: customerId })
  const lines = useAccountLines(customerId)
  const [files, setFiles] = useState<File[]>([])
  const [fileIssues, setFileIssues] = useState<Record<number, FieldIssue>>({})
  const [listIssue, setListIssue] = useState<FieldIssue | null>(null)
  const [saving, setSaving] = useState(false)
  const resetFiles = useRef<() => void>(null)
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      subject: '',
      detail: '',
      lineId: '',
      actionDate: '',
      message: '',
      contactEmail: '',
      contactMobile: '',
    },
    validate: (v) => validateInput(ticketCreateInput, toInput(customerId, v)),
  })

  // The customer's own email and mobile, as the portal pre-fills the manager's.
  useEffect(() => {
    const c = customer.data
    if (!c) return
    const mobile = c.phones.find((p) => p.type === 'mobile') ?? c.phones[0]
    form.setValues((v) => ({
      contactEmail: v.contactEmail || c.email || '',
      contactMobile: v.contactMobile || mobile?.number || '',
    }))
  }, [customer.data, form.setValues])

  const subject = form.values.subject as TicketSubject | ''
  const detail = form.values.detail as TicketDetail | ''
  const needs = detail ? ticketRequirements(detail) : null

  const addFiles = (picked: File[]) => {
    resetFiles.current?.()
    setFileIssues({})
    const next = [...files, ...picked]
    const tooBig = next.findIndex((f) => f.size > MAX_ATTACHMENT_BYTES)
    if (next.length > MAX_TICKET_ATTACHMENTS) {
      setListIssue({ path: 'attachments', key: 'validation.tooManyAttachments' })
      return
    }
    setListIssue(null)
    setFiles(next)
    if (tooBig >= 0)
      setFileIssues({
        [tooBig]: {
          path: '',
          key: 'validation.fileTooBig',
          params: { maximum: MAX_ATTACHMENT_BYTES / 1024 },
        },
      })
  }

  const submit = async (v: Values) => {
    if (Object.keys(fileIssues).length > 0 || listIssue) return
    setSaving(true)
    try {
      const attachments = await Promise.all(files.map(readAsBase64))
      const ticket = await call('fleetDesk.tickets.create', { ...toInput(customerId, v), attachments })
      notifySuccess(t('fleetDesk.tickets.created', { number: ticket.ticketNumber }))
      void client.invalidateQueries({ queryKey: ['fleetDesk.tickets.list'] })
      onCreated(ticket.id)
    } catch (error) {
      const issues = (error as { fields?: FieldIssue[] }).fields ?? []
      const perFile: Record<number, FieldIssue> = {}
      for (const issue of issues) {
        const m = /^attachments\.(\d+)/.exec(issue.path)
        if (m) perFile[Number(m[1])] ??= issue
        else if (issue.path === 'attachments') setListIssue(issue)
      }
      setFileIssues(perFile)
      showSaveError(t, form, error, t('fleetDesk.tickets.createFailed'), (p) =>
        p.startsWith('attachments') ? '' : p in form.values ? p : null,
      )
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('fleetDesk.tickets.createTitle')} size="xl">
      <Stack gap="sm">
        <SimpleGrid cols={2}>
          <Select
            label={t('fleetDesk.tickets.subject')}
            placeholder={t('fleetDesk.tickets.subjectPlaceholder')}
            data={ticketSubjectCodes.map((s) => ({ value: s, label: t(`fleetDesk.tickets.subjects.${s}`) }))}
            {...requiredField}
            {...form.getInputProps('subject')}
            onChange={(v) => {
              form.setFieldValue('subject', v ?? '')
              form.setFieldValue('detail', '')
            }}
            data-autofocus
          />
          <Select
            label={t('fleetDesk.tickets.detail')}
            placeholder={t('fleetDesk.tickets.detailPlaceholder')}
            data={(subject ? ticketSubjects[subject] : []).map((d) => ({
              value: d,
              label: t(`fleetDesk.tickets.details.${d}`),
            }))}
            disabled={!subject}
            {...requiredField}
            {...form.getInputProps('detail')}
          />
        </SimpleGrid>
        {needs?.blankSimOrder ? (
          <>
            <Alert variant="light" icon={<IconInfoCircle size={18} />}>
              {t('fleetDesk.tickets.blankSimHint')}
            </Alert>
            <BlankSimOrderForm customerId={customerId} onDone={onClose} onCancel={onClose} />
          </>
        ) : (
          <form noValidate onSubmit={form.onSubmit((v) => void submit(v))}>
            <Stack gap="sm">
              {needs && (needs.phone !== 'none' || needs.actionDate) && (
                <SimpleGrid cols={2}>
                  {needs.phone !== 'none' ? (
                    <Select
                      label={t('fleetDesk.common.phoneNumber')}
                      placeholder={t('fleetDesk.lines.placeholder')}
                      data={lines.data}
                      searchable
                      searchValue={lines.search}
                      onSearchChange={lines.setSearch}
                      filter={({ options }) => options}
                      nothingFoundMessage={t('fleetDesk.lines.nothing')}
                      {...(needs.phone === 'required' ? requiredField : {})}
                      {...form.getInputProps('lineId')}
                    />
                  ) : (
                    <div />
                  )}
                  {needs.actionDate && (
                    <DateField
                      label={t('fleetDesk.tickets.actionDate')}
                      {...requiredField}
                      {...form.getInputProps('actionDate')}
                    />
                  )}
                </SimpleGrid>
              )}
              <Textarea
                label={t('fleetDesk.tickets.message')}
                placeholder={t('fleetDesk.tickets.messagePlaceholder')}
                autosize
                minRows={3}
                {...requiredField}
                {...form.getInputProps('message')}
              />
              <div>
                <Group gap="sm">
                  <FileButton onChange={addFiles} accept={ACCEPT} multiple resetRef={resetFiles}>
                    {(props) => (
                      <Button
                        {...props}
                        variant="default"
                        leftSection={<IconPaperclip size={16} />}
                        disabled={files.length >= MAX_TICKET_ATTACHMENTS}
                      >
                        {t('fleetDesk.tickets.addAttachment')}
                      </Button>
                    )}
                  </FileButton>
                  <Text size="xs" c="dimmed">
                    {t('fleetDesk.tickets.attachmentRules', {
                      count: MAX_TICKET_ATTACHMENTS,
                      types: acceptedAttachmentTypes.join(', '),
                      size: formatBytes(MAX_ATTACHMENT_BYTES, i18n.language),
                    })}
                  </Text>
                </Group>
                {needs?.employeeFile && (
                  <Text size="xs" mt={4}>
                    {t('fleetDesk.tickets.employeeFileHint')}
                  </Text>
                )}
                {listIssue && (
                  <Text size="sm" c="red" mt={4} role="alert">
                    <IssueText issue={listIssue} />
                  </Text>
                )}
                {files.length > 0 && (
                  <Stack
                    gap={4}
                    mt="xs"
                    component="ul"
                    p={0}
                    style={{ listStyle: 'none' }}
                    aria-label={t('fleetDesk.tickets.attachments')}
                  >
                    {files.map((f, i) => (
                      <li key={`${f.name}-${f.size}-${f.lastModified}`}>
                        <Group gap="xs">
                          <IconPaperclip size={14} />
                          <Text size="sm">{f.name}</Text>
                          <Text size="xs" c="dimmed">
                            {formatBytes(f.size, i18n.language)}
                          </Text>
                          <ActionIcon
                            size="sm"
                            variant="subtle"
                            color="gray"
                            aria-label={t('fleetDesk.tickets.removeAttachment', { name: f.name })}
                            onClick={() => {
                              setFiles(files.filter((_, j) => j !== i))
                              setFileIssues({})
                              setListIssue(null)
                            }}
                          >
                            <IconX size={14} />
                          </ActionIcon>
                        </Group>
                        {fileIssues[i] && (
                          <Text size="sm" c="red" role="alert">
                            {f.name} : <IssueText issue={fileIssues[i]} />
                          </Text>
                        )}
                      </li>
                    ))}
                  </Stack>
                )}
              </div>
              <SimpleGrid cols={2}>
                <TextInput
                  label={t('fleetDesk.tickets.contactEmail')}
                  type="email"
                  {...requiredField}
                  {...form.getInputProps('contactEmail')}
                />
                <TextInput
                  label={t('fleetDesk.tickets.contactMobile')}
                  type="tel"
                  {...requiredField}
                  {...form.getInputProps('contactMobile')}
                />
              </SimpleGrid>
              <Group justify="flex-end" mt="sm">
                <Button variant="default" onClick={onClose}>
                  {t('fleetDesk.common.cancel')}
                </Button>
                <Button
                  type="submit"
                  loading={saving}
                  leftSection={<IconSend size={16} />}
                  disabled={!detail}
                >
                  {t('fleetDesk.tickets.send')}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Stack>
    </Modal>
  )
}
