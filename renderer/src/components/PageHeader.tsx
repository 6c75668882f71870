import { Group, Text, Title } from '@mantine/core'
import { useDocumentTitle } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'

/** The title row of every screen (also the window title), with the screen's main actions. */
export function PageHeader({
  title,
  subtitle,
  actions,
}: {
  title: string
  subtitle?: React.ReactNode
  actions?: React.ReactNode
}) {
  const { t } = useTranslation()
  useDocumentTitle(`${title} · ${t('app.name')}`)
  return (
    <Group justify="space-between" align="flex-end" mb="sm" wrap="nowrap" gap="md">
      <div style={{ minWidth: 0 }}>
        <Title order={1} size="h3">
          {title}
        </Title>
        {subtitle && (
          <Text size="sm" c="dimmed" component="div">
            {subtitle}
          </Text>
        )}
      </div>
      {actions && (
        <Group gap="xs" wrap="nowrap">
          {actions}
        </Group>
      )}
    </Group>
  )
}
