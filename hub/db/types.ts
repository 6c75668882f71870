import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import type * as schema from './schema'

export type HubDb = PgDatabase<PgQueryResultHKT, typeof schema>
export type HubTx = Parameters<Parameters<HubDb['transaction']>[0]>[0]
