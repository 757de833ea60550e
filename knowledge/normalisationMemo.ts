/**
 * Remembers what normalising a text (and stemming a word) gave in the last builds, so the index
 * worker rebuilding a knowledge base after a one-entry publish reads only the texts that changed.
 * Both are pure functions of their input, so a remembered result is exactly what computing it
 * again would give. Off unless switched on (only the worker does): questions never fill it.
 */
export class NormalisationMemo<V = string> {
  /** One map per kind, keyed by the text itself: joining kind and text into one key would copy every body text on every look-up. */
  private current = new Map<string, Map<string, V>>();
  private previous = new Map<string, Map<string, V>>();
  /** Texts and words computed afresh since the memo was switched on (for tests and the benchmark). */
  computed = 0;
  remembered = 0;

  /** The remembered result for `key` (in namespace `kind`), else `compute`'s, kept for this build and the next. */
  get(kind: string, key: string, compute: () => V): V {
    let current = this.current.get(kind);
    if (!current) this.current.set(kind, (current = new Map()));
    let value = current.get(key);
    if (value !== undefined) {
      this.remembered++;
      return value;
    }
    value = this.previous.get(kind)?.get(key);
    if (value !== undefined) this.remembered++;
    else {
      value = compute();
      this.computed++;
    }
    current.set(key, value);
    return value;
  }

  /** Starts a build: what the build before last used and this one has not is forgotten, so the memo holds about two builds' texts. */
  nextBuild(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}

let active: NormalisationMemo | undefined;

/** Switches the memo on for this thread (the index worker) and returns it; the same memo on every call. */
export function rememberNormalisation(): NormalisationMemo {
  active ??= new NormalisationMemo();
  return active;
}

/** `compute()` through the memo when it is on, else computed as usual. */
export function memoised(kind: 'text' | 'stem', key: string, compute: () => string): string {
  return active ? active.get(kind, key, compute) : compute();
}

/** Switches the memo off again (tests that switched it on). */
export function forgetNormalisation(): void {
  active = undefined;
}
