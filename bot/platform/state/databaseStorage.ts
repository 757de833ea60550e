import { Storage, StoreItem, StoreItems } from 'botbuilder';
import { StateDocuments } from '../store/stateDocuments';

/**
 * Bot Framework storage over the bot's database. A write carrying a stale eTag fails; "*" or no
 * eTag overwrites. After a write, the item's eTag is updated in place so later writes in the
 * same turn carry the new version.
 */
export class DatabaseStorage implements Storage {
  constructor(private readonly documents: StateDocuments) {}

  async read(keys: string[]): Promise<StoreItems> {
    const found = await this.documents.read(keys);
    const items: StoreItems = {};
    for (const [key, { document, etag }] of found) items[key] = { ...document, eTag: etag };
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...document } = item as StoreItem;
      const next = await this.documents.write(key, document, eTag);
      (item as StoreItem).eTag = next;
    }
  }

  async delete(keys: string[]): Promise<void> {
    await this.documents.delete(keys);
  }
}
