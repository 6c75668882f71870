import { createTheme, NavLink, Table, Tooltip } from '@mantine/core'

/**
 * Calm and dense: used all day at a counter, so small radii, no decoration, system fonts (the CSP
 * allows no remote font anyway) and tables that show many rows without scrolling.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 7, dark: 5 },
  defaultRadius: 'sm',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '600' },
  focusRing: 'auto',
  // Clerks who ask their system for less motion get no transitions.
  respectReducedMotion: true,
  cursorType: 'pointer',
  components: {
    Table: Table.extend({ defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm', fz: 'sm' } }),
    NavLink: NavLink.extend({ defaultProps: { py: 6 } }),
    Tooltip: Tooltip.extend({ defaultProps: { openDelay: 400, withArrow: true } }),
  },
})
