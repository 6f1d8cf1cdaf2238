/** Where the demo buyers live, and how their MFN returns travel back. */
import type { DemoMarketplaceCode, ShipAddress } from './demo-model.js';
import { DIGITS, type Random, UPPER_ALNUM } from './prng.js';

// [city, state, postal-code prefix, sales tax rate]; the rates are rounded combined state+local rates.
const usPlaces: readonly (readonly [string, string, string, number])[] = [
  ['NEW YORK', 'NY', '100', 0.08875], ['BROOKLYN', 'NY', '112', 0.08875], ['LOS ANGELES', 'CA', '900', 0.095],
  ['SAN JOSE', 'CA', '951', 0.0938], ['SAN DIEGO', 'CA', '921', 0.0775], ['CHICAGO', 'IL', '606', 0.1025],
  ['HOUSTON', 'TX', '770', 0.0825], ['AUSTIN', 'TX', '787', 0.0825], ['PHOENIX', 'AZ', '850', 0.086],
  ['SEATTLE', 'WA', '981', 0.1035], ['PORTLAND', 'OR', '972', 0], ['DENVER', 'CO', '802', 0.0881],
  ['MIAMI', 'FL', '331', 0.07], ['ATLANTA', 'GA', '303', 0.089], ['BOSTON', 'MA', '021', 0.0625],
  ['PHILADELPHIA', 'PA', '191', 0.08], ['COLUMBUS', 'OH', '432', 0.08], ['MINNEAPOLIS', 'MN', '554', 0.0903],
  ['WILMINGTON', 'DE', '198', 0], ['NASHVILLE', 'TN', '372', 0.0925],
];
const ukPlaces: readonly (readonly [string, string, string])[] = [
  ['London', 'Greater London', 'SW1A'], ['London', 'Greater London', 'E14'], ['Manchester', 'Greater Manchester', 'M1'],
  ['Birmingham', 'West Midlands', 'B15'], ['Leeds', 'West Yorkshire', 'LS1'], ['Glasgow', 'Lanarkshire', 'G12'],
  ['Bristol', 'Bristol', 'BS8'], ['Edinburgh', 'Midlothian', 'EH3'], ['Cardiff', 'South Glamorgan', 'CF10'],
  ['Brighton', 'East Sussex', 'BN1'],
];
const dePlaces: readonly (readonly [string, string, string])[] = [
  ['Berlin', 'Berlin', '10'], ['Hamburg', 'Hamburg', '20'], ['München', 'Bayern', '80'], ['Köln', 'Nordrhein-Westfalen', '50'],
  ['Frankfurt am Main', 'Hessen', '60'], ['Stuttgart', 'Baden-Württemberg', '70'], ['Düsseldorf', 'Nordrhein-Westfalen', '40'],
  ['Leipzig', 'Sachsen', '04'], ['Nürnberg', 'Bayern', '90'], ['Dresden', 'Sachsen', '01'],
];
const jpPlaces: readonly (readonly [string, string, string])[] = [
  ['渋谷区', '東京都', '150'], ['世田谷区', '東京都', '154'], ['横浜市港北区', '神奈川県', '222'], ['大阪市北区', '大阪府', '530'],
  ['名古屋市中区', '愛知県', '460'], ['福岡市中央区', '福岡県', '810'], ['札幌市中央区', '北海道', '060'], ['京都市左京区', '京都府', '606'],
  ['さいたま市浦和区', '埼玉県', '330'], ['神戸市中央区', '兵庫県', '650'],
];

/** A plausible shipping address in the marketplace's country. */
export function pickAddress(random: Random, marketplace: DemoMarketplaceCode): ShipAddress {
  switch (marketplace) {
    case 'US': {
      const [city, state, zip, rate] = random.pick(usPlaces);
      return { city, state, postalCode: `${zip}${random.chars(DIGITS, 2)}`, country: 'US', salesTaxRate: rate };
    }
    case 'UK': {
      const [city, state, outward] = random.pick(ukPlaces);
      const inward = `${random.int(1, 9)}${random.chars('ABDEFGHJLNPQRSTUWXYZ', 2)}`;
      return { city, state, postalCode: `${outward} ${inward}`, country: 'GB', salesTaxRate: 0 };
    }
    case 'DE': {
      const [city, state, plz] = random.pick(dePlaces);
      return { city, state, postalCode: `${plz}${random.chars(DIGITS, 3)}`, country: 'DE', salesTaxRate: 0 };
    }
    case 'JP': {
      const [city, state, zip] = random.pick(jpPlaces);
      return { city, state, postalCode: `${zip}-${random.chars(DIGITS, 4)}`, country: 'JP', salesTaxRate: 0 };
    }
  }
}

/** A return carrier and a tracking id in that carrier's format. */
export function pickReturnCarrier(random: Random, marketplace: DemoMarketplaceCode): { carrier: string; trackingId: string } {
  if (marketplace === 'UK') {
    return random.chance(0.7)
      ? { carrier: 'Royal Mail', trackingId: `${random.chars('ABCDEFGHJKLMNPQRSTUVWXYZ', 2)}${random.chars(DIGITS, 9)}GB` }
      : { carrier: 'Evri', trackingId: `H${random.chars(UPPER_ALNUM, 15)}` };
  }
  return random.chance(0.75)
    ? { carrier: 'USPS', trackingId: `9202${random.chars(DIGITS, 18)}` }
    : { carrier: 'UPS', trackingId: `1Z${random.chars(UPPER_ALNUM, 6)}90${random.chars(DIGITS, 8)}` };
}
