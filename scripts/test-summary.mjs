/**
 * Adds up vitest JSON reports and prints "N passed, N failed" (the closing line CI reads).
 * Exits 1 when a test failed or when no test ran at all.
 */
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
let skipped = 0
for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) continue
  const report = JSON.parse(readFileSync(file, 'utf8'))
  passed += report.numPassedTests ?? 0
  failed += report.numFailedTests ?? 0
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  if (report.success === false && (report.numFailedTests ?? 0) === 0) failed += 1 // a suite that failed to load
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
if (failed > 0 || passed === 0) process.exit(1)
