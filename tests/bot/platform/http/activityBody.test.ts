import { expect } from 'chai';
import { activityBodyProblem, isAllowedLocalServiceUrl } from '../../../../bot/platform/http/activityBody';

const valid = { type: 'message', from: { id: 'u1' }, conversation: { id: 'c1' }, recipient: { id: 'bot' } };

describe('activityBodyProblem', () => {
  it('accepts a well-formed activity', () => {
    expect(activityBodyProblem(valid)).to.equal(undefined);
  });

  const broken: [string, Record<string, unknown>][] = [
    ['no from', { ...valid, from: undefined }],
    ['a null from', { ...valid, from: null }],
    ['no conversation', { ...valid, conversation: undefined }],
    ['membersAdded with a null entry', { ...valid, type: 'conversationUpdate', membersAdded: [null] }],
    ['membersAdded that is not a list', { ...valid, type: 'conversationUpdate', membersAdded: { id: 'x' } }],
    ['membersRemoved with an entry without an id', { ...valid, type: 'conversationUpdate', membersRemoved: [{ name: 'x' }] }],
  ];
  for (const [name, body] of broken) {
    it(`names the problem with ${name}`, () => {
      expect(activityBodyProblem(body)).to.be.a('string');
    });
  }
});

describe('isAllowedLocalServiceUrl', () => {
  it('allows loopback addresses and listed hosts only', () => {
    expect(isAllowedLocalServiceUrl('http://127.0.0.1:9000/', [])).to.equal(true);
    expect(isAllowedLocalServiceUrl('http://localhost:3979', [])).to.equal(true);
    expect(isAllowedLocalServiceUrl('http://[::1]:3979/', [])).to.equal(true);
    expect(isAllowedLocalServiceUrl('https://connector.test/', ['connector.test'])).to.equal(true);
    expect(isAllowedLocalServiceUrl('http://169.254.169.254/latest/', [])).to.equal(false);
    expect(isAllowedLocalServiceUrl('https://smba.trafficmanager.net/amer/', [])).to.equal(false);
    expect(isAllowedLocalServiceUrl('http://127.0.0.1.attacker.example/', [])).to.equal(false);
  });
});
