import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors.js';
import { productFields, readProductSheet } from './product-sheet.js';
import type { ProductField, ProductSheetOptions } from './product-sheet.js';

const usd: ProductSheetOptions = { currency: 'USD', decimalSeparator: '.' };
const eur: ProductSheetOptions = { currency: 'EUR', decimalSeparator: ',' };
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Products');
  for (const row of rows) sheet.addRow(row);
  workbook.addWorksheet('Notes').addRow(['ignored', 'second sheet']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function refusal(bytes: Uint8Array, fileName = 'products.csv'): Promise<DomainError> {
  const error: unknown = await readProductSheet(bytes, fileName, usd).then(() => null, (e: unknown) => e);
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  expect(error.code).toBe('unreadable_file');
  return error;
}

describe('readProductSheet', () => {
  it('reads a comma CSV, with quoted commas and line breaks, into product records', async () => {
    const csv = [
      'SKU,ASIN,FNSKU,Title,Category,Price,Unit Cost,Weight,Accessories,Supplier',
      'MUG-1,b07xj8c8f5,X001ABCDEF,"Mug, blue",Kitchen,12.99,3.5,450 g,box;lid | spoon,Acme',
      'LAMP-2,,,"Desk lamp',
      'with ""clamp""",Home,"1,299.00",410,1.2 lb,,',
      '',
      'BARE-3',
    ].join('\n');
    const sheet = await readProductSheet(utf8(csv), 'products.csv', usd);
    expect(sheet).toMatchObject({ format: 'csv', rows: 3, errors: [], ignoredColumns: ['Supplier'], fields: productFields });
    expect(sheet.records).toEqual([
      { line: 2, sku: 'MUG-1', asin: 'B07XJ8C8F5', fnsku: 'X001ABCDEF', title: 'Mug, blue', category: 'Kitchen', priceMinor: 1299, unitCostMinor: 350, currency: 'USD', weightGrams: 450, accessories: ['box', 'lid', 'spoon'] },
      { line: 3, sku: 'LAMP-2', asin: null, fnsku: null, title: 'Desk lamp\nwith "clamp"', category: 'Home', priceMinor: 129900, unitCostMinor: 41000, currency: 'USD', weightGrams: 544, accessories: [] },
      { line: 6, sku: 'BARE-3', asin: null, fnsku: null, title: null, category: null, priceMinor: null, unitCostMinor: null, currency: null, weightGrams: null, accessories: [] },
    ]);
  });

  it('reads a semicolon CSV with comma decimals (a German Excel export, windows-1252, CRLF)', async () => {
    const csv = 'sku;unit_cost;price;weight_kg;title\r\nTASSE-1;3,50;12,99;0,45;Größe M\r\nTASSE-2;1.234,50;2000;1,2;Déçu\r\n';
    const sheet = await readProductSheet(iconv.encode(csv, 'windows-1252'), 'produkte.csv', eur);
    expect(sheet.errors).toEqual([]);
    expect(sheet.records.map(({ line, unitCostMinor, priceMinor, weightGrams, title }) => ({ line, unitCostMinor, priceMinor, weightGrams, title }))).toEqual([
      { line: 2, unitCostMinor: 350, priceMinor: 1299, weightGrams: 450, title: 'Größe M' },
      { line: 3, unitCostMinor: 123450, priceMinor: 200000, weightGrams: 1200, title: 'Déçu' },
    ]);
  });

  it('reads a tab-delimited sheet with a UTF-8 BOM', async () => {
    const sheet = await readProductSheet(utf8('\uFEFFseller-sku\tweight_oz\tcurrency\tcost\nA-1\t16\tgbp\t2.10\n'), 'products.txt', usd);
    expect(sheet.records).toEqual([expect.objectContaining({ sku: 'A-1', weightGrams: 454, currency: 'GBP', unitCostMinor: 210 })]);
  });

  it('reads the first worksheet of an XLSX workbook, whatever the file is called', async () => {
    const bytes = await xlsx([
      ['SKU', 'Title', 'Price', 'Unit cost', 'Weight (g)', 'Accessories'],
      [12345, { richText: [{ text: 'Blue ' }, { text: 'mug', font: { bold: true } }] }, 19.99, { formula: 'B1*0', result: 4.2 }, 450, 'box|lid'],
      [],
      ['MUG-2', 'Lamp', '12.50', null, null, null],
    ]);
    const sheet = await readProductSheet(bytes, 'upload.csv', usd);
    expect(sheet).toMatchObject({ format: 'xlsx', rows: 2, errors: [] });
    expect(sheet.records).toEqual([
      { line: 2, sku: '12345', asin: null, fnsku: null, title: 'Blue mug', category: null, priceMinor: 1999, unitCostMinor: 420, currency: 'USD', weightGrams: 450, accessories: ['box', 'lid'] },
      { line: 4, sku: 'MUG-2', asin: null, fnsku: null, title: 'Lamp', category: null, priceMinor: 1250, unitCostMinor: null, currency: 'USD', weightGrams: null, accessories: [] },
    ]);
  });

  it('understands the Chinese column names', async () => {
    const csv = '卖家SKU,品名,类目,售价,采购成本,币种,重量（g）,配件\nCN-1,保温杯,厨房,99.00,25.5,cny,380,杯盖、说明书\n';
    const sheet = await readProductSheet(utf8(csv), '产品.csv', usd);
    expect(sheet.errors).toEqual([]);
    expect(sheet.records).toEqual([
      { line: 2, sku: 'CN-1', asin: null, fnsku: null, title: '保温杯', category: '厨房', priceMinor: 9900, unitCostMinor: 2550, currency: 'CNY', weightGrams: 380, accessories: ['杯盖', '说明书'] },
    ]);
  });

  it('reads a weight column whose cells carry their unit', async () => {
    const csv = 'sku,重量\nA,450 g\nB,0.45kg\nC,1.2 lb\nD,16 oz\nE,2 千克\n';
    const sheet = await readProductSheet(utf8(csv), 'p.csv', usd);
    expect(sheet.records.map((r) => r.weightGrams)).toEqual([450, 450, 544, 454, 2000]);
  });

  it('rejects each row with a bad cell, names the column as written, and keeps the good rows', async () => {
    const csv = [
      'SKU,Price,Unit Cost,Weight,ASIN,Currency',
      'GOOD-1,10.00,4.00,1 kg,,',
      'BAD-2,10.00,-3.50,,,',
      'BAD-3,,,450,,',
      'BAD-4,12.5abc,,,,',
      'BAD-5,abc,,2 stone,B0SHORT,',
      'BAD-6,100.50,,,,JPY',
      'BAD-7,,,,,XYZ',
      ',1.00,,,,',
    ].join('\n');
    const sheet = await readProductSheet(utf8(csv), 'p.csv', usd);
    expect(sheet.rows).toBe(8);
    expect(sheet.records.map((r) => r.sku)).toEqual(['GOOD-1']);
    expect(sheet.errors).toEqual([
      { line: 3, column: 'Unit Cost', message: '"-3.50" is negative; an amount here cannot be below 0' },
      { line: 4, column: 'Weight', message: '"450" has no unit; write the weight like 450 g, 0.45 kg, 1.2 lb or 16 oz, or name the column weight_g' },
      { line: 5, column: 'Price', message: expect.stringContaining('"12.5abc" is not an amount') },
      { line: 6, column: 'Price', message: expect.stringContaining('"abc" is not an amount') },
      { line: 6, column: 'Weight', message: '"2 stone" has an unknown weight unit "stone"; use g, kg, lb or oz' },
      { line: 6, column: 'ASIN', message: '"B0SHORT" is not an ASIN: expected 10 letters and digits like B07XJ8C8F5' },
      { line: 7, column: 'Price', message: expect.stringContaining('JPY') },
      { line: 8, column: 'Currency', message: '"XYZ" is not a currency code; write an ISO code such as USD, EUR or JPY' },
      { line: 9, column: 'SKU', message: 'The SKU is empty; every row needs the seller SKU' },
    ]);
  });

  it.each([
    ['a second weight column on the same row', 'sku,weight_g,weight_kg\nA,450,0.45\n', { line: 2, column: 'weight_kg', message: 'The row already has a weight under "weight_g"; fill in only one weight column' }],
    ['a unit that contradicts its column', 'sku,weight_kg\nA,450 g\n', { line: 2, column: 'weight_kg', message: '"450 g" is in another unit than its column; write the number only' }],
    ['a zero weight', 'sku,weight_g\nA,0\n', { line: 2, column: 'weight_g', message: '"0" is not a weight of 1 g or more (weights are kept in whole grams)' }],
    ['a weight with a thousands separator', 'sku;weight_g\nA;1.200\n', { line: 2, column: 'weight_g', message: '"1.200" is ambiguous: write it without a thousands separator, with "," for decimals' }],
  ])('rejects %s', async (_name, csv, error) => {
    const sheet = await readProductSheet(utf8(csv), 'p.csv', eur);
    expect(sheet.records).toEqual([]);
    expect(sheet.errors).toEqual([error]);
  });

  it('rejects a repeated SKU on the later row, naming the earlier line', async () => {
    const sheet = await readProductSheet(utf8('sku,unit_cost\nA-1,1.00\nB-2,2.00\nA-1,3.00\n'), 'p.csv', usd);
    expect(sheet.records.map((r) => r.unitCostMinor)).toEqual([100, 200]);
    expect(sheet.errors).toEqual([{ line: 4, column: 'sku', message: 'SKU "A-1" is already on line 2; keep one row per SKU' }]);
  });

  it('refuses a sheet without a sku column and shows the header it found', async () => {
    const error = await refusal(utf8('asin,title\nB07XJ8C8F5,Mug\n'));
    expect(error.message).toBe('"products.csv" has no sku column. Its header (line 1) reads: asin, title. Name the SKU column "sku" or "卖家SKU".');
  });

  it('refuses a sheet that names one column twice', async () => {
    expect((await refusal(utf8('SKU,卖家SKU\nA,B\n'))).message).toContain('has two columns for sku: "SKU" and "卖家SKU"');
  });

  it.each([
    ['an empty file', new Uint8Array(0), 'is empty'],
    ['a file of blank lines', utf8('\n \r\n\n'), 'is empty'],
    ['a PNG image', Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d), 'is neither CSV text nor an Excel .xlsx workbook'],
    ['a ZIP that is no workbook', Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6), 'is a ZIP file but not an Excel workbook'],
    ['an old .xls workbook', Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1), 'is an old Excel .xls workbook'],
    ['a CSV with a quote never closed', utf8('sku,title\nA,"open\n'), 'is not a readable CSV file'],
  ])('refuses %s', async (_name, bytes, problem) => {
    expect((await refusal(bytes)).message).toContain(problem);
  });

  it('reads the examples of docs/product-sheet.md without errors', async () => {
    const docs = readFileSync(new URL('../../docs/product-sheet.md', import.meta.url), 'utf8');
    const examples = [...docs.matchAll(/```csv\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(examples).toHaveLength(2);
    for (const example of examples) {
      const sheet = await readProductSheet(utf8(example), 'example.csv', usd);
      expect(sheet.errors).toEqual([]);
      expect(sheet.records[0]).toMatchObject({ sku: 'MUG-BLUE-350', priceMinor: 1999, unitCostMinor: 420, weightGrams: 450, accessories: ['lid', 'gift box'] });
    }
  });

  it('explains a UTF-16 file and a UTF-8 file with bad bytes', async () => {
    expect((await refusal(Uint8Array.of(0xff, 0xfe, 0x73, 0, 0x6b, 0, 0x75, 0))).message).toContain('is UTF-16 text');
    expect((await refusal(Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('sku\nA'), 0xff))).message).toContain('is not valid UTF-8 text');
  });

  it('returns no rows for a header without data', async () => {
    expect(await readProductSheet(utf8('sku,title\n'), 'p.csv', usd)).toEqual({ records: [], fields: ['title'], errors: [], rows: 0, format: 'csv', ignoredColumns: [] });
  });

  it.each<[string, string, ProductField[]]>([
    ['a sheet of SKUs only', 'sku', []],
    ['a cost sheet, whose amounts carry the currency', 'sku,unit_cost', ['unitCostMinor', 'currency']],
    ['a price sheet with a currency column', '卖家SKU,售价,币种', ['priceMinor', 'currency']],
    ['a currency column alone', 'sku,currency', ['currency']],
    ['any weight column', 'sku,重量(kg)', ['weightGrams']],
    ['several weight columns as one field', 'sku,weight_g,weight_lb', ['weightGrams']],
    ['catalog columns, in field order whatever the column order', 'accessories,category,title,fnsku,asin,sku,notes', ['asin', 'fnsku', 'title', 'category', 'accessories']],
  ])('lists the fields %s provides', async (_name, header, fields) => {
    expect((await readProductSheet(utf8(`${header}\n`), 'p.csv', usd)).fields).toEqual(fields);
  });

  it('tells a field the sheet has no column for from a blank cell', async () => {
    const sheet = await readProductSheet(utf8('sku,title,weight_g\nA-1,,450\n'), 'p.csv', usd);
    expect(sheet.fields).toEqual(['title', 'weightGrams']);
    expect(sheet.records[0]).toMatchObject({ title: null, unitCostMinor: null, weightGrams: 450 });
  });

  it.each([
    ['a FBA returns report saved as CSV', 'return-date,order-id,sku,asin,fnsku,product-name,quantity,fulfillment-center-id,detailed-disposition,reason,status,license-plate-number\n2025-06-05T10:00:00+00:00,111-1,MUG-1,B07XJ8C8F5,X001ABCDEF,Mug,1,PHX7,SELLABLE,TOO_SMALL,Unit returned to inventory,LPN1\n', 'FBA customer returns'],
    ['an All Orders report saved with semicolons', 'amazon-order-id;purchase-date;sales-channel;sku;quantity;item-price\n111-1;2025-06-01;Amazon.de;MUG-1;1;12,99\n', 'All Orders'],
  ])('refuses %s, naming the report', async (_name, csv, report) => {
    const error = await refusal(utf8(csv));
    expect(error.message).toContain(`is Amazon's ${report} report saved as a spreadsheet, not a product sheet`);
    expect(error.message).toContain('nothing was imported');
  });

  it('refuses an Amazon report saved as an XLSX workbook', async () => {
    const bytes = await xlsx([['settlement-id', 'transaction-type', 'order-id', 'sku', 'amount-type', 'amount-description', 'amount'], [123, 'Order', '111-1', 'MUG-1', 'ItemPrice', 'Principal', 12.99]]);
    expect((await refusal(bytes, 'settlement.xlsx')).message).toContain("Amazon's settlement (V2 flat file) report");
  });

  it('refuses a UTF-8 sheet with one stray windows-1252 byte instead of garbling it', async () => {
    const bytes = Uint8Array.of(...utf8('sku,title\nA-1,Größe M für Männer\nA-2,Tasse 0.3 l '), 0x96, ...utf8(' weiß\n'));
    const error = await refusal(bytes);
    expect(error.message).toBe('"products.csv" is UTF-8 text with an invalid byte near byte offset 53 (a character saved in another encoding?). Retype that character. Save the sheet as .xlsx or "CSV UTF-8" and try again.');
  });
});
