import { IconAnchor, IconBuildingLighthouse, IconFileCertificate, IconReceiptEuro } from '@tabler/icons-react'
import type { AreaSection } from '../../app/areaSection'
import { BerthPlanScreen } from './BerthPlanScreen'
import { ContractsScreen } from './ContractsScreen'
import { IdentityScreen } from './IdentityScreen'
import { TariffsScreen } from './TariffsScreen'

/** The harbour area's screens (see app/areaRegistry.ts). */
export const harbourSections: AreaSection[] = [
  {
    section: 'berths',
    workspaces: ['harbour'],
    component: BerthPlanScreen,
    nav: { labelKey: 'harbour.nav.berths', icon: IconAnchor },
    channel: 'harbour.berths.plan',
  },
  {
    section: 'contracts',
    workspaces: ['harbour'],
    component: ContractsScreen,
    nav: { labelKey: 'harbour.nav.contracts', icon: IconFileCertificate },
    channel: 'harbour.contracts.list',
  },
  {
    section: 'tariffs',
    workspaces: ['harbour'],
    component: TariffsScreen,
    nav: { labelKey: 'harbour.nav.tariffs', icon: IconReceiptEuro },
    channel: 'harbour.tariffs.list',
  },
  {
    section: 'harbour-identity',
    workspaces: ['harbour'],
    component: IdentityScreen,
    nav: { labelKey: 'harbour.nav.identity', icon: IconBuildingLighthouse },
    channel: 'harbour.issuer.update',
  },
]
