import { CardFactory, MessagingExtensionAttachment, MessagingExtensionQuery, MessagingExtensionResponse } from 'botbuilder';
import { KnowledgeEntry } from '../../../knowledge/entry';
import { KnowledgeSearch } from '../../../knowledge/knowledgeSearch';
import { createGlossaryShareCard } from '../../../dialogs/glossary/createGlossaryShareCard';
import { SEARCH_PARAMETER_NAME } from '../../../manifest/searchCommand';

/** Longer queries are not search terms (a pasted paragraph): they get no results. */
const MAX_QUERY = 200;
const RESULTS = 10;

/** Entries people ask about most, best first; empty until there is any history. */
export type MostAsked = (limit: number) => Promise<string[]>;

/** Key terms shown to a first user before anyone has asked anything. */
const STARTER_TERMS = ['caf', 'lead-professional', 'tac', 'common-core', 'every-child-matters', 'one-childrens-workforce', 'key-worker', 'contactpoint'];

/**
 * "Search the glossary" in the compose box: finds entries as the user types (the most-asked ones
 * for an empty box) and inserts the chosen entry as a card.
 */
export class GlossaryMessageExtension {
  constructor(
    private readonly search: KnowledgeSearch,
    private readonly mostAsked: MostAsked,
  ) {}

  async query(query: MessagingExtensionQuery): Promise<MessagingExtensionResponse> {
    // Teams' first run sends only an initialRun parameter, which reads as an empty box.
    const typed = String(query.parameters?.find((p) => p.name === SEARCH_PARAMETER_NAME)?.value ?? '');
    const count = Math.max(1, Math.min(RESULTS, query.queryOptions?.count ?? RESULTS));
    const entries = await this.find(typed.trim(), count);
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments: entries.map((e) => this.result(e)) } };
  }

  /** The card for the entry the user picked; an unknown or tampered pick inserts nothing. */
  select(value: unknown): MessagingExtensionResponse {
    const id = (value as { entryId?: unknown } | undefined)?.entryId;
    const entry = typeof id === 'string' ? this.search.getEntry(id) : undefined;
    const attachments = entry ? [this.result(entry)] : [];
    return { composeExtension: { type: 'result', attachmentLayout: 'list', attachments } };
  }

  private async find(typed: string, count: number): Promise<KnowledgeEntry[]> {
    if (typed.length > MAX_QUERY) return [];
    if (typed === '') {
      const ids = [...(await this.mostAsked(count)), ...STARTER_TERMS];
      return [...new Set(ids)]
        .map((id) => this.search.getEntry(id))
        .filter((e): e is KnowledgeEntry => e !== undefined)
        .slice(0, count);
    }
    return this.search.lookup(typed, count);
  }

  private result(entry: KnowledgeEntry): MessagingExtensionAttachment {
    const card = createGlossaryShareCard(entry);
    const text = entry.summary.length > 120 ? `${entry.summary.slice(0, 117)}...` : entry.summary;
    const preview = CardFactory.thumbnailCard(entry.title, text, [], [], { tap: { type: 'invoke', title: entry.title, value: { entryId: entry.id } } });
    return { ...card.attachment, preview };
  }
}
