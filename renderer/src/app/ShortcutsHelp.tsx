import { Group, Kbd, Modal, Table, Text } from '@mantine/core'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'

type ShortcutAction =
  | 'search'
  | 'newCustomer'
  | 'help'
  | 'close'
  | 'submit'
  | 'submitTextarea'
  | 'rows'
  | 'openRow'

type NamedKey = 'ctrl' | 'alt' | 'esc' | 'enter' | 'up' | 'down'
/** A key: a named key (translated, e.g. Entrée / Enter) or a key cap printed as is. */
type Key = NamedKey | 'K' | 'N' | '?'

/** Each row: the key combinations (alternatives), then what they do. */
const shortcuts: [Key[][], ShortcutAction][] = [
  [[['ctrl', 'K']], 'search'],
  [[['alt', 'N']], 'newCustomer'],
  [[['?']], 'help'],
  [[['esc']], 'close'],
  [[['enter']], 'submit'],
  [[['ctrl', 'enter']], 'submitTextarea'],
  [[['up'], ['down']], 'rows'],
  [[['enter']], 'openRow'],
]

const isNamed = (key: Key): key is NamedKey => key.length > 1

export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose(): void }) {
  const { t } = useTranslation()
  const keyName = (key: Key) => (isNamed(key) ? t(`shortcuts.keyNames.${key}`) : key)
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')} size="md">
      <Table verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>{t('shortcuts.keys')}</Table.Th>
            <Table.Th>{t('shortcuts.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shortcuts.map(([combos, action]) => (
            <Table.Tr key={action}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  {combos.map((combo, i) => (
                    <Fragment key={combo.join('+')}>
                      {i > 0 && (
                        <Text span size="xs" c="dimmed">
                          /
                        </Text>
                      )}
                      {combo.map((key, j) => (
                        <Fragment key={key}>
                          {j > 0 && (
                            <Text span size="xs" c="dimmed">
                              +
                            </Text>
                          )}
                          <Kbd size="sm">{keyName(key)}</Kbd>
                        </Fragment>
                      ))}
                    </Fragment>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{t(`shortcuts.${action}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  )
}
