import { Table, UnstyledButton } from '@mantine/core'
import { IconArrowDown, IconArrowsSort, IconArrowUp } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { CustomerSort } from '../../../../preload/contract'

interface Props {
  sort: CustomerSort
  label: string
  current: CustomerSort
  direction: 'asc' | 'desc'
  onSort(sort: CustomerSort): void
}

/** A column header that sorts: a button inside the header cell, with `aria-sort` on the cell. */
export function SortHeader({ sort, label, current, direction, onSort }: Props) {
  const { t } = useTranslation()
  const active = sort === current
  const Icon = !active ? IconArrowsSort : direction === 'asc' ? IconArrowUp : IconArrowDown
  const ariaSort = active ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'
  const state = active
    ? ` (${direction === 'asc' ? t('customerList.sortAsc') : t('customerList.sortDesc')})`
    : ''
  return (
    <Table.Th aria-sort={ariaSort}>
      <UnstyledButton
        className="g-sort-button"
        onClick={() => onSort(sort)}
        title={`${t('customerList.sortBy')} ${label}${state}`}
      >
        {label}
        <Icon size={14} stroke={1.8} style={{ opacity: active ? 1 : 0.4 }} aria-hidden />
      </UnstyledButton>
    </Table.Th>
  )
}
