import { createAnswerCard } from '../../../dialogs/glossary/createAnswerCard';
import { AdaptiveCard } from '../../../dialogs/cards/adaptiveCard';
import { KnowledgeEntry } from '../../../knowledge/entry';
import { CheckedEntry } from '../../features/content/entryInput';

/** What the dashboard's preview shows: the answer card exactly as each channel gets it, or why it cannot be built yet. */
export type EntryPreview =
  { ok: true; teams: AdaptiveCard; webchat: AdaptiveCard; text: string; warnings: string[] } | { ok: false; problems: { field: string; message: string }[] };

/**
 * Builds the answer card the bot would send for a checked entry, once with Teams' Universal Actions
 * and once with Web Chat's submits, from the same factory the chat uses, so the page renders the very
 * JSON staff will see; `related` resolves the entry's related ids against what is live.
 */
export function entryPreview(checked: CheckedEntry, live: readonly KnowledgeEntry[]): EntryPreview {
  if (!checked.ok) return { ok: false, problems: checked.problems };
  const byId = new Map(live.map((e) => [e.id, e]));
  const related = checked.entry.related.map((id) => byId.get(id)).filter((e): e is KnowledgeEntry => e !== undefined);
  const teams = createAnswerCard(checked.entry, { style: 'execute', related });
  const webchat = createAnswerCard(checked.entry, { style: 'submit', related });
  return { ok: true, teams: teams.card, webchat: webchat.card, text: teams.text, warnings: checked.warnings };
}
