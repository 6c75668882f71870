import { Alert } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../components/PageHeader'

/** A screen the clerk's role may not open (its link is hidden; this answers a typed address). */
export function Restricted({ title }: { title: string }) {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={title} />
      <Alert color="gray" variant="light" icon={<IconLock size={18} />} maw={720}>
        {t('common.restricted')}
      </Alert>
    </>
  )
}
