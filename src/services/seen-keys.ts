/**
 * Which natural keys might already be stored, so a batch only looks up keys that can exist.
 * When a table holds no rows of the account as the import's transaction starts, a key can only exist
 * if this import wrote it: the filter remembers a 30-bit hash of each written key (a small-integer
 * Set: about 16 MB for a million rows, where the keys themselves would take 80). A hash match means
 * "maybe", and the caller asks the database as before. When the table had rows, every key may exist.
 *
 * Measured on 200,000 FBA rows into PostgreSQL: the per-batch lookups took 5.2 s of 19 s and found
 * nothing on a first import.
 */
export class SeenKeys {
  private readonly hashes = new Set<number>();

  constructor(private readonly startedEmpty: boolean) {}

  /** Whether the table held rows of the account when the import began (any key may exist). */
  get startedWithRows(): boolean {
    return !this.startedEmpty;
  }

  mightExist(key: string): boolean {
    return !this.startedEmpty || this.hashes.has(hashKey(key));
  }

  remember(key: string): void {
    if (this.startedEmpty) this.hashes.add(hashKey(key));
  }
}

/** FNV-1a over UTF-16 code units, folded to 30 bits so V8 keeps it a small integer. */
function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 2) & 0x3fffffff;
}
