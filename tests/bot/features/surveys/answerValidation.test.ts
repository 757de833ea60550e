import { expect } from 'chai';
import { loadTemplatesOrThrow } from '../../../../knowledge/surveys/templateLoader';
import { checkAnswers } from '../../../../bot/features/surveys/answerValidation';

const induction = loadTemplatesOrThrow().find((t) => t.id === 'induction-feedback')!;
const wellbeing = loadTemplatesOrThrow().find((t) => t.id === 'wellbeing-pulse')!;

const inductionAnswers = (extra: Record<string, unknown> = {}) => ({
  verb: 'pulse.submit',
  surveyId: 3,
  'q.completed-in-three-months': 'yes',
  'q.induction-route': 'integrated-induction',
  'q.usefulness': '4',
  ...extra,
});

describe('checkAnswers', () => {
  it('turns card strings into stored values, keeping the comment apart', () => {
    expect(checkAnswers(induction, inductionAnswers({ 'q.comment': '  More shadowing please. ' }))).to.deep.equal({
      ok: true,
      answers: { 'completed-in-three-months': 'yes', 'induction-route': 'integrated-induction', usefulness: 4 },
      comment: 'More shadowing please.',
    });
  });

  it('accepts numbers as well as strings, and a 0\u201310 answer of 0', () => {
    const answers = { 'q.workload': 5, 'q.manager-support': '1', 'q.supervision': 3, 'q.valued': 2, 'q.wellbeing': '4', 'q.recommend': '0' };
    const result = checkAnswers(wellbeing, answers);
    expect(result.ok && result.answers).to.deep.include({ workload: 5, 'manager-support': 1, recommend: 0 });
  });

  it('leaves out a blank optional comment', () => {
    const result = checkAnswers(induction, inductionAnswers({ 'q.comment': '   ' }));
    expect(result).to.deep.equal({ ok: true, answers: { 'completed-in-three-months': 'yes', 'induction-route': 'integrated-induction', usefulness: 4 } });
  });

  const invalid: [string, Record<string, unknown>, RegExp][] = [
    ['a rating of 6', { 'q.usefulness': '6' }, /Choose one of the answers shown for \u201CHow useful was your induction\?\u201D/],
    ['a rating of 0', { 'q.usefulness': '0' }, /Choose one of the answers shown/],
    ['a rating of 4.5', { 'q.usefulness': '4.5' }, /Choose one of the answers shown/],
    ['"maybe" for yes/no', { 'q.completed-in-three-months': 'maybe' }, /Choose one of the answers shown/],
    ['an option that does not exist', { 'q.induction-route': 'online-only' }, /Choose one of the answers shown/],
    ['a missing required answer', { 'q.usefulness': '' }, /Answer \u201CHow useful was your induction\?\u201D/],
    ['an answer that is an object', { 'q.usefulness': { value: 4 } }, /could not be read/],
    ['a comment of 501 characters', { 'q.comment': 'x'.repeat(501) }, /501 characters long; please keep it to 500/],
  ];
  for (const [name, extra, message] of invalid) {
    it(`refuses ${name}`, () => {
      const result = checkAnswers(induction, inductionAnswers(extra));
      expect(result.ok).to.equal(false);
      expect(!result.ok && !result.tampered && result.errors.join('\n')).to.match(message);
    });
  }

  it('lists every problem at once', () => {
    const result = checkAnswers(induction, { 'q.comment': 'fine' });
    expect(!result.ok && !result.tampered && result.errors).to.have.length(3);
  });

  it('treats answers to questions the pulse does not have as tampering', () => {
    const result = checkAnswers(induction, inductionAnswers({ 'q.workload': '5' }));
    expect(result).to.deep.equal({ ok: false, tampered: true, unknownQuestions: ['q.workload'] });
  });

  it('accepts a comment of exactly 500 characters', () => {
    const result = checkAnswers(induction, inductionAnswers({ 'q.comment': 'y'.repeat(500) }));
    expect(result.ok && result.comment).to.have.length(500);
  });
});
