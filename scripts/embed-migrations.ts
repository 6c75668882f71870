/**
 * Writes `migrations.generated.ts` next to each migrations folder (desk SQLite and hub PostgreSQL)
 * from drizzle-kit's journal and SQL files, so that the migrations travel inside every bundle with
 * no file lookup at run time. Run by `npm run db:generate`; unit tests fail if a copy is stale.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { migrationsDir, readMigrationFiles, renderEmbedded } from '../main/db/migrationFiles'

const root = join(import.meta.dirname, '..')
const targets = [
  { dir: migrationsDir, typeImport: './migrationFiles', source: 'main/db/migrations' },
  {
    dir: join(root, 'hub/db/migrations'),
    typeImport: '../../main/db/migrationFiles',
    source: 'hub/db/migrations',
  },
]
for (const { dir, typeImport, source } of targets) {
  const target = join(dir, '..', 'migrations.generated.ts')
  writeFileSync(target, renderEmbedded(readMigrationFiles(dir), typeImport, source))
  console.log(`wrote ${target}`)
}
