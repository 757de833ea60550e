import { BotState, calculateChangeHash, Storage, StoreItem, TurnContext } from 'botbuilder';

interface CachedState {
  state: Record<string, unknown>;
  hash: string;
  /** The version read from storage; '' when the document did not exist yet. */
  eTag: string;
}

/** The eTag that means "this document must not exist yet" (no stored version ever has it). */
const NEW_DOCUMENT = '';

/**
 * Bot state that writes back with the eTag it read, so two turns changing the same state cannot
 * silently overwrite each other: the later write fails with a conflict instead. (The SDK's own
 * BotState always writes with "*", last writer wins.)
 */
export class OptimisticBotState extends BotState {
  private readonly cacheKey = Symbol('optimisticState');

  constructor(
    storage: Storage,
    private readonly keyOf: (context: TurnContext) => string,
  ) {
    super(storage, async (context) => keyOf(context));
  }

  override async load(context: TurnContext, force = false): Promise<Record<string, unknown>> {
    const cached = context.turnState.get(this.cacheKey) as CachedState | undefined;
    if (cached && !force) return cached.state;
    const key = this.keyOf(context);
    const items = await this.storage.read([key]);
    const { eTag, ...state } = (items[key] ?? {}) as StoreItem;
    context.turnState.set(this.cacheKey, { state, hash: calculateChangeHash(state), eTag: eTag ?? NEW_DOCUMENT } satisfies CachedState);
    return state;
  }

  override async saveChanges(context: TurnContext, force = false): Promise<void> {
    const cached = context.turnState.get(this.cacheKey) as CachedState | undefined;
    if (!cached) return;
    if (!force && cached.hash === calculateChangeHash(cached.state)) return;
    const item: StoreItem = { ...cached.state, eTag: force ? '*' : cached.eTag };
    await this.storage.write({ [this.keyOf(context)]: item });
    cached.eTag = item.eTag ?? cached.eTag;
    cached.hash = calculateChangeHash(cached.state);
  }

  override async clear(context: TurnContext): Promise<void> {
    const cached = context.turnState.get(this.cacheKey) as CachedState | undefined;
    context.turnState.set(this.cacheKey, { state: {}, hash: '', eTag: cached?.eTag ?? NEW_DOCUMENT } satisfies CachedState);
  }

  override async delete(context: TurnContext): Promise<void> {
    context.turnState.delete(this.cacheKey);
    await this.storage.delete([this.keyOf(context)]);
  }

  override get(context: TurnContext): Record<string, unknown> | undefined {
    return (context.turnState.get(this.cacheKey) as CachedState | undefined)?.state;
  }
}
