/**
 * A small SQL text builder that keeps every value out of the text: values become
 * numbered placeholders of the dialect, in the order they are added.
 */
import type { Dialect, SqlType } from './dialects/dialect.js';

/** A compiled statement: SQL text with placeholders, and the values to bind. */
export interface Statement {
  sql: string;
  params: unknown[];
}

export class SqlBuilder {
  readonly params: unknown[] = [];
  constructor(readonly dialect: Dialect) {}

  /** A placeholder bound to `value`. */
  p(value: string | number, type: SqlType): string {
    if (type === 'text' && typeof value !== 'string')
      throw new TypeError('SqlBuilder: text parameter must be a string');
    if (type !== 'text' && (typeof value !== 'number' || !Number.isFinite(value)))
      throw new TypeError('SqlBuilder: numeric parameter must be a finite number');
    this.params.push(value);
    return this.dialect.param(this.params.length, type);
  }

  /** `expr IN (...)` over text values, or a false predicate for an empty list. */
  inList(expr: string, values: readonly string[]): string {
    if (values.length === 0) return '(1 = 0)';
    return `${expr} IN (${values.map((v) => this.p(v, 'text')).join(', ')})`;
  }

  /** A quoted, possibly schema-qualified, identifier. Parts must be validated already. */
  ident(parts: readonly string[]): string {
    return parts.map((p) => this.dialect.quoteIdent(p)).join('.');
  }

  done(sql: string): Statement {
    return { sql: this.dialect.finish ? this.dialect.finish(sql) : sql, params: this.params };
  }
}
