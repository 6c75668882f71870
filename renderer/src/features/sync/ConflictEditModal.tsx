import { Button, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SyncConflictView } from '../../../../preload/contract'
import type { FieldIssue } from '../../../../preload/errors'
import { isApiError } from '../../api/call'
import { IssueText } from '../../components/IssueText'
import { notifyError } from '../../components/notify'
import { requiredField } from '../../components/requiredField'
import {
  conflictEditor,
  describeConflictValue,
  editInitialText,
  editValueIssue,
  editValueToSend,
  fieldLabel,
} from './syncText'
import { useResolveConflict } from './useResolveConflict'

/** "Edit": keeps a value typed by the supervisor instead of either side. */
export function ConflictEditModal({
  conflict,
  onClose,
}: {
  conflict: SyncConflictView | null
  onClose(): void
}) {
  const { t, i18n } = useTranslation()
  const [text, setText] = useState('')
  const [issue, setIssue] = useState<FieldIssue | null>(null)
  const resolve = useResolveConflict()
  const editor = conflict ? conflictEditor(conflict.entity, conflict.field) : null

  useEffect(() => {
    setText(conflict ? editInitialText(conflict.field, conflict.current) : '')
    setIssue(null)
  }, [conflict])

  if (!conflict || !editor) return <Modal opened={false} onClose={onClose} />
  const label = t('conflicts.editValue', { field: fieldLabel(conflict.field, t) })
  const error = issue ? <IssueText issue={issue} /> : undefined

  const submit = async () => {
    const problem = editor.kind === 'select' ? null : editValueIssue(conflict.field, text)
    if (editor.kind !== 'select' && editor.required && text.trim() === '')
      return setIssue({ path: 'value', key: 'validation.required' })
    if (problem) return setIssue(problem)
    const value = editValueToSend(conflict.field, text)
    try {
      await resolve.mutateAsync({
        id: conflict.id,
        choice: 'edit',
        value,
        done: t('conflicts.resolvedWith', {
          value: describeConflictValue(conflict.field, value, t, i18n.language),
        }),
      })
      onClose()
    } catch (e) {
      const field = isApiError(e) && e.code === 'VALIDATION' ? e.fields[0] : undefined
      if (field) setIssue(field)
      else notifyError(t, e, t('conflicts.resolveFailed'))
    }
  }

  const common = {
    label,
    error,
    'data-autofocus': true,
    ...(editor.kind !== 'select' && editor.required ? requiredField : {}),
  }

  return (
    <Modal opened onClose={onClose} title={t('conflicts.editTitle', { record: conflict.label })} size="lg">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          void submit()
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault()
            event.currentTarget.requestSubmit()
          }
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('conflicts.editIntro', {
              theirs: describeConflictValue(conflict.field, conflict.theirs, t, i18n.language),
              yours: describeConflictValue(conflict.field, conflict.yours, t, i18n.language),
            })}
          </Text>
          {editor.kind === 'select' ? (
            <Select
              {...common}
              data={editor.options.map((value) => ({
                value,
                label: t(`${editor.optionKey}.${value}` as never),
              }))}
              allowDeselect={false}
              value={text}
              onChange={(value) => setText(value ?? '')}
            />
          ) : editor.kind === 'textarea' ? (
            <Textarea
              {...common}
              autosize
              minRows={3}
              maxRows={10}
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
            />
          ) : (
            <TextInput
              {...common}
              autoComplete="off"
              value={text}
              onChange={(event) => setText(event.currentTarget.value)}
            />
          )}
          <Text size="xs" c="dimmed">
            {t('conflicts.editHint')}
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={resolve.isPending}>
              {t('conflicts.editSave')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
