import { expect } from 'chai';
import { classifyMessage, MessageIntent } from '../../../../bot/features/answers/messageIntent';

describe('classifyMessage: training commands', () => {
  const cases: [string, MessageIntent][] = [
    ['what training do I need?', 'trainingNeeds'],
    ['What training do i need', 'trainingNeeds'],
    ['which courses do I have to do', 'trainingNeeds'],
    ['what courses should I take next', 'trainingNeeds'],
    ['what training is mandatory for me', 'trainingNeeds'],
    ['my training', 'trainingNeeds'],
    ['my training pathway', 'trainingNeeds'],
    ['show my mandatory training', 'trainingNeeds'],
    ['am I overdue any training?', 'trainingNeeds'],
    ['my reminders', 'myReminders'],
    ['show my training reminders', 'myReminders'],
    ['cancel my reminders', 'myReminders'],
    ['what reminders do I have?', 'myReminders'],
    ['where can I do CAF training', 'question'],
    ['what training do I need to be a lead professional', 'question'],
    ['safeguarding training next month', 'question'],
    ['remind me', 'myReminders'],
    ['remind me about a course', 'myReminders'],
    ['set a reminder', 'myReminders'],
    ['remind me what TAC stands for', 'question'],
  ];
  for (const [text, intent] of cases) it(`reads "${text}" as ${intent}`, () => expect(classifyMessage(text)).to.equal(intent));
});
