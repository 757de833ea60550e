import { KnowledgeEntry } from '../../../knowledge/entry';
import { normaliseText } from '../../../knowledge/normalise';
import type { EvaluationQuestion } from './evaluate';

/** An entry's own wording: its title (with and without its bracketed acronym), acronyms, aliases and alternate questions. */
function ownTexts(entry: KnowledgeEntry): string[] {
  return [entry.title, entry.title.replace(/\([^)]*\)/g, ' '), ...entry.acronyms, ...entry.aliases, ...entry.questions];
}

/**
 * Tells which evaluation questions are, once normalised, word for word the text of an entry that
 * answers them (its title, an acronym, an alias or one of its `questions:`). Such questions find
 * themselves in the index, so they are trivially easy and say nothing about wording nobody wrote
 * down; the figures over the rest (`unseenWording`) say how the bot does on new wording.
 */
export function entryWordingOf(entries: readonly KnowledgeEntry[]): (question: EvaluationQuestion) => boolean {
  const textsById = new Map(entries.map((e) => [e.id, new Set(ownTexts(e).map(normaliseText))]));
  return (question) => {
    if (question.expect === null) return false;
    const text = normaliseText(question.q);
    return [question.expect, ...(question.also ?? [])].some((id) => textsById.get(id)?.has(text) ?? false);
  };
}
