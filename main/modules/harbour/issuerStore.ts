import { eq } from 'drizzle-orm'
import type { HarbourIssuerView } from '../../../preload/contract/harbour'
import { harbourSettings } from '../../db/schema'
import type { Actor, Repository } from '../../repo/repository'
import { harbourSettingEntity } from './harbourEntities'
import type { HarbourIssuer } from './harbourIssuer'

const KEY = 'issuer'

/** What a desk prints until its admin sets the harbour's identity. */
export const defaultIssuer: HarbourIssuerView = {
  name: 'Capitainerie',
  addressLines: ['Adresse à renseigner (Paramètres de la capitainerie)'],
  currency: 'EUR',
  defaultVatRateBp: 2000,
  timeZone: 'Europe/Paris',
}

/** The harbour's identity, desk-local, kept as one JSON setting and cached (read for every document). */
export class IssuerStore {
  private cached: HarbourIssuerView | null = null

  constructor(private readonly repo: Repository) {}

  get(): HarbourIssuerView {
    if (this.cached) return this.cached
    const row = this.repo.db.select().from(harbourSettings).where(eq(harbourSettings.id, KEY)).get()
    this.cached = row
      ? { ...defaultIssuer, ...(JSON.parse(row.value) as Partial<HarbourIssuerView>) }
      : defaultIssuer
    return this.cached
  }

  /** The identity as other areas use it (no desk time zone). */
  issuer(): HarbourIssuer {
    const { timeZone: _tz, ...issuer } = this.get()
    return issuer
  }

  set(actor: Actor, value: HarbourIssuerView): HarbourIssuerView {
    const clean = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== '' && v !== undefined))
    const json = JSON.stringify(clean)
    this.repo.write(actor, 'harbour.issuer.update', (unit) => {
      if (unit.load(harbourSettingEntity, KEY)) unit.update(harbourSettingEntity, KEY, { value: json })
      else unit.insert(harbourSettingEntity, { id: KEY, value: json })
    })
    this.cached = null
    return this.get()
  }
}
