/**
 * `returndesk demo`: writes a realistic year of Amazon report files for a made-up cross-border
 * seller, so a newcomer sees ReturnDesk work on data that looks like theirs. The files are exactly
 * what the importers read from real sellers (headers of reference §2, encodings, date and number
 * formats, Amazon's quirks), and they agree with each other: every return has its order, refunds
 * appear in settlements, reimbursements point at real returns.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { DomainError } from '../../domain/errors.js';
import { formatIsoDay, joinLines } from './demo-format.js';
import type { DemoMarketplaceCode } from './demo-model.js';
import { type DemoWorld, type MarketplaceWorld, simulateDemoWorld } from './demo-world.js';
import { renderAllOrders } from './render-all-orders.js';
import { renderFbaReturns } from './render-fba-returns.js';
import { renderMfnReturns } from './render-mfn-returns.js';
import { renderProductSheet } from './render-product-sheet.js';
import { renderReimbursements } from './render-reimbursements.js';
import { renderRemovals } from './render-removals.js';
import { renderSettlement } from './render-settlement.js';
import {
  allOrdersHeader, fbaReturnsHeader, fbaReturnsHeaderWithoutStatus, mfnReturnsHeader, mfnReturnsHeaderWithOrderItemId,
  reimbursementsHeader, removalsHeader, settlementHeader,
} from './report-headers.js';

export interface DemoFile {
  path: string;
  reportType: 'fba-returns' | 'mfn-returns' | 'all-orders' | 'reimbursements' | 'removals' | 'settlement' | 'product-sheet';
  /** Marketplace code, e.g. `US`. */
  marketplace: string;
  encoding: 'utf-8' | 'windows-1252' | 'shift_jis';
  /** Data rows, not counting the header line. */
  rows: number;
}

interface RenderedFile extends Omit<DemoFile, 'path'> {
  name: string;
  text: string;
  bom?: boolean;
}

export const DEFAULT_DEMO_SEED = 42;

// EU report downloads come as Cp1252 and Japanese ones as cp932 (reference §2.7).
const encodings: Record<DemoMarketplaceCode, DemoFile['encoding']> = { US: 'utf-8', UK: 'utf-8', DE: 'windows-1252', JP: 'shift_jis' };

function table(name: string, reportType: DemoFile['reportType'], world: MarketplaceWorld, header: readonly string[], rows: string[][]): RenderedFile {
  const { code, lineEnding } = world.scenario;
  return { name, reportType, marketplace: code, encoding: encodings[code], rows: rows.length, text: joinLines(header, rows, lineEnding) };
}

function marketplaceFiles(world: MarketplaceWorld, endMs: number): RenderedFile[] {
  const { code } = world.scenario;
  const files = [
    table(`all-orders-${code}.txt`, 'all-orders', world, allOrdersHeader, renderAllOrders(world.lines, world.scenario)),
    // The UK file takes the 12-column variant without `status` (seen in Amazon.ae downloads).
    code === 'UK'
      ? table(`fba-returns-${code}.txt`, 'fba-returns', world, fbaReturnsHeaderWithoutStatus, renderFbaReturns(world.fbaReturns, endMs, false))
      : table(`fba-returns-${code}.txt`, 'fba-returns', world, fbaReturnsHeader, renderFbaReturns(world.fbaReturns, endMs, true)),
  ];
  if (world.mfnReturns.length > 0) {
    const withItemId = code === 'US';
    const header = withItemId ? mfnReturnsHeaderWithOrderItemId : mfnReturnsHeader;
    // The UK download starts with a UTF-8 byte order mark, as one seen in the wild does (reference §2.2).
    files.push({ ...table(`mfn-returns-${code}.txt`, 'mfn-returns', world, header, renderMfnReturns(world.mfnReturns, world.scenario, withItemId)), bom: code === 'UK' });
  }
  files.push(table(`reimbursements-${code}.txt`, 'reimbursements', world, reimbursementsHeader, renderReimbursements(world.reimbursements)));
  for (const settlement of world.settlements) {
    files.push(table(`settlement-${code}-${formatIsoDay(settlement.endAt)}.txt`, 'settlement', world, settlementHeader, renderSettlement(settlement)));
  }
  return files;
}

function renderFiles(world: DemoWorld): RenderedFile[] {
  const products = world.products;
  const us = world.marketplaces.find((m) => m.scenario.code === 'US');
  const files: RenderedFile[] = [
    { name: 'products.csv', reportType: 'product-sheet', marketplace: 'US', encoding: 'utf-8', rows: products.length, text: renderProductSheet(products) },
    ...world.marketplaces.flatMap((m) => marketplaceFiles(m, world.window.endMs)),
  ];
  if (us) files.push(table('removals.txt', 'removals', us, removalsHeader, renderRemovals(world.removals)));
  return files;
}

/** The file's bytes; refuses text the encoding cannot hold rather than writing `?`. */
function encodeFile(file: RenderedFile): Buffer {
  if (file.encoding === 'utf-8') return Buffer.from((file.bom ? '\uFEFF' : '') + file.text, 'utf8');
  const codec = file.encoding === 'shift_jis' ? 'cp932' : 'windows-1252';
  const bytes = iconv.encode(file.text, codec);
  if (iconv.decode(bytes, codec) !== file.text) throw new Error(`${file.name}: text not representable in ${file.encoding}`);
  return bytes;
}

/**
 * Writes the demo seller's report files for the 365 days before `endDate` into `dir` (created if
 * missing) and lists them in a sensible import order: product sheet, then per marketplace orders,
 * returns, reimbursements and settlements, then removals. Deterministic: the same `seed` and
 * `endDate` give byte-identical files.
 */
export async function writeDemoReports(dir: string, options: { endDate: Date; seed?: number }): Promise<DemoFile[]> {
  const endMs = options.endDate.getTime();
  if (Number.isNaN(endMs)) throw new DomainError('invalid_input', 'The demo end date is not a valid date: give it as YYYY-MM-DD.', { endDate: String(options.endDate) });
  const files = renderFiles(simulateDemoWorld(endMs, options.seed ?? DEFAULT_DEMO_SEED));
  await mkdir(dir, { recursive: true });
  const written: DemoFile[] = [];
  for (const file of files) {
    const path = join(dir, file.name);
    await writeFile(path, encodeFile(file));
    written.push({ path, reportType: file.reportType, marketplace: file.marketplace, encoding: file.encoding, rows: file.rows });
  }
  return written;
}
