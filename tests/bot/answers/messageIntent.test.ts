import { expect } from 'chai';
import { classifyMessage, MessageIntent } from '../../../bot/answers/messageIntent';

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
  ];
  for (const [text, intent] of cases) it(`reads "${text}" as ${intent}`, () => expect(classifyMessage(text)).to.equal(intent));
});
