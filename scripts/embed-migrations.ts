/**
 * Writes main/db/migrations.generated.ts from drizzle-kit's journal and SQL files, so that the
 * migrations travel inside every bundle (Electron main, browser host, tests) with no file lookup.
 * Run by `npm run db:generate`; a unit test fails if the embedded copy is stale.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { migrationsDir, readMigrationFiles, renderEmbedded } from '../main/db/migrationFiles'

const target = join(migrationsDir, '..', 'migrations.generated.ts')
writeFileSync(target, renderEmbedded(readMigrationFiles(migrationsDir)))
console.log(`wrote ${target}`)
