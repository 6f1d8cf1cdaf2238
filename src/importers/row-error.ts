/**
 * A rejected row (or a problem with the file as a whole, then `line` is the header line or 0).
 * `column` is the report's own column name, so a seller can find the cell in the file.
 */
export interface RowError {
  line: number;
  column: string | null;
  message: string;
}

/** Thrown by a cell parser; the row parser turns it into a RowError with the line and column. */
export class CellError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CellError';
  }
}
