import { expect } from 'chai';
import { PLACEHOLDER } from '../../../bot/platform/config';
import { createUrgentCard } from '../../../dialogs/safeguarding/createUrgentCard';
import { adaptiveCardProblems } from '../../helpers/validateCard';
import { testConfig } from '../../helpers/testServices';

const contacts = testConfig({
  SAFEGUARDING_FRONT_DOOR_PHONE: '0116 111 1111',
  SAFEGUARDING_LADO_PHONE: '0116 222 2222',
  SAFEGUARDING_CRISIS_LINE_PHONE: '0800 333 3333',
}).safeguarding;

describe('createUrgentCard', () => {
  it('gives the front door, the DSL and what to do now for a worry, with 999 for immediate danger', () => {
    const { card, text } = createUrgentCard(contacts);
    expect(text)
      .to.match(/^Worried about a child\u2019s safety\?/)
      .and.match(/immediate danger, call 999/)
      .and.include('0116 111 1111');
    expect(text).to.match(
      /What to do now:\n1\. Write down what you saw and heard[\s\S]*2\. Do not investigate[\s\S]*3\. Tell your designated safeguarding lead \(DSL\) today/,
    );
    expect(text).to.not.match(/LADO|FGM|NHS 111/);
    expect(adaptiveCardProblems(card)).to.deep.equal([]);
  });

  it('leads with 999 when a child is in danger now', () => {
    const { text } = createUrgentCard(contacts, { immediate: true });
    expect(text.split('\n\n')[0]).to.equal('A child in danger now? Call 999.');
  });

  it('adds the LADO route with its configured number for a worry about an adult who works with children', () => {
    expect(createUrgentCard(contacts, { routes: ['lado'] }).text).to.match(/LADO \(local authority designated officer\) today: 0116 222 2222/);
  });

  it('shows a placeholder, clearly marked, until the council sets the LADO number', () => {
    expect(createUrgentCard(testConfig().safeguarding, { routes: ['lado'] }).text).to.include(
      PLACEHOLDER('LADO (local authority designated officer) phone number'),
    );
  });

  it('states the FGM reporting duty for regulated professionals', () => {
    const { text } = createUrgentCard(contacts, { routes: ['fgm-duty'] });
    expect(text)
      .to.match(/teacher, or a health or social care professional/)
      .and.match(/under 18/)
      .and.match(/report it to the police yourself: call 101/);
    expect(text).to.match(/FGM Act 2003, section 5B, added by the Serious Crime Act 2015/);
  });

  it('gives urgent health routes for self-harm or suicide, with the local crisis line when set', () => {
    expect(createUrgentCard(contacts, { routes: ['health'] }).text)
      .to.match(/999 or take them to A&E/)
      .and.match(/NHS 111/)
      .and.include('0800 333 3333')
      .and.include('Childline');
    expect(createUrgentCard(testConfig().safeguarding, { routes: ['health'] }).text).to.not.match(/local crisis line/);
  });

  it('tells someone who typed a concern into a pulse comment that it stays anonymous and reaches nobody quickly', () => {
    expect(createUrgentCard(contacts, { source: 'pulse' }).text).to.match(/pulse comment stays anonymous[\s\S]*will not reach anyone quickly/);
    expect(createUrgentCard(contacts, { source: 'form' }).text).to.match(/Forms are not watched/);
  });

  it('stays a valid card far under Teams\u2019 size limit with every part shown', () => {
    const { card } = createUrgentCard(contacts, { immediate: true, routes: ['lado', 'fgm-duty', 'health'], source: 'pulse' });
    expect(adaptiveCardProblems(card)).to.deep.equal([]);
    expect(JSON.stringify(card).length).to.be.below(10000);
  });
});
