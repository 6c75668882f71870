/**
 * The browser host's cold start: `npx tsx test/bench/coldStart.ts [--runs 5]`, after `npm run build`.
 * Each run spawns `npx tsx main/web.ts` on a fresh port with its own token, times it until it
 * prints its URL, then opens that URL in Chromium and times it until the login screen's
 * "Identifiant" field is visible. All runs share one data folder: the first starts from an empty
 * database (migrations, demo staff, demo data at scale 1), the next ones are warm starts.
 * Chromium is launched once beforehand, as a clerk's browser would already be open.
 * Figures only: nothing here fails on a timing.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumPath, rendererDir } from '../e2e/harness'
import { ms, table } from './stats'

const { values: flags } = parseArgs({
  options: { runs: { type: 'string', default: '5' }, timeout: { type: 'string', default: '60000' } },
})
const RUNS = Math.max(1, Number(flags.runs))
const TIMEOUT_MS = Number(flags.timeout)
const root = resolve(import.meta.dirname, '../..')

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => done(port))
    })
  })
}

/** Resolves with the first stdout line matching `pattern`; rejects if the process exits first. */
function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((done, fail) => {
    let buffer = ''
    let stderr = ''
    const timer = setTimeout(
      () => fail(new Error(`no line matching ${pattern} after ${timeoutMs} ms`)),
      timeoutMs,
    )
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString()
      const match = pattern.exec(buffer)
      if (match) {
        clearTimeout(timer)
        done(match)
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`web host exited with ${code}: ${stderr.slice(-2000)}`))
    })
  })
}

/** Stops the host and everything npx started under it (it runs in its own process group). */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  process.kill(-child.pid, 'SIGTERM')
  const timer = setTimeout(() => child.pid !== undefined && process.kill(-child.pid, 'SIGKILL'), 5000)
  await exited
  clearTimeout(timer)
}

interface Run {
  database: 'empty' | 'warm'
  toUrl: number
  toLogin: number | null
  serverReady: number | null
  error?: string
}

if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error(`The renderer is not built (${rendererDir} is missing): run npm run build first.`)
  process.exit(1)
}
const aptLog = '/tmp/apt.log'
if (existsSync(aptLog) && !readFileSync(aptLog, 'utf8').includes('apt done')) {
  console.error('Chromium is still being installed (no "apt done" in /tmp/apt.log yet): try again later.')
  process.exit(1)
}

const dataDir = mkdtempSync(join(tmpdir(), 'guichet-coldstart-'))
const launchStarted = performance.now()
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true })
const browserLaunch = performance.now() - launchStarted
const runs: Run[] = []
try {
  for (let i = 0; i < RUNS; i++) {
    const port = await freePort()
    const token = randomBytes(24).toString('base64url')
    const started = performance.now()
    const child = spawn('npx', ['tsx', 'main/web.ts'], {
      cwd: root,
      env: {
        ...process.env,
        GUICHET_DATA_DIR: dataDir,
        GUICHET_WEB_PORT: String(port),
        GUICHET_WEB_TOKEN: token,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    const run: Run = {
      database: i === 0 ? 'empty' : 'warm',
      toUrl: Number.NaN,
      toLogin: null,
      serverReady: null,
    }
    try {
      const ready = waitForLine(child, /ready in (\d+) ms/, TIMEOUT_MS)
      await waitForLine(child, /http:\/\/127\.0\.0\.1:\d+\/#token=/, TIMEOUT_MS)
      run.toUrl = performance.now() - started
      const context = await browser.newContext({ locale: 'fr-FR' })
      try {
        const page = await context.newPage()
        await page.goto(`http://127.0.0.1:${port}/#token=${token}`)
        await page.getByLabel('Identifiant').first().waitFor({ state: 'visible', timeout: TIMEOUT_MS })
        run.toLogin = performance.now() - started
      } catch (error) {
        run.error = error instanceof Error ? error.message.split('\n')[0] : String(error)
      } finally {
        await context.close()
      }
      run.serverReady = Number((await ready)[1])
    } catch (error) {
      run.error = error instanceof Error ? error.message.split('\n')[0] : String(error)
    } finally {
      await stop(child)
    }
    runs.push(run)
  }
} finally {
  await browser.close()
  rmSync(dataDir, { recursive: true, force: true })
}

console.log(`Chromium launch (once, before the runs): ${ms(browserLaunch, 0)} ms`)
console.log(
  'ms from spawning `npx tsx main/web.ts`; "ready in" is what web.ts itself reports (its own module start → listening)',
)
console.log(
  table(
    ['run', 'database', 'start → URL printed', 'start → login visible', 'URL → login', 'web.ts "ready in"'],
    runs.map((r, i) => [
      String(i + 1),
      r.database,
      ms(r.toUrl, 0),
      r.toLogin === null ? 'not seen' : ms(r.toLogin, 0),
      r.toLogin === null ? '—' : ms(r.toLogin - r.toUrl, 0),
      r.serverReady === null ? '—' : ms(r.serverReady, 0),
    ]),
  ),
)
for (const [i, r] of runs.entries()) if (r.error) console.log(`run ${i + 1}: ${r.error}`)
const warm = runs.filter((r) => r.database === 'warm' && r.toLogin !== null)
if (warm.length > 0) {
  const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length
  console.log(
    `warm mean: start → URL ${ms(mean(warm.map((r) => r.toUrl)), 0)} ms, ` +
      `start → login visible ${ms(mean(warm.map((r) => r.toLogin!)), 0)} ms`,
  )
}
