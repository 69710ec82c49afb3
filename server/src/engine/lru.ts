/**
 * A Map that keeps at most `capacity` entries and drops the least recently used one first. Every
 * cache of the engine and the server is one of these (or per document, or a WeakMap): a cache
 * keyed by what a user can change (front matter phrase lists, principle sets) would otherwise
 * grow with each edit for as long as the server runs.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // A Map iterates in insertion order: re-inserting makes this the most recent.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  /** The value for `key`, made by `create` when it is not cached. */
  getOrCreate(key: K, create: () => V): V {
    let value = this.get(key);
    if (value === undefined) this.set(key, (value = create()));
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * Something compiled from a phrase list (a rule's built-in phrases plus the user's), cached by the
 * list. A few lists are live at once (the settings', each open file's front matter); the rest are
 * lists a user typed on the way to the one they wanted.
 */
export function phraseListCache<T>(capacity = 8): (phrases: readonly string[], compile: () => T) => T {
  const cache = new LruCache<string, T>(capacity);
  return (phrases, compile) => cache.getOrCreate(phrases.join('\u0000'), compile);
}
