import { adaptiveCard, built, BuiltCard, heading, paragraph } from '../cards/adaptiveCard';

/** A pulse card replaced by a short notice (answered already, closed, not open yet), with no answers on it. */
export function createPulseNoticeCard(title: string, message: string): BuiltCard {
  return built(adaptiveCard([heading(title), paragraph(message)], `${title}\n${message}`));
}
