/**
 * Runs jobs one after another per key (a conversation), so two messages sent close together are
 * answered in order and never load and save the same conversation state at once; keys with
 * nothing pending are dropped, so the map stays as small as the work in flight.
 */
export class ConversationQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /** Runs `job` after every earlier job for `key` has settled; resolves or rejects with it. */
  run<T>(key: string, job: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(job);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Resolves once every job queued so far has settled. */
  async idle(): Promise<void> {
    await Promise.all([...this.tails.values()]);
  }

  /** Keys with work pending. */
  get pending(): number {
    return this.tails.size;
  }
}
