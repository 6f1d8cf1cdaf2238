import { formatAmount } from '../../domain/money.js';
import type { CausesReport, ProblemSku } from '../../services/return-causes.js';
import { costComponents, recoveryComponents } from '../../services/return-costs.js';
import type { ReturnCosts } from '../../services/return-costs.js';
import { percent } from '../table-outputs.js';

// How `report costs` and `report causes` print: a seller reads the headline first, then the detail.

const money = (minor: number, currency: string) => formatAmount(minor, currency, 'en-US');

export function printCosts(costs: ReturnCosts): void {
  if (costs.headline.length === 0) return console.log('No returns cost anything in these months.');
  for (const h of costs.headline) {
    console.log(`${h.month} (${h.currency}): returns cost ${money(h.costMinor, h.currency)}; ReturnDesk recovered ${money(h.recoveredMinor, h.currency)}.`);
  }
  console.log('\nmonth\tcurrency\tcost\trecovered\t' + [...costComponents, ...recoveryComponents].join('\t'));
  for (const t of costs.totals) {
    console.log([t.month, t.currency, money(t.costMinor, t.currency), money(t.recoveredMinor, t.currency),
      ...[...costComponents, ...recoveryComponents].map((c) => money(t.components[c], t.currency))].join('\t'));
  }
  // Per currency: a yen amount is never ranked against a dollar amount.
  for (const currency of [...new Set(costs.rows.map((r) => r.currency))].sort()) {
    console.log(`\nCostliest SKUs in ${currency}:\nmarketplace\tsku\tmonth\tcost\trecovered`);
    const costliest = costs.rows.filter((r) => r.currency === currency).sort((a, b) => b.costMinor - a.costMinor).slice(0, 10);
    for (const r of costliest) console.log([r.marketplaceCode, r.sku, r.month, money(r.costMinor, r.currency), money(r.recoveredMinor, r.currency)].join('\t'));
  }
  console.log('\nHow each figure is counted:');
  for (const [component, note] of Object.entries(costs.notes)) console.log(`- ${component}: ${note}`);
}

function printProblem(p: ProblemSku, lang: 'en' | 'zh'): void {
  console.log(`\n${p.marketplaceCode} ${p.sku}: ${p.returned}/${p.shipped} returned, ${percent(p.rate.rate)} (${percent(p.rate.low)}..${percent(p.rate.high)}) `
    + `against ${percent(p.marketplaceRate)} for the marketplace: ${p.excessUnits.toFixed(1)} units more than the seller's average`);
  console.log(`  reasons: ${p.pareto.map((b) => `${b.reason} ${b.units} (${percent(b.cumulative)} cumulative)`).join(', ')}`);
  if (p.cause) {
    console.log(`  root cause: ${p.cause.title[lang]} (${percent(p.dominant!.share)} of returns)`);
    for (const fix of p.cause.fixes) console.log(`  - ${fix.title[lang]}: ${fix.detail[lang]}`);
  }
  for (const term of p.terms) {
    console.log(`  buyers write "${term.term}" in ${term.comments} comments (others: ${term.otherComments}), e.g. "${term.examples[0]?.text ?? ''}"`);
  }
  for (const { fix, verdict } of p.fixes) console.log(`  fix ${fix.changedOn}: ${fix.what} → ${verdict?.verdict ?? 'waiting'}`);
}

export function printCauses(report: CausesReport, lang: 'en' | 'zh'): void {
  for (const m of report.marketplaces) {
    console.log(`${m.marketplaceCode}: ${m.returned}/${m.shipped} units returned (${percent(m.rate)}); reasons: `
      + m.pareto.slice(0, 5).map((b) => `${b.reason} ${percent(b.share)}`).join(', '));
  }
  if (report.problems.length === 0) console.log('\nNo SKU returns clearly more than its marketplace.');
  for (const p of report.problems) printProblem(p, lang);
  if (report.moreProblems > 0) console.log(`\n…and ${report.moreProblems} more problem SKUs (--limit shows more).`);
  for (const f of report.returnsFee.flags) {
    const exposure = f.exposure ? money(f.exposure.amountMinor, f.exposure.currency) : 'set prevention.returnsFeePerUnit for an amount';
    console.log(`! FBA returns fee: ${f.marketplaceCode} ${f.sku} (${f.category}) ${f.month}: ${f.returned}/${f.shipped} ${percent(f.rate)} above `
      + `${percent(f.threshold.thresholdBps / 10_000)}: ${f.excessUnits} units over (${exposure})${f.provisional ? '; more returns may come' : ''}`);
  }
  if (report.returnsFee.unchecked.length > 0) {
    console.log(`${report.returnsFee.unchecked.length} FBA SKUs not checked for the returns fee: no category in the product sheet, or no threshold for it in the policy.`);
  }
}
