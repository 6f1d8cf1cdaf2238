import { parseAmount } from '../domain/amount-text.js';
import { isDomainError } from '../domain/errors.js';
import { parseCalendarDate, parseReportDate } from './dates.js';
import { normalizeColumnName } from './header.js';
import type { RowError } from './row-error.js';

/** How a file's cells are to be read: its marketplace's time zone, date order and number format. */
export interface ParseSettings {
  readonly timeZone: string;
  readonly dayFirst: boolean;
  readonly decimalSeparator: '.' | ',';
  readonly defaultCurrency: string;
}

/**
 * Reads the cells of one row by column name, converting and validating each. A bad cell is recorded
 * as a RowError (with the column as the file names it) and the reader carries on, so every problem of
 * a row is reported at once. One reader serves every row of a file (no allocation per row).
 */
export class RowReader {
  private cells: readonly string[] = [];
  private line = 0;
  readonly errors: RowError[] = [];

  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly headerNames: readonly string[],
    readonly settings: ParseSettings,
  ) {}

  /** Points the reader at the next row and forgets the previous row's errors. */
  reset(cells: readonly string[], line: number): void {
    this.cells = cells;
    this.line = line;
    this.errors.length = 0;
  }

  get lineNumber(): number {
    return this.line;
  }

  has(column: string): boolean {
    return this.index.has(column);
  }

  /** The trimmed cell, or null when blank (Amazon writes blanks as '' or a single space). */
  optionalText(column: string): string | null {
    const i = this.index.get(column);
    if (i === undefined) return null;
    const raw = this.cells[i];
    if (raw === undefined || raw === '' || raw === ' ') return null;
    const text = raw.trim();
    return text === '' ? null : text;
  }

  /** A cell the row cannot do without (a natural-key part, a date): blank is an error. */
  text(column: string): string {
    const value = this.optionalText(column);
    if (value === null) {
      this.fail(column, this.index.has(column) ? 'is empty but required' : 'is missing from the file');
      return '';
    }
    return value;
  }

  date(column: string): string {
    const value = this.text(column);
    return value === '' ? '' : this.convert(column, () => parseReportDate(value, this.settings.timeZone, this.settings.dayFirst), '');
  }

  /** The date as the cell writes it (YYYY-MM-DD), for keys; '' when blank (then `date` reports it). */
  calendarDate(column: string): string {
    const value = this.optionalText(column);
    if (value === null) return '';
    try {
      return parseCalendarDate(value, this.settings.dayFirst);
    } catch {
      return ''; // the same cell's `date` reports the error
    }
  }

  optionalDate(column: string): string | null {
    const value = this.optionalText(column);
    return value === null ? null : this.convert(column, () => parseReportDate(value, this.settings.timeZone, this.settings.dayFirst), null);
  }

  /** A whole number within [min, max]; blank gives `blank` when given, else an error. */
  integer(column: string, options: { min?: number; max?: number; blank?: number | null } = {}): number {
    const value = this.optionalText(column);
    if (value === null) {
      if (options.blank !== undefined && options.blank !== null) return options.blank;
      this.fail(column, 'is empty; expected a whole number');
      return 0;
    }
    const parsed = /^[+-]?\d+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(parsed)) return this.failWith(column, `"${value}" is not a whole number`, 0);
    if (options.min !== undefined && parsed < options.min) return this.failWith(column, `${parsed} is below the minimum ${options.min}`, 0);
    if (options.max !== undefined && parsed > options.max) return this.failWith(column, `${parsed} is above the maximum ${options.max}`, 0);
    return parsed;
  }

  optionalInteger(column: string, options: { min?: number } = {}): number | null {
    return this.optionalText(column) === null ? null : this.integer(column, options);
  }

  /** An amount in minor units of `currency`, written the marketplace's way (`12.50` or `12,50`). */
  optionalMoney(column: string, currency: string): number | null {
    const value = this.optionalText(column);
    return value === null ? null : this.convert(column, () => parseAmount(value, currency, this.settings.decimalSeparator), null);
  }

  money(column: string, currency: string): number {
    const value = this.optionalMoney(column, currency);
    if (value === null && !this.hasErrorFor(column)) this.fail(column, 'is empty; expected an amount');
    return value ?? 0;
  }

  /** Amazon's flags: Y/N, Yes/No, true/false. */
  optionalFlag(column: string): boolean | null {
    const value = this.optionalText(column);
    if (value === null) return null;
    const normalized = value.toLowerCase();
    if (normalized === 'y' || normalized === 'yes' || normalized === 'true' || normalized === '1') return true;
    if (normalized === 'n' || normalized === 'no' || normalized === 'false' || normalized === '0') return false;
    return this.failWith(column, `"${value}" is not Y or N`, null);
  }

  /** Records an error against a column; `message` completes "Column <name> ...". */
  fail(column: string, message: string): void {
    this.errors.push({ line: this.line, column: this.columnLabel(column), message: `${this.columnLabel(column)} ${message}` });
  }

  private failWith<T>(column: string, message: string, fallback: T): T {
    this.fail(column, message);
    return fallback;
  }

  private hasErrorFor(column: string): boolean {
    const label = this.columnLabel(column);
    return this.errors.some((e) => e.column === label);
  }

  private convert<T>(column: string, parse: () => T, fallback: T): T {
    try {
      return parse();
    } catch (error) {
      if (error instanceof Error && (isDomainError(error) || error.name === 'CellError')) {
        return this.failWith(column, `is invalid: ${error.message}`, fallback);
      }
      throw error;
    }
  }

  /** The column's name as written in the file's header, so the seller can find it. */
  private columnLabel(column: string): string {
    const i = this.index.get(column);
    return i === undefined ? column : (this.headerNames[i] ?? column).trim();
  }
}

export { normalizeColumnName };
