import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
// The demo's seeded generator: every run benchmarks the same data.
import { mulberry32 } from '../src/services/demo/prng.js';

const header = 'return-date\torder-id\tsku\tasin\tfnsku\tproduct-name\tquantity\tfulfillment-center-id\tdetailed-disposition\treason\tstatus\tlicense-plate-number\tcustomer-comments';
const reasons = ['APPAREL_TOO_SMALL', 'UNWANTED_ITEM', 'DEFECTIVE', 'NOT_AS_DESCRIBED', 'FOUND_BETTER_PRICE', 'MISSING_PARTS', 'ORDERED_WRONG_ITEM', 'DAMAGED_BY_CARRIER', 'QUALITY_UNACCEPTABLE', 'NOT_COMPATIBLE'];
const dispositions = ['SELLABLE', 'SELLABLE', 'SELLABLE', 'CUSTOMER_DAMAGED', 'DEFECTIVE', 'DAMAGED', 'CARRIER_DAMAGED'];
const centers = ['PHX7', 'ONT8', 'BFI4', 'MDW2', 'SDF8', 'TPA1'];
const comments = ['', '', '', 'Runs small, ordered my usual size', 'Stopped working after two days', 'Colour is different from the photos', 'Box arrived crushed', 'No longer needed'];


/**
 * Writes an FBA customer-returns file of `rows` rows as Amazon's API delivers it (ISO dates with offset,
 * about 200 bytes a row). One row per order line, 2,000 SKUs. No double quotes, so sqlite3's `.import`
 * reads exactly the same cells.
 */
export async function writeFbaReturnsFile(path: string, rows: number): Promise<void> {
  const next = mulberry32(20261127);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const out = createWriteStream(path);
  let chunk = header + '\n';
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < rows; i++) {
    const sku = `SKU-${String(Math.floor(next() * 2000)).padStart(4, '0')}`;
    const date = new Date(start + Math.floor(next() * 300 * 86_400_000)).toISOString().slice(0, 19) + '+00:00';
    const order = `11${Math.floor(next() * 5)}-${String(i).padStart(7, '0')}-${String(Math.floor(next() * 1e7)).padStart(7, '0')}`;
    chunk += [date, order, sku, `B0${sku.slice(4)}XYZ1`, `X00${sku.slice(4)}AB`, `Stainless steel water bottle ${sku}, 750 ml, leak-proof lid`,
      next() < 0.95 ? '1' : '2', pick(centers), pick(dispositions), pick(reasons), 'Unit returned to inventory',
      `LPNRR${String(i).padStart(9, '0')}`, pick(comments)].join('\t') + '\n';
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
}
