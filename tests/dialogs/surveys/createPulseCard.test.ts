import { expect } from 'chai';
import { DateTime } from 'luxon';
import { loadTemplatesOrThrow } from '../../../knowledge/surveys/templateLoader';
import { createPulseCard } from '../../../dialogs/surveys/createPulseCard';
import { createPulseThanksCard } from '../../../dialogs/surveys/createPulseThanksCard';
import { cardActions } from '../../helpers/testServices';

const templates = loadTemplatesOrThrow();
const wave = (id: string) => ({
  id: 9,
  template: templates.find((t) => t.id === id)!,
  closesAt: DateTime.fromISO('2026-11-30T17:00', { zone: 'Europe/London' }),
  threshold: 5,
});
type Input = {
  type: string;
  id: string;
  style?: string;
  choices?: { title: string; value: string }[];
  isRequired?: boolean;
  maxLength?: number;
  isMultiline?: boolean;
  value?: string;
};
const inputs = (card: { body: unknown[] }) =>
  card.body.filter((e): e is Input => typeof (e as Input).type === 'string' && (e as Input).type.startsWith('Input.'));

describe('createPulseCard', () => {
  it('puts every question on one card: labelled 1\u20135 radio buttons, 0\u201310, and an optional comment of up to 500 characters', () => {
    const { card, text } = createPulseCard(wave('wellbeing-pulse'), { style: 'execute' });
    const fields = inputs(card);
    expect(fields.map((f) => f.id)).to.deep.equal(['q.workload', 'q.manager-support', 'q.supervision', 'q.valued', 'q.wellbeing', 'q.recommend', 'q.comment']);
    expect(fields[0]).to.deep.include({ type: 'Input.ChoiceSet', style: 'expanded', isRequired: true });
    expect(fields[0].choices!.map((c) => c.title)).to.deep.equal([
      '1 \u2013 Strongly disagree',
      '2 \u2013 Disagree',
      '3 \u2013 Neither agree nor disagree',
      '4 \u2013 Agree',
      '5 \u2013 Strongly agree',
    ]);
    expect(fields[5].choices!.map((c) => c.value)).to.deep.equal(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(fields[5].choices![0].title).to.equal('0 \u2013 Not at all likely');
    expect(fields[6]).to.deep.include({ type: 'Input.Text', isMultiline: true, maxLength: 500 });
    expect(fields[6].isRequired).to.equal(undefined);
    expect(card.version).to.equal('1.5');
    expect(text)
      .to.match(/^Wellbeing and workload pulse/)
      .and.match(/Open until Monday 30 November 2026 at 17:00/);
  });

  it('uses Action.Execute in Teams and Action.Submit in Web Chat, carrying only the survey id', () => {
    const [teams] = cardActions(createPulseCard(wave('induction-feedback'), { style: 'execute' }).card as unknown as Record<string, unknown>);
    const [webChat] = cardActions(createPulseCard(wave('induction-feedback'), { style: 'submit' }).card as unknown as Record<string, unknown>);
    expect(teams).to.deep.include({ type: 'Action.Execute', verb: 'pulse.submit', data: { surveyId: 9, verb: 'pulse.submit' } });
    expect(webChat).to.deep.include({ type: 'Action.Submit', data: { surveyId: 9, verb: 'pulse.submit' } });
  });

  it('shows yes/no and single choice as radio buttons', () => {
    const fields = inputs(createPulseCard(wave('induction-feedback'), { style: 'submit' }).card);
    expect(fields[0].choices).to.deep.equal([
      { title: 'Yes', value: 'yes' },
      { title: 'No', value: 'no' },
    ]);
    expect(fields[1]).to.deep.include({ style: 'expanded' });
    expect(fields[1].choices!.map((c) => c.value)).to.include('common-induction-standards');
  });

  it('shows errors first and keeps the values of a failed submission', () => {
    const { card } = createPulseCard(wave('induction-feedback'), {
      style: 'submit',
      errors: ['Answer \u201CHow useful was your induction?\u201D.'],
      values: { 'q.completed-in-three-months': 'no', 'q.comment': 'Too short' },
    });
    const json = JSON.stringify(card);
    expect(json).to.include('There is a problem').and.to.include('q.completed-in-three-months');
    expect(json.indexOf('There is a problem')).to.be.at.least(0).and.below(json.indexOf('q.completed-in-three-months'));
    expect(inputs(card).map((f) => f.value)).to.deep.equal(['no', undefined, undefined, 'Too short']);
  });

  it('opens a reminder with a line saying so', () => {
    expect(createPulseCard(wave('induction-feedback'), { style: 'submit', reminder: true }).text).to.match(/^Reminder: you haven't answered this pulse yet/);
  });
});

describe('createPulseThanksCard', () => {
  it('thanks without showing any answer or input', () => {
    const { card, text } = createPulseThanksCard(wave('induction-feedback'));
    expect(text).to.include('Thank you \u2014 your answers were recorded anonymously.');
    expect(JSON.stringify(card)).to.not.match(/Input\.|Action\./);
  });
});
