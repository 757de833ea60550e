import { DateTime } from 'luxon';
import { londonDateTime, Wave, waveStatus } from '../../bot/features/surveys/wave';
import { adaptiveCard, built, BuiltCard, heading, paragraph } from '../cards/adaptiveCard';

/** The pulses someone may see results for, newest first, with how to ask for each. */
export function createPulseListCard(title: string, waves: readonly Wave[], now: DateTime): BuiltCard {
  const line = (w: Wave) => {
    const status = waveStatus(w, now);
    const when =
      status === 'scheduled'
        ? `opens ${londonDateTime(w.opensAt)}`
        : status === 'open'
          ? `open until ${londonDateTime(w.closesAt)}`
          : `closed ${londonDateTime(w.closesAt)}`;
    return `- #${w.id} ${w.name} (${when})`;
  };
  const lines = waves.slice(0, 15).map(line);
  const hint = 'Type "results of" and the name or number, e.g. "results of #12".';
  const body = [
    heading(title),
    paragraph(lines.length ? lines.join('\n') : 'There are no pulses you can see results for yet.'),
    paragraph(hint, { size: 'small', isSubtle: true }),
  ];
  return built(adaptiveCard(body, [title, ...lines, hint].join('\n')));
}
