import type { QueueFilters } from '../../api/queue.js';
import { faultOptions, marketplaceOptions, reasonOptions, statusOptions } from './filter-options.js';

// The queue's filters and page live in the address (/queue?fault=seller&offset=50), so Back, reload
// and a link sent to a colleague show the same cases. A value the API would refuse is dropped.

function pick<T extends string>(query: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
  const value = query.get(name);
  return (allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined;
}

export function readQueueAddress(query: URLSearchParams): { filters: QueueFilters; offset: number } {
  const sku = query.get('sku')?.trim();
  const filters: QueueFilters = {
    marketplace: pick(query, 'marketplace', marketplaceOptions), reason: pick(query, 'reason', reasonOptions),
    fault: pick(query, 'fault', faultOptions), status: pick(query, 'status', statusOptions),
    sku: sku ? sku.slice(0, 200) : undefined,
  };
  const offset = Number(query.get('offset') ?? 0);
  return { filters, offset: Number.isInteger(offset) && offset > 0 ? offset : 0 };
}

export function queueAddress(filters: QueueFilters, offset = 0): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value) query.set(name, value);
  if (offset > 0) query.set('offset', String(offset));
  const text = query.toString();
  return text === '' ? '/queue' : `/queue?${text}`;
}

export function hasFilters(filters: QueueFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined && value !== '');
}
