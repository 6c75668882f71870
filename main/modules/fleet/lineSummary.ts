import type Database from 'better-sqlite3'
import { type FleetLineStatus, lineStatusValues } from '../../../preload/contract/fleet'

export interface LineCounts {
  lines: Record<FleetLineStatus, number>
  pendingRequests: number
}

/** The two reads, exported so that a test can check their query plans. */
export const lineSummarySql = {
  byStatus: 'SELECT status, count(*) AS n FROM fleet_lines WHERE customer_id = ? GROUP BY status',
  // Driven from the unanswered requests (index on state; the queue drains, so they are few) to
  // their line by primary key: CROSS JOIN keeps that order. Starting from the account's lines
  // would visit all of them, 50 000 on the largest accounts.
  pending: `SELECT count(*) FROM provisioning_requests r CROSS JOIN fleet_lines l ON l.id = r.line_id
    WHERE r.state IN ('queued', 'sent') AND l.customer_id = ?`,
}

/**
 * An account's lines at a glance, for the fleet block of the customer's page: one GROUP BY over
 * the `(customer, status, …)` index for the statuses, and the requests still waiting for the
 * operator (`queued`, `sent`) on the account's lines.
 */
export class LineSummary {
  private statements: { byStatus: Database.Statement; pending: Database.Statement } | null = null

  constructor(private readonly sqlite: Database.Database) {}

  of(customerId: string): LineCounts {
    this.statements ??= {
      byStatus: this.sqlite.prepare(lineSummarySql.byStatus),
      pending: this.sqlite.prepare(lineSummarySql.pending).pluck(),
    }
    const lines = Object.fromEntries(lineStatusValues.map((s) => [s, 0])) as Record<FleetLineStatus, number>
    for (const row of this.statements.byStatus.all(customerId) as { status: FleetLineStatus; n: number }[]) {
      lines[row.status] = row.n
    }
    return { lines, pendingRequests: this.statements.pending.get(customerId) as number }
  }
}
