import {
  Alert,
  Badge,
  Button,
  Code,
  FileInput,
  Group,
  Modal,
  ScrollArea,
  Stack,
  Table,
  Text,
} from '@mantine/core'
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportPreview } from '../../../../preload/contract/fleet'
import { call } from '../../api/call'
import { IssueText } from '../../components/IssueText'
import { notifyError, notifySuccess } from '../../components/notify'
import { formatFleetPhone } from './formatPhone'

const TEMPLATE =
  'iccid;description;title;firstName;lastName;birthDate;email;phone;language;plan;options;billingAccount;splitBillProfile;number'

/** Employees via CSV: pick the file, see every row's problems, then import all rows or none. */
export function ImportModal({ customerId, onClose }: { customerId: string; onClose(): void }) {
  const { t } = useTranslation()
  const client = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const [csv, setCsv] = useState('')
  const [preview, setPreview] = useState<ImportPreview | null>(null)
  const [busy, setBusy] = useState(false)

  const pick = async (picked: File | null) => {
    setFile(picked)
    setPreview(null)
    if (!picked) return
    const text = await picked.text()
    setCsv(text)
    setBusy(true)
    try {
      setPreview(await call('fleet.import.preview', { customerId, csv: text }))
    } catch (error) {
      notifyError(t, error)
    } finally {
      setBusy(false)
    }
  }

  const apply = async () => {
    setBusy(true)
    try {
      const { created } = await call('fleet.import.apply', { customerId, csv })
      notifySuccess(t('fleet.import.done', { count: created }))
      void client.invalidateQueries({ queryKey: ['fleet.lines.list'] })
      void client.invalidateQueries({ queryKey: ['fleet.accounts.get'] })
      onClose()
    } catch (error) {
      notifyError(t, error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal opened onClose={onClose} size="xl" title={t('fleet.import.title')}>
      <Stack gap="sm">
        <Text size="sm">{t('fleet.import.help')}</Text>
        <Code block fz="xs">
          {TEMPLATE}
        </Code>
        <FileInput
          label={t('fleet.import.file')}
          accept=".csv,text/csv"
          value={file}
          onChange={(f) => void pick(f)}
          clearable
          data-autofocus
        />
        {preview && preview.fileIssues.length > 0 && (
          <Alert color="red" variant="light">
            {preview.fileIssues.map((issue) => (
              <div key={`${issue.column}-${issue.key}`}>
                <IssueText
                  issue={{
                    path: issue.column,
                    key: issue.key,
                    ...(issue.params ? { params: issue.params } : {}),
                  }}
                />
              </div>
            ))}
          </Alert>
        )}
        {preview && preview.rows.length > 0 && (
          <>
            <Group gap="xs">
              <Badge color="teal" variant="light">
                {t('fleet.import.valid', { count: preview.valid })}
              </Badge>
              <Badge color={preview.invalid ? 'red' : 'gray'} variant="light">
                {t('fleet.import.invalid', { count: preview.invalid })}
              </Badge>
            </Group>
            <ScrollArea.Autosize mah={340}>
              <Table fz="sm" striped aria-label={t('fleet.import.previewTable')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fleet.import.row')}</Table.Th>
                    <Table.Th>{t('fleet.import.number')}</Table.Th>
                    <Table.Th>{t('fleet.import.description')}</Table.Th>
                    <Table.Th>{t('fleet.import.plan')}</Table.Th>
                    <Table.Th>{t('fleet.import.problems')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((r) => (
                    <Table.Tr key={r.row}>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {r.phoneNumber ? formatFleetPhone(r.phoneNumber) : '—'}
                      </Table.Td>
                      <Table.Td>{r.description}</Table.Td>
                      <Table.Td>{r.planCode}</Table.Td>
                      <Table.Td>
                        {r.issues.length === 0 ? (
                          <Text size="xs" c="teal.8">
                            {t('fleet.import.ok')}
                          </Text>
                        ) : (
                          r.issues.map((issue) => (
                            <Text key={`${issue.column}-${issue.key}`} size="xs" c="red.8">
                              {issue.column}:{' '}
                              <IssueText
                                issue={{
                                  path: issue.column,
                                  key: issue.key,
                                  ...(issue.params ? { params: issue.params } : {}),
                                }}
                              />
                            </Text>
                          ))
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('fleet.cancel')}
          </Button>
          <Button
            onClick={() => void apply()}
            loading={busy}
            disabled={!preview || preview.invalid > 0 || preview.fileIssues.length > 0 || preview.valid === 0}
          >
            {t('fleet.import.apply', { count: preview?.valid ?? 0 })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
