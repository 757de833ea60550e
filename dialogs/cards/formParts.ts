import { Option } from '../../knowledge/workforce';
import { CardElement, Container, InputChoiceSet, paragraph } from './adaptiveCard';

/** The errors of a failed submission, shown first so screen readers reach them first. */
export function errorSummary(errors: string[]): CardElement[] {
  if (errors.length === 0) return [];
  const box: Container = {
    type: 'Container',
    style: 'attention',
    items: [paragraph('There is a problem', { weight: 'bolder' }), ...errors.map((e) => paragraph(`- ${e}`))],
  };
  return [box];
}

/** A choice list built from workforce options. */
export function choiceInput(id: string, label: string, options: readonly Option[], value: unknown, extra: Partial<InputChoiceSet> = {}): InputChoiceSet {
  return {
    type: 'Input.ChoiceSet',
    id,
    label,
    choices: options.map((o) => ({ title: o.label, value: o.id })),
    ...(typeof value === 'string' && value ? { value } : {}),
    ...extra,
  };
}

/** A submitted or stored value as the text an input shows. */
export const textValue = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);
