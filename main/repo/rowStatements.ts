import type Database from 'better-sqlite3'
import { type Column, getTableColumns, getTableName, type Table } from 'drizzle-orm'

type Row = Record<string, unknown>

interface ColumnAccess {
  key: string
  name: string
  column: Column
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`

/**
 * Single-row reads and writes by primary key, as prepared statements kept for the life of the
 * connection. The repository writes a row, an audit entry and an outbox operation for every change:
 * building each of those through the query builder (and preparing it anew) cost more than SQLite
 * spent writing them, which made a 10 000-line bulk change take seconds. Values are converted with
 * the schema's own column codecs (booleans, numbers), so rows look exactly as drizzle reads them.
 */
export class RowStatements {
  private readonly tables = new Map<Table, TableStatements>()

  constructor(private readonly sqlite: Database.Database) {}

  of(table: Table): TableStatements {
    let statements = this.tables.get(table)
    if (!statements) {
      statements = new TableStatements(this.sqlite, table)
      this.tables.set(table, statements)
    }
    return statements
  }
}

export class TableStatements {
  private readonly columns: ColumnAccess[]
  private readonly byKey: Map<string, ColumnAccess>
  private readonly name: string
  private readonly prepared = new Map<string, Database.Statement>()

  constructor(
    private readonly sqlite: Database.Database,
    table: Table,
  ) {
    this.name = quote(getTableName(table))
    this.columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({
      key,
      name: column.name,
      column,
    }))
    this.byKey = new Map(this.columns.map((c) => [c.key, c]))
  }

  /** The table's property names. */
  get keys(): string[] {
    return this.columns.map((c) => c.key)
  }

  /** The row with this id, as drizzle would read it (property names, decoded values). */
  load(id: string): Row | undefined {
    const values = this.statement(
      'load',
      () => `SELECT ${this.columns.map((c) => quote(c.name)).join(', ')} FROM ${this.name} WHERE "id" = ?`,
      true,
    ).get(id) as unknown[] | undefined
    if (!values) return undefined
    const row: Row = {}
    for (let i = 0; i < this.columns.length; i++) {
      const { key, column } = this.columns[i]!
      const value = values[i]
      row[key] = value === null ? null : column.mapFromDriverValue(value)
    }
    return row
  }

  /** Inserts the given properties; omitted ones take their SQL default. */
  insert(row: Row): void {
    const keys = this.presentKeys(row)
    const statement = this.statement(`insert:${keys.join(',')}`, () => {
      const names = keys.map((k) => quote(this.column(k).name))
      return `INSERT INTO ${this.name} (${names.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`
    })
    statement.run(...keys.map((k) => this.encode(k, row[k])))
  }

  /** Sets the given properties of the row with this id. */
  update(id: string, set: Row): void {
    const keys = this.presentKeys(set)
    if (keys.length === 0) return
    const statement = this.statement(`update:${keys.join(',')}`, () => {
      const assignments = keys.map((k) => `${quote(this.column(k).name)} = ?`)
      return `UPDATE ${this.name} SET ${assignments.join(', ')} WHERE "id" = ?`
    })
    statement.run(...keys.map((k) => this.encode(k, set[k])), id)
  }

  delete(id: string): void {
    this.statement('delete', () => `DELETE FROM ${this.name} WHERE "id" = ?`).run(id)
  }

  private presentKeys(row: Row): string[] {
    return Object.keys(row).filter((k) => row[k] !== undefined && this.byKey.has(k))
  }

  private column(key: string): Column {
    return this.byKey.get(key)!.column
  }

  private encode(key: string, value: unknown): unknown {
    return value === null ? null : this.column(key).mapToDriverValue(value)
  }

  private statement(cacheKey: string, sql: () => string, raw = false): Database.Statement {
    let statement = this.prepared.get(cacheKey)
    if (!statement) {
      statement = this.sqlite.prepare(sql())
      if (raw) statement.raw(true)
      this.prepared.set(cacheKey, statement)
    }
    return statement
  }
}
