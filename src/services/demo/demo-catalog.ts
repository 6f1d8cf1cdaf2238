/**
 * The demo seller's catalog: a cross-border brand selling apparel, shoes, phone accessories, kitchen
 * gadgets, a few electronics and silver jewelry on Amazon US, UK, DE and JP. Families expand into
 * SKUs per size or model (see demo-products.ts).
 */
import type { Category, Language, Offer, DemoMarketplaceCode } from './demo-model.js';

export interface ProductFamily {
  sku: string;
  category: Category;
  /** Size or model variants: `[sku suffix, label, relative demand]`; empty for a single SKU. */
  variants: readonly (readonly [string, string, number])[];
  titles: Partial<Record<Language, string>> & { en: string };
  priceUsd: number;
  unitCostUsd: number;
  weightGrams: number;
  accessories: readonly string[];
  offers: Partial<Record<DemoMarketplaceCode, Offer>>;
  popularity: number;
}

const apparelSizes = [['S', 'S', 3], ['M', 'M', 4], ['L', 'L', 3], ['XL', 'XL', 2]] as const;
const womenSizes = [['XS', 'XS', 2], ['S', 'S', 4], ['M', 'M', 4], ['L', 'L', 2]] as const;
const shoeSizes = [['08', 'US 8', 2], ['09', 'US 9', 3], ['10', 'US 10', 3], ['11', 'US 11', 2]] as const;
const everywhere = { US: 'FBA', UK: 'FBA', DE: 'FBA', JP: 'FBA' } as const;

export const misleadingSku = 'KT-BOTTLE-750';
export const badBatchSku = 'PA-CHG-65W';

export const productFamilies: readonly ProductFamily[] = [
  { sku: 'AP-MTEE-BLK', category: 'apparel', variants: apparelSizes, priceUsd: 29.99, unitCostUsd: 8.4, weightGrams: 180,
    titles: { en: "Men's Merino Crew T-Shirt, Black", de: 'Herren Merino T-Shirt Rundhals, Schwarz', ja: 'メンズ メリノウール Tシャツ クルーネック ブラック' },
    accessories: [], offers: everywhere, popularity: 9 },
  { sku: 'AP-WLEG-NVY', category: 'apparel', variants: womenSizes, priceUsd: 34.99, unitCostUsd: 7.1, weightGrams: 220,
    titles: { en: "Women's High-Waist Yoga Leggings, Navy", de: 'Damen Yoga Leggings mit hohem Bund, Marineblau', ja: 'レディース ヨガレギンス ハイウエスト ネイビー' },
    accessories: [], offers: { ...everywhere, US: 'both' }, popularity: 10 },
  { sku: 'AP-HOOD-GRY', category: 'apparel', variants: apparelSizes, priceUsd: 49.99, unitCostUsd: 13.5, weightGrams: 650,
    titles: { en: 'Unisex Heavyweight Hoodie, Heather Grey', de: 'Unisex Kapuzenpullover, Grau meliert' },
    accessories: [], offers: { US: 'both', UK: 'MFN', DE: 'FBA' }, popularity: 6 },
  { sku: 'AP-WJKT-OLV', category: 'apparel', variants: womenSizes.slice(1), priceUsd: 69.99, unitCostUsd: 18, weightGrams: 380,
    titles: { en: "Women's Packable Rain Jacket, Olive", de: 'Damen Regenjacke, verstaubar, Oliv' },
    accessories: ['stuff sack'], offers: { US: 'FBA', UK: 'FBA', DE: 'FBA' }, popularity: 3 },
  { sku: 'AP-SOCK-3P', category: 'apparel', variants: [['M', 'M', 3], ['L', 'L', 2]], priceUsd: 19.99, unitCostUsd: 4.2, weightGrams: 150,
    titles: { en: 'Merino Hiking Socks, 3 Pairs', de: 'Merino Wandersocken, 3 Paar', ja: 'メリノウール 登山用ソックス 3足組' },
    accessories: [], offers: everywhere, popularity: 5 },
  { sku: 'SH-TRAIL-M', category: 'shoes', variants: shoeSizes, priceUsd: 89.99, unitCostUsd: 24, weightGrams: 820,
    titles: { en: "Men's Trail Running Shoes, Charcoal", de: 'Herren Trailrunning-Schuhe, Anthrazit' },
    accessories: ['spare laces'], offers: { US: 'FBA', DE: 'FBA' }, popularity: 5 },
  { sku: 'PA-CBL-CC1', category: 'phone-accessories', variants: [], priceUsd: 12.99, unitCostUsd: 1.6, weightGrams: 45,
    titles: { en: 'USB-C to USB-C Cable 1 m, 100 W, Braided', de: 'USB-C auf USB-C Kabel 1 m, 100 W, geflochten', ja: 'USB-C to USB-C ケーブル 1m 100W 急速充電 ナイロン編み' },
    accessories: [], offers: { ...everywhere, US: 'both' }, popularity: 10 },
  { sku: 'PA-CBL-CC2', category: 'phone-accessories', variants: [], priceUsd: 14.99, unitCostUsd: 1.9, weightGrams: 70,
    titles: { en: 'USB-C to USB-C Cable 2 m, 100 W, Braided', de: 'USB-C auf USB-C Kabel 2 m, 100 W, geflochten' },
    accessories: [], offers: { US: 'FBA', UK: 'FBA', DE: 'FBA' }, popularity: 6 },
  { sku: 'PA-CBL-CL1', category: 'phone-accessories', variants: [], priceUsd: 14.99, unitCostUsd: 2.4, weightGrams: 40,
    titles: { en: 'USB-C to Lightning Cable 1 m, MFi Certified', ja: 'USB-C to Lightning ケーブル 1m MFi認証' },
    accessories: [], offers: { US: 'FBA', UK: 'FBA', JP: 'FBA' }, popularity: 7 },
  { sku: 'PA-CBL-MU1', category: 'phone-accessories', variants: [], priceUsd: 7.99, unitCostUsd: 1.1, weightGrams: 60,
    titles: { en: 'Micro-USB Charging Cable 1 m, 2-Pack' },
    accessories: [], offers: { US: 'MFN', UK: 'MFN' }, popularity: 4 },
  { sku: 'PA-CASE', category: 'phone-accessories', priceUsd: 16.99, unitCostUsd: 1.9, weightGrams: 60,
    variants: [['IP15', 'iPhone 15', 4], ['IP15P', 'iPhone 15 Pro', 3], ['S24', 'Galaxy S24', 2]],
    titles: { en: 'Clear MagSafe Phone Case', de: 'Transparente MagSafe Handyhülle', ja: 'MagSafe対応 クリアケース' },
    accessories: [], offers: { ...everywhere, US: 'both' }, popularity: 8 },
  { sku: 'PA-GLASS-IP15', category: 'phone-accessories', variants: [], priceUsd: 9.99, unitCostUsd: 0.7, weightGrams: 70,
    titles: { en: 'Tempered Glass Screen Protector for iPhone 15, 2-Pack', ja: 'iPhone 15 用 強化ガラス 保護フィルム 2枚入り' },
    accessories: ['alignment frame', 'cleaning wipes'], offers: { US: 'both', UK: 'FBA', JP: 'FBA' }, popularity: 6 },
  { sku: badBatchSku, category: 'phone-accessories', variants: [], priceUsd: 39.99, unitCostUsd: 9.8, weightGrams: 140,
    titles: { en: '65 W GaN USB-C Charger, 3 Ports', de: '65 W GaN USB-C Ladegerät, 3 Anschlüsse', ja: '65W GaN USB-C 急速充電器 3ポート' },
    accessories: [], offers: everywhere, popularity: 8 },
  { sku: 'PA-MOUNT-MAG', category: 'phone-accessories', variants: [], priceUsd: 19.99, unitCostUsd: 3.2, weightGrams: 90,
    titles: { en: 'Magnetic Car Phone Mount, Vent Clip', de: 'Magnetische Handyhalterung fürs Auto, Lüftungsclip' },
    accessories: ['vent clip', 'metal plates x2'], offers: { US: 'both', DE: 'FBA' }, popularity: 4 },
  { sku: 'PA-QI-15W', category: 'phone-accessories', variants: [], priceUsd: 24.99, unitCostUsd: 5.1, weightGrams: 110,
    titles: { en: '15 W Wireless Charging Pad', de: '15 W Kabelloses Ladepad' },
    accessories: ['USB-C cable'], offers: { US: 'FBA', UK: 'FBA', DE: 'FBA' }, popularity: 4 },
  { sku: 'PA-HUB-7IN1', category: 'phone-accessories', variants: [], priceUsd: 34.99, unitCostUsd: 8, weightGrams: 95,
    titles: { en: 'USB-C Hub 7-in-1 with 4K HDMI', de: 'USB-C Hub 7-in-1 mit 4K HDMI', ja: 'USB-C ハブ 7in1 4K HDMI対応' },
    accessories: [], offers: { US: 'FBA', DE: 'FBA', JP: 'FBA' }, popularity: 4 },
  { sku: 'PA-STRAP-X', category: 'phone-accessories', variants: [], priceUsd: 12.99, unitCostUsd: 1.5, weightGrams: 40,
    titles: { en: 'Crossbody Phone Lanyard with Card Holder' },
    accessories: ['card holder patch'], offers: { US: 'MFN', UK: 'MFN' }, popularity: 3 },
  { sku: misleadingSku, category: 'kitchen', variants: [], priceUsd: 24.99, unitCostUsd: 3.1, weightGrams: 310,
    titles: { en: 'Insulated Stainless Steel Water Bottle 750 ml, Double Wall', de: 'Isolierte Edelstahl-Trinkflasche 750 ml, doppelwandig', ja: 'ステンレス製 真空断熱 水筒 750ml ダブルウォール' },
    accessories: ['2 lids', 'cleaning brush'], offers: { ...everywhere, US: 'both' }, popularity: 7 },
  { sku: 'KT-SCALE-5KG', category: 'kitchen', variants: [], priceUsd: 19.99, unitCostUsd: 4.4, weightGrams: 420,
    titles: { en: 'Digital Kitchen Scale 5 kg / 1 g', de: 'Digitale Küchenwaage 5 kg / 1 g', ja: 'デジタル キッチンスケール 5kg 1g単位' },
    accessories: ['2 AAA batteries'], offers: everywhere, popularity: 6 },
  { sku: 'KT-GARLIC', category: 'kitchen', variants: [], priceUsd: 14.99, unitCostUsd: 2.6, weightGrams: 230,
    titles: { en: 'Stainless Steel Garlic Press', de: 'Knoblauchpresse aus Edelstahl' },
    accessories: ['cleaning brush'], offers: { US: 'MFN', UK: 'MFN', DE: 'FBA' }, popularity: 4 },
  { sku: 'KT-SPAT-3', category: 'kitchen', variants: [], priceUsd: 15.99, unitCostUsd: 2.2, weightGrams: 180,
    titles: { en: 'Silicone Spatula Set, 3 Pieces' },
    accessories: [], offers: { US: 'FBA', UK: 'FBA' }, popularity: 4 },
  { sku: 'KT-FROTH', category: 'kitchen', variants: [], priceUsd: 17.99, unitCostUsd: 3.6, weightGrams: 150,
    titles: { en: 'Handheld Milk Frother, USB Rechargeable', de: 'Milchaufschäumer, per USB aufladbar', ja: 'ハンディ ミルクフォーマー USB充電式' },
    accessories: ['USB-C cable', 'stand'], offers: everywhere, popularity: 5 },
  { sku: 'KT-THERMO', category: 'kitchen', variants: [], priceUsd: 18.99, unitCostUsd: 3.3, weightGrams: 80,
    titles: { en: 'Instant-Read Meat Thermometer' },
    accessories: ['CR2032 battery'], offers: { US: 'both', UK: 'FBA' }, popularity: 4 },
  { sku: 'KT-SHARP', category: 'kitchen', variants: [], priceUsd: 12.99, unitCostUsd: 2.1, weightGrams: 200,
    titles: { en: '3-Stage Knife Sharpener', de: '3-Stufen Messerschärfer' },
    accessories: [], offers: { US: 'FBA', DE: 'FBA' }, popularity: 3 },
  { sku: 'KT-SPIRAL', category: 'kitchen', variants: [], priceUsd: 22.99, unitCostUsd: 4.8, weightGrams: 520,
    titles: { en: 'Vegetable Spiralizer with 4 Blades' },
    accessories: ['4 blades', 'cleaning brush'], offers: { US: 'MFN' }, popularity: 2 },
  { sku: 'EL-EARBUD-ANC', category: 'electronics', variants: [], priceUsd: 79.99, unitCostUsd: 21, weightGrams: 160,
    titles: { en: 'Wireless Earbuds with Active Noise Cancelling', de: 'Kabellose Ohrhörer mit aktiver Geräuschunterdrückung', ja: 'ワイヤレスイヤホン アクティブノイズキャンセリング' },
    accessories: ['charging case', 'USB-C cable', 'ear tips S/M/L', 'quick start guide'], offers: everywhere, popularity: 5 },
  { sku: 'EL-PROJ-MINI', category: 'electronics', variants: [], priceUsd: 159.99, unitCostUsd: 52, weightGrams: 1250,
    titles: { en: 'Mini Portable Projector, Native 1080p', de: 'Mini Beamer, natives 1080p' },
    accessories: ['remote control', 'power adapter', 'HDMI cable', 'lens cap', 'manual'], offers: { US: 'both', DE: 'FBA' }, popularity: 2 },
  { sku: 'EL-SPK-20', category: 'electronics', variants: [], priceUsd: 49.99, unitCostUsd: 12.5, weightGrams: 540,
    titles: { en: 'Waterproof Bluetooth Speaker 20 W', ja: '防水 Bluetooth スピーカー 20W' },
    accessories: ['USB-C cable', 'lanyard'], offers: { US: 'FBA', UK: 'FBA', JP: 'FBA' }, popularity: 3 },
  { sku: 'EL-PLUG-2P', category: 'electronics', variants: [], priceUsd: 24.99, unitCostUsd: 6, weightGrams: 210,
    titles: { en: 'Smart Wi-Fi Plug, 2-Pack' },
    accessories: ['quick start guide'], offers: { US: 'FBA', UK: 'FBA' }, popularity: 3 },
  { sku: 'JW-RING-925', category: 'jewelry', variants: [['6', 'Size 6', 2], ['7', 'Size 7', 3], ['8', 'Size 8', 2]],
    priceUsd: 39.99, unitCostUsd: 6.5, weightGrams: 20, titles: { en: 'Sterling Silver Stackable Ring' },
    accessories: ['gift box', 'polishing cloth'], offers: { US: 'MFN', UK: 'MFN' }, popularity: 3 },
  { sku: 'JW-NECK-925', category: 'jewelry', variants: [], priceUsd: 59.99, unitCostUsd: 9, weightGrams: 30,
    titles: { en: 'Sterling Silver Pendant Necklace, 45 cm' },
    accessories: ['gift box', 'polishing cloth', 'certificate of authenticity'], offers: { US: 'MFN', UK: 'MFN' }, popularity: 2 },
];
