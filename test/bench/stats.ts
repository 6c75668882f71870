/** Latency summaries and plain-text tables for the benchmark scripts (figures only, no verdicts). */

export interface Summary {
  p50: number
  p95: number
  p99: number
  mean: number
}

/** Nearest-rank percentiles over the samples, in the samples' unit (ms here). */
export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) return { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, mean: Number.NaN }
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
  return { p50: at(50), p95: at(95), p99: at(99), mean: sorted.reduce((s, v) => s + v, 0) / sorted.length }
}

export function ms(value: number, digits = 3): string {
  return Number.isFinite(value) ? value.toFixed(digits) : '—'
}

/** A left-aligned first column, right-aligned others, separated by two spaces. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}
