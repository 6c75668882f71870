/**
 * Electron runs its own Node ABI, so the better-sqlite3 addon that npm built for Node (used by the
 * tests, the seeder and the browser host) cannot load in the desktop app. This builds a second copy
 * of the addon for Electron, next to the first, once per Electron version; main/index.ts hands it to
 * better-sqlite3 through its `nativeBinding` option. Both hosts then work from one node_modules.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const root = join(dirname(new URL(import.meta.url).pathname), '..')
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
const target = join(root, 'node_modules', '.guichet-electron', electronVersion, 'better_sqlite3.node')
if (existsSync(target)) process.exit(0)

const source = dirname(require.resolve('better-sqlite3/package.json'))
const work = mkdtempSync(join(tmpdir(), 'guichet-electron-sqlite-'))
try {
  for (const part of ['package.json', 'binding.gyp', 'src', 'deps'])
    cpSync(join(source, part), join(work, part), { recursive: true })
  const run = (cmd, args) =>
    execFileSync(cmd, args, { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' })
  console.log(`Building better-sqlite3 for Electron ${electronVersion}…`)
  try {
    // A prebuilt addon for this Electron version, as better-sqlite3's own install does for Node.
    run(process.execPath, [
      require.resolve('prebuild-install/bin.js'),
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
    ])
  } catch {
    run(process.execPath, [
      require.resolve('node-gyp/bin/node-gyp.js'),
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${electronVersion}`,
      '--dist-url=https://electronjs.org/headers',
    ])
  }
  mkdirSync(dirname(target), { recursive: true })
  cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target)
  console.log(`better-sqlite3 for Electron ready: ${target}`)
} catch {
  console.error(
    `\nCould not build better-sqlite3 for Electron ${electronVersion}: the first start needs the network ` +
      '(Electron headers or a prebuilt addon). The browser host (npm run web) works without it.\n',
  )
  process.exitCode = 1
} finally {
  rmSync(work, { recursive: true, force: true })
}
