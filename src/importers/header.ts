/**
 * Header names are compared in one normal form, so `Order ID`, `order-id` and `order_id` are the same
 * column: lower case, spaces and underscores as hyphens, surrounding quotes and spaces dropped.
 */
export function normalizeColumnName(name: string): string {
  return name.trim().replace(/^"|"$/g, '').trim().toLowerCase().replace(/[\s_]+/g, '-');
}

/** Column name -> cell index. The first occurrence wins when a header repeats a name. */
export function indexHeader(cells: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  cells.forEach((cell, i) => {
    const name = normalizeColumnName(cell);
    if (name && !index.has(name)) index.set(name, i);
  });
  return index;
}
