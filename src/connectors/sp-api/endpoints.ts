// Where the Selling Partner API and Login with Amazon answer (reference §3.2, §3.3). Both are
// arguments everywhere: the tests point them at a fake server on 127.0.0.1, a developer at the sandbox.

export type SpApiRegion = 'NA' | 'EU' | 'FE';

export interface SpApiEndpoints {
  /** LWA's token endpoint. */
  readonly lwaTokenUrl: string;
  /** The SP-API host of a region, as an origin (no trailing slash). */
  readonly apiBaseUrl: (region: SpApiRegion) => string;
}

export const amazonEndpoints: SpApiEndpoints = {
  lwaTokenUrl: 'https://api.amazon.com/auth/o2/token',
  apiBaseUrl: (region) => `https://sellingpartnerapi-${region.toLowerCase()}.amazon.com`,
};

/** Every region at one origin (a local fake, a proxy): the region goes nowhere in the address. */
export function endpointsAt(origin: string): SpApiEndpoints {
  const base = origin.replace(/\/+$/, '');
  return { lwaTokenUrl: `${base}/auth/o2/token`, apiBaseUrl: () => base };
}
