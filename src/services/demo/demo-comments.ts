/** What FBA buyers type into the return form, in the marketplace's language (most leave it blank). */
import type { DemoProduct, Language } from './demo-model.js';
import type { DemoReason } from './demo-reasons.js';
import type { Random } from './prng.js';

type Topic = 'small' | 'large' | 'style' | 'unwanted' | 'defective' | 'compatible' | 'quality' | 'described'
  | 'damaged' | 'missing' | 'wrongItem' | 'mistake' | 'price' | 'bottle' | 'batch';

type Texts = Record<Language, readonly string[]>;

const comments: Record<Topic, Texts> = {
  small: {
    en: ['Runs small, order a size up', 'Too tight', 'Smaller than the size chart says'],
    de: ['Fällt zu klein aus', 'Zu eng, lieber eine Nummer größer bestellen'],
    ja: ['サイズが小さすぎました', '思っていたより小さめでした'],
  },
  large: {
    en: ['Too big', 'Fits loose, ordered the wrong size'],
    de: ['Fällt sehr groß aus', 'Zu weit geschnitten'],
    ja: ['サイズが大きすぎました'],
  },
  style: {
    en: ['Did not like the fit', 'Colour looks different in person'],
    de: ['Gefällt mir nicht', 'Farbe anders als auf dem Foto'],
    ja: ['イメージと違いました'],
  },
  unwanted: {
    en: ['No longer needed', 'Gift, recipient already had one', 'Changed my mind'],
    de: ['Nicht mehr benötigt', 'Geschenk, wurde doppelt verschenkt'],
    ja: ['不要になったため', 'プレゼント用でしたが不要になりました'],
  },
  defective: {
    en: ['Stopped working after a week', 'Arrived not working', 'Works only intermittently'],
    de: ['Funktioniert nicht', 'Nach einer Woche defekt'],
    ja: ['届いた時から動きませんでした', '数日で動かなくなりました'],
  },
  compatible: {
    en: ['Not compatible with my device', 'Does not work with my laptop'],
    de: ['Nicht kompatibel mit meinem Gerät'],
    ja: ['機種に合いませんでした'],
  },
  quality: {
    en: ['Feels cheap', 'Quality not as expected for the price'],
    de: ['Qualität enttäuschend', 'Wirkt billig verarbeitet'],
    ja: ['品質がいまいちでした', '作りが安っぽいです'],
  },
  described: {
    en: ['Not as pictured', 'Description does not match the item'],
    de: ['Entspricht nicht der Beschreibung'],
    ja: ['説明と違いました'],
  },
  damaged: {
    en: ['Box was crushed and item broken', 'Arrived damaged'],
    de: ['Paket beschädigt angekommen', 'Ware kam kaputt an'],
    ja: ['箱が潰れて届きました', '破損して届きました'],
  },
  missing: {
    en: ['Parts missing from the box', 'Accessories not included'],
    de: ['Zubehör fehlt'],
    ja: ['付属品が入っていませんでした'],
  },
  wrongItem: {
    en: ['Received a different item', 'Wrong item in the box'],
    de: ['Falscher Artikel geliefert'],
    ja: ['違う商品が届きました'],
  },
  mistake: {
    en: ['Ordered by mistake', 'Ordered the wrong model'],
    de: ['Irrtümlich bestellt', 'Falsches Modell bestellt'],
    ja: ['間違えて注文しました'],
  },
  price: {
    en: ['Found it cheaper elsewhere'],
    de: ['Woanders günstiger gefunden'],
    ja: ['他店の方が安かったため'],
  },
  bottle: {
    en: ['Not stainless steel, it is painted aluminium', 'Listing says stainless steel, this is coated aluminium',
      'Not insulated at all, water is warm after an hour', 'Paint inside is peeling, this is not stainless', 'Misleading description, aluminium not steel'],
    de: ['Kein Edelstahl, sondern beschichtetes Aluminium', 'Hält nicht warm, ist gar nicht isoliert', 'Innen blättert die Beschichtung ab - kein Edelstahl'],
    ja: ['ステンレスと書いてあるのにアルミ製でした', '保温できません。説明と違います', '内側の塗装がはがれてきました'],
  },
  batch: {
    en: ['Charger died after 3 days', 'Gets extremely hot and stops charging', 'Makes a buzzing noise then stopped working'],
    de: ['Ladegerät nach drei Tagen kaputt', 'Wird sehr heiß und lädt nicht mehr'],
    ja: ['3日で充電できなくなりました', '本体が異常に熱くなります'],
  },
};

// Comments that only make sense for some products (a T-shirt does not "stop working").
const specific: readonly { topic: Topic; applies: (product: DemoProduct) => boolean; texts: Texts }[] = [
  { topic: 'compatible', applies: (p) => p.sku === 'PA-CBL-CL1', texts: {
    en: ['My iPhone 15 has USB-C, this is a Lightning cable', 'Wrong connector for my phone'],
    de: ['Falscher Stecker für mein Handy'], ja: ['iPhone 15 はUSB-Cなので使えませんでした'] } },
  { topic: 'compatible', applies: (p) => p.sku.startsWith('PA-CASE'), texts: {
    en: ['Ordered for the 15 but I have the 15 Pro', 'Camera cutout does not line up'],
    de: ['Kameraausschnitt passt nicht'], ja: ['カメラ穴の位置が合いません'] } },
  { topic: 'defective', applies: (p) => p.category === 'apparel', texts: {
    en: ['Seam came apart after one wash', 'Small hole near the hem'],
    de: ['Naht nach der ersten Wäsche aufgegangen'], ja: ['一度洗濯したら縫い目がほつれました'] } },
  { topic: 'defective', applies: (p) => p.category === 'shoes', texts: {
    en: ['Sole coming loose after a week'], de: ['Sohle löst sich nach einer Woche'], ja: ['靴底がはがれてきました'] } },
  { topic: 'defective', applies: (p) => p.category === 'kitchen', texts: {
    en: ['Broke after a few uses', 'Stopped working after a week'], de: ['Nach wenigen Benutzungen kaputt'], ja: ['数回使っただけで壊れました'] } },
  { topic: 'quality', applies: (p) => p.category === 'apparel' || p.category === 'shoes', texts: {
    en: ['Fabric pills after one wash', 'Stitching looks sloppy'], de: ['Stoff fusselt nach einer Wäsche'], ja: ['生地の質がいまいちでした'] } },
];

const topics: Partial<Record<DemoReason, Topic>> = {
  APPAREL_TOO_SMALL: 'small', JEWELRY_TOO_SMALL: 'small', APPAREL_TOO_LARGE: 'large', APPAREL_STYLE: 'style',
  DID_NOT_LIKE_COLOR: 'style', UNWANTED_ITEM: 'unwanted', DEFECTIVE: 'defective', NOT_COMPATIBLE: 'compatible',
  PART_NOT_COMPATIBLE: 'compatible', QUALITY_UNACCEPTABLE: 'quality', NOT_AS_DESCRIBED: 'described',
  DAMAGED_BY_CARRIER: 'damaged', DAMAGED_BY_FC: 'damaged', MISSING_PARTS: 'missing', SWITCHEROO: 'wrongItem',
  ORDERED_WRONG_ITEM: 'mistake', FOUND_BETTER_PRICE: 'price',
};

/**
 * A buyer comment or null (blank). `incident` marks the story's returns, whose buyers nearly always
 * explain themselves; ordinary buyers write something about a third of the time.
 */
export function pickComment(random: Random, product: DemoProduct, reason: DemoReason, language: Language, incident: 'bottle' | 'batch' | null): string | null {
  const topic = incident ?? topics[reason];
  if (!topic || !random.chance(incident ? 0.8 : 0.33)) return null;
  const texts = specific.find((entry) => entry.topic === topic && entry.applies(product))?.texts ?? comments[topic];
  return random.pick(texts[language]);
}
