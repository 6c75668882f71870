import { Alert, Anchor, List, Text } from '@mantine/core'
import { IconCopy } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { DuplicateHint } from '../../../../preload/contract'
import { formatPhone } from '../../lib/format'

interface Grouped {
  id: string
  customerNumber: string
  displayName: string
  matches: DuplicateHint[]
}

/** One line per customer, whatever it matched on (email, phone or both). */
function groupById(hints: DuplicateHint[]): Grouped[] {
  const groups = new Map<string, Grouped>()
  for (const hint of hints) {
    const group = groups.get(hint.id) ?? { ...hint, matches: [] }
    group.matches.push(hint)
    groups.set(hint.id, group)
  }
  return [...groups.values()]
}

/**
 * A warning, not an error: two customers may share a phone (a family, a company switchboard).
 * The clerk checks and decides; `onOpen` shows the other customer.
 */
export function DuplicateWarning({
  hints,
  saved,
  onOpen,
}: {
  hints: DuplicateHint[]
  saved?: boolean
  onOpen(id: string): void
}) {
  const { t } = useTranslation()
  if (hints.length === 0) return null
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconCopy size={18} />}
      title={t('duplicates.title')}
      role="status"
      data-testid="duplicate-warning"
    >
      <Text size="sm" mb={4}>
        {saved ? t('duplicates.introSaved') : t('duplicates.intro')}
      </Text>
      <List size="sm" spacing={2}>
        {groupById(hints).map((group) => (
          <List.Item key={group.id}>
            <Anchor
              component="button"
              type="button"
              size="sm"
              fw={600}
              c="inherit"
              underline="always"
              onClick={() => onOpen(group.id)}
            >
              {group.displayName}
            </Anchor>{' '}
            <Text span size="sm">
              ({group.customerNumber}) —{' '}
              {group.matches
                .map((m) =>
                  t('duplicates.match', {
                    what: t(`duplicates.matchedOn.${m.matchedOn}`),
                    value: m.matchedOn === 'phone' ? formatPhone(m.value) : m.value,
                  }),
                )
                .join(', ')}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  )
}
