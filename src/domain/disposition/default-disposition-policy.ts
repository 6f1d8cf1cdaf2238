import type { Money } from '../money.js';
import type { WeightTier } from '../policy/policy.js';
import type { DispositionPolicy, GradeAndResellFeeTable, LiquidationTerms, MarketplaceDisposition } from './disposition-policy.js';

// Seller estimates (cleaning, relabelling, inbound shipping, referral fee, donation, own disposal,
// liquidation share and processing fee) are starting points to tune to the seller's own invoices.
// Amazon's numbers carry their effective date and source from ../shared/reference/amazon-returns.md.

const usd = (amountMinor: number): Money => ({ amountMinor, currency: 'USD' });
const gbp = (amountMinor: number): Money => ({ amountMinor, currency: 'GBP' });
const eur = (amountMinor: number): Money => ({ amountMinor, currency: 'EUR' });
const jpy = (amountMinor: number): Money => ({ amountMinor, currency: 'JPY' });

// Amazon's size-tier limits in grams (1 lb = 453.59 g, rounded to the gram).
const grams = { oz16: 454, lb2: 907, lb21: 9525, lb151: 68492 } as const;

// The reference quotes Grade and Resell and liquidation fees without the day they took effect. The
// entries start early enough to cover any return ReturnDesk imports; when Amazon announces a change,
// close the entry with `effectiveTo` and add the new one.
const notOnRecord = '2021-01-01';

/** US Grade and Resell processing fee per unit (no fee when Amazon grades the unit Unsellable). */
export const defaultUsGradeAndResellFees: readonly GradeAndResellFeeTable[] = [{
  effectiveFrom: notOnRecord,
  currency: 'USD',
  // Large standard ends at 21 lb: a heavier unit is oversize, so the table has no open band.
  standard: [{ maxGrams: grams.oz16, amountMinor: 150 }, { maxGrams: grams.lb21, amountMinor: 180 }],
  oversize: [{ maxGrams: grams.lb151, amountMinor: 265 }, { maxGrams: null, amountMinor: 410 }],
  source: 'reference §4.12: [A] SC UA6RV6UA4DR2MFK, PNQFGFCRUJQ2EY4 (small std ≤16 oz $1.50, large std ≤21 lb $1.80, small/medium oversize ≤151 lb $2.65, large/special oversize $4.10)',
}];

const usLiquidationFee: readonly WeightTier[] = [{ maxGrams: grams.oz16, amountMinor: 50 }, { maxGrams: grams.lb2, amountMinor: 75 }, { maxGrams: null, amountMinor: 100 }];

const usLiquidation: LiquidationTerms = {
  // Seller estimate: the middle of Amazon's "about 5–10% of the average selling price" (§4.12).
  recoveryShareBps: 750,
  referralFees: [{
    effectiveFrom: notOnRecord,
    referralFeeBps: 1500,
    source: 'reference §4.12: [A] SC YVCG5Q3BEJ6MLMF (15% referral fee on the gross liquidation recovery)',
  }],
  // Seller estimate: the reference names a per-item fee by size and weight but no amounts.
  processingFeeEstimate: { currency: 'USD', standard: usLiquidationFee, oversize: [{ maxGrams: null, amountMinor: 300 }] },
};

// Seller estimates for the EU marketplaces, which share the euro.
const euro = (): MarketplaceDisposition => ({
  restock: { cleaningRepackaging: eur(90), relabelling: eur(30), inboundShippingFba: eur(70) },
  saleReferralFeeBps: 1500,
  donationCostPerUnit: eur(100),
  ownDisposalCostPerUnit: eur(60),
});

/** The disposition policy in force until a seller applies one of their own (US, UK, DE, FR, IT, ES, JP). */
export const defaultDispositionPolicy: DispositionPolicy = {
  marketplaces: {
    US: {
      restock: { cleaningRepackaging: usd(100), relabelling: usd(30), inboundShippingFba: usd(75) },
      saleReferralFeeBps: 1500,
      donationCostPerUnit: usd(100),
      ownDisposalCostPerUnit: usd(50),
      // Invitation-only (§4.12): an enrolled seller sets `enrolled: true`.
      gradeAndResell: { enrolled: false, fees: defaultUsGradeAndResellFees, minUnitPrice: [] },
      liquidation: usLiquidation,
    },
    UK: {
      restock: { cleaningRepackaging: gbp(80), relabelling: gbp(25), inboundShippingFba: gbp(60) },
      saleReferralFeeBps: 1500,
      donationCostPerUnit: gbp(100),
      ownDisposalCostPerUnit: gbp(50),
      // The UK fee amounts are not on record: an enrolled UK seller adds their fee table.
      gradeAndResell: {
        enrolled: false,
        fees: [],
        minUnitPrice: [{
          effectiveFrom: notOnRecord,
          minUnitPrice: gbp(1500),
          source: 'reference §4.12: [A] SC UA6RV6UA4DR2MFK (UK needs an average selling price of at least £15)',
        }],
      },
    },
    DE: euro(), FR: euro(), IT: euro(), ES: euro(),
    JP: {
      restock: { cleaningRepackaging: jpy(120), relabelling: jpy(40), inboundShippingFba: jpy(100) },
      saleReferralFeeBps: 1500,
      donationCostPerUnit: jpy(150),
      ownDisposalCostPerUnit: jpy(100),
    },
  },
  // Supplier terms are the seller's own contracts: none by default.
  supplierCredits: [],
};
