import { IconDeviceMobile } from '@tabler/icons-react'
import type { AreaSection } from '../../app/areaSection'
import { FleetScreen } from './FleetScreen'

/** The fleet area's screens (see app/areaRegistry.ts). */
export const fleetSections: AreaSection[] = [
  {
    section: 'fleets',
    workspaces: ['telecom'],
    component: FleetScreen,
    nav: { labelKey: 'fleet.nav', icon: IconDeviceMobile },
    channel: 'fleet.accounts.list',
  },
]
