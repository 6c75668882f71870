import { Button, Group, Modal } from '@mantine/core'
import { IconDownload } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FileDownload } from '../../../../preload/contract'
import { objectUrlOf, saveDownload } from '../../lib/download'

/** Shows a PDF sent by main (invoice, receipt, statement, Z-report) with a download button. */
export function PdfModal({ file, onClose }: { file: FileDownload | null; onClose: () => void }) {
  const { t } = useTranslation()
  const [url, setUrl] = useState<string | null>(null)
  useEffect(() => {
    if (!file) return
    const u = objectUrlOf(file)
    setUrl(u)
    return () => URL.revokeObjectURL(u)
  }, [file])
  return (
    <Modal opened={!!file} onClose={onClose} size="xl" title={file?.fileName ?? ''}>
      {url && (
        <iframe title={file?.fileName ?? ''} src={url} style={{ width: '100%', height: '70vh', border: 0 }} />
      )}
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={onClose}>
          {t('invoicing.close')}
        </Button>
        <Button
          leftSection={<IconDownload size={16} />}
          onClick={() => file && saveDownload(file)}
          data-autofocus
        >
          {t('invoicing.download')}
        </Button>
      </Group>
    </Modal>
  )
}
