import { expect } from 'chai';
import { DateTime } from 'luxon';
import { Briefing } from '../../../bot/features/briefings/briefings';
import { identifyRespondent } from '../../../bot/features/surveys/respondent';
import { Wave } from '../../../bot/features/surveys/wave';
import { webChatGreeting, WebChatGreetingDependencies } from '../../../bot/webchat/webChatGreeting';

const briefing = (title: string) => ({ id: 1, title }) as Briefing;
const wave = (name: string) => ({ id: 1, name, closesAt: DateTime.fromISO('2026-12-01T17:00') }) as Wave;

/** The greeting's dependencies with the given unread briefings and open pulses; the identity check is the real one. */
function deps(briefings: Briefing[], pulses: Wave[], asked: string[] = []): WebChatGreetingDependencies {
  return {
    unreadBriefings: async () => briefings,
    profile: async () => undefined,
    identify: (activity) => identifyRespondent(activity, {}),
    openPulses: async (respondent) => {
      asked.push(...respondent.identities);
      return { open: pulses };
    },
  };
}

const signedIn = { channelId: 'webchat', from: { id: 'dl_user_E123' } };

describe('webChatGreeting', () => {
  it('tells a signed-in person of unread briefings and open pulses, asking for pulses under their verified identity', async () => {
    const asked: string[] = [];
    const text = await webChatGreeting(deps([briefing('Winter rota'), briefing('Induction')], [wave('Wellbeing, November')], asked), signedIn);
    expect(text).to.contain('You have 2 new briefings: "Winter rota", "Induction"').and.contain('There is also 1 pulse open to you: "Wellbeing, November"');
    expect(asked).to.deep.equal(['web:E123']);
  });

  it('mentions only pulses when every briefing was read, and nothing when there is nothing new', async () => {
    expect(await webChatGreeting(deps([], [wave('A'), wave('B')]), signedIn)).to.match(/^You have 2 pulses open to you: "A", "B"/);
    expect(await webChatGreeting(deps([], []), signedIn)).to.equal(undefined);
  });

  it('tells an anonymous visitor nothing, and never looks up pulses for them', async () => {
    const asked: string[] = [];
    expect(await webChatGreeting(deps([briefing('X')], [wave('Y')], asked), { channelId: 'webchat', from: { id: 'dl_anon_1' } })).to.equal(undefined);
    expect(asked).to.deep.equal([]);
  });
});
