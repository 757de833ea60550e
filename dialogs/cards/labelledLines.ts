import { Container, Fact, paragraph } from './adaptiveCard';

/**
 * Facts as "**Label:** value" lines. A FactSet squeezes its label column on a narrow chat pane
 * until the labels break mid-word ("For/mat"); a wrapped line breaks only between words.
 */
export function labelledLines(facts: Fact[]): Container {
  return { type: 'Container', spacing: 'small', items: facts.map((f) => paragraph(`**${f.title}:** ${f.value}`, { spacing: 'none' })) };
}
