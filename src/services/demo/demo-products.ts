/**
 * Expands the catalog families into SKUs with stable ASINs/FNSKUs (hashed from the SKU, so they do
 * not change with the seed) and prices each SKU in each marketplace's currency.
 */
import { productFamilies, type ProductFamily } from './demo-catalog.js';
import type { DemoMarketplaceCode, DemoProduct, Language } from './demo-model.js';
import { createRandom, hashString, UPPER_ALNUM } from './prng.js';

const variantWords: Record<Language, string> = { en: 'Size', de: 'Größe', ja: 'サイズ' };

function variantTitle(family: ProductFamily, language: Language, label: string): string {
  const base = family.titles[language] ?? family.titles.en;
  // Phone models and shoe sizes read as they are; apparel sizes get the language's word for "size".
  const isPlainSize = family.category === 'apparel' || family.category === 'jewelry';
  const suffix = isPlainSize ? `${variantWords[language]} ${label.replace(/^Size /, '')}` : label;
  return language === 'ja' ? `${base} ${suffix}` : `${base}, ${suffix}`;
}

function expandFamily(family: ProductFamily): DemoProduct[] {
  const variants = family.variants.length > 0 ? family.variants : [['', '', 1] as const];
  const totalWeight = variants.reduce((sum, [, , weight]) => sum + weight, 0);
  return variants.map(([suffix, label, weight]) => {
    const sku = suffix ? `${family.sku}-${suffix}` : family.sku;
    const ids = createRandom(hashString(sku));
    const titles = Object.fromEntries(
      (Object.keys(family.titles) as Language[]).map((lang) => [lang, label ? variantTitle(family, lang, label) : family.titles[lang]]),
    ) as DemoProduct['titles'];
    return {
      sku,
      asin: `B0${ids.chars(UPPER_ALNUM, 8)}`,
      fnsku: `X00${ids.chars(UPPER_ALNUM, 7)}`,
      category: family.category,
      titles,
      priceUsdMinor: Math.round(family.priceUsd * 100),
      unitCostUsdMinor: Math.round(family.unitCostUsd * 100),
      weightGrams: family.weightGrams,
      accessories: family.accessories,
      offers: family.offers,
      popularity: (family.popularity * weight) / totalWeight,
    };
  });
}

/** All 50 SKUs of the demo seller, in catalog order. */
export function listDemoProducts(): DemoProduct[] {
  return productFamilies.flatMap(expandFamily);
}

/**
 * The SKU's list price in the marketplace's minor units: charm prices ending in .99 (GBP, EUR) and
 * yen rounded to tens ending in 80, as sellers price them.
 */
export function priceInMarketplace(product: DemoProduct, marketplace: DemoMarketplaceCode): number {
  const usd = product.priceUsdMinor / 100;
  switch (marketplace) {
    case 'US': return product.priceUsdMinor;
    case 'UK': return Math.ceil(usd * 0.85) * 100 - 1;
    case 'DE': return Math.ceil(usd * 0.95) * 100 - 1;
    case 'JP': return Math.round((usd * 150) / 100) * 100 - 20;
  }
}

/** The listing title as the marketplace shows it (its language, else English). */
export function titleInMarketplace(product: DemoProduct, marketplace: DemoMarketplaceCode): string {
  const language: Language = marketplace === 'DE' ? 'de' : marketplace === 'JP' ? 'ja' : 'en';
  return product.titles[language] ?? product.titles.en;
}
