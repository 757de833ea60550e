import { expect } from 'chai';
import { classifyMessage, MessageIntent, pulseResultsName } from '../../../../bot/features/answers/messageIntent';

describe('classifyMessage', () => {
  const cases: [string, MessageIntent][] = [
    ['hi', 'greeting'],
    ['Hey', 'greeting'],
    ['Good morning!', 'greeting'],
    ['hello there', 'greeting'],
    ['help', 'help'],
    ['?', 'help'],
    ['what can you do', 'help'],
    ['cancel', 'cancel'],
    ['never mind', 'cancel'],
    ['hi what is a caf', 'question'],
    ['Hello Teams TestBot.Sending bold-italic rich text', 'question'],
    ['help with caf forms', 'question'],
    ['what is TAC', 'question'],
    ['new pulse', 'newPulse'],
    ['Start a new pulse survey', 'newPulse'],
    ['pulse', 'pulse'],
    ['show me my pulses', 'pulse'],
    ['open surveys', 'pulse'],
    ['results of wellbeing pulse', 'pulseResults'],
    ['Results for #12', 'pulseResults'],
    ['results', 'pulseResults'],
    ['what is a pulse survey', 'question'],
    ['what were the results of the staff survey', 'question'],
  ];
  for (const [text, intent] of cases) it(`reads "${text}" as ${intent}`, () => expect(classifyMessage(text)).to.equal(intent));
});

describe('pulseResultsName', () => {
  const cases: [string, string][] = [
    ['results of wellbeing pulse', 'wellbeing pulse'],
    ['show results for #12?', '#12'],
    ['pulse results', ''],
    ['results', ''],
  ];
  for (const [text, name] of cases) it(`reads "${name}" from "${text}"`, () => expect(pulseResultsName(text)).to.equal(name));
});
