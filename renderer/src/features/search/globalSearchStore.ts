import { createSpotlight } from '@mantine/spotlight'

/** The Ctrl+K search has its own store so the header button and the results can drive it. */
export const [globalSearchStore, globalSearch] = createSpotlight()

/**
 * Spotlight selects its first action when the query changes, but our results arrive later (from
 * main, debounced); this selects the first one once they are shown, so Enter opens it. It does
 * what Spotlight's own (unexported) `selectAction(0)` does: mark the action and record the index.
 */
export function selectFirstResult(): void {
  const { listId } = globalSearchStore.getState()
  const list = listId ? document.getElementById(listId) : null
  if (!list) return
  for (const selected of list.querySelectorAll('[data-selected]')) selected.removeAttribute('data-selected')
  const first = list.querySelector('[data-action]')
  if (!first) return
  first.setAttribute('data-selected', 'true')
  globalSearchStore.updateState((state) => ({ ...state, selected: 0 }))
}
