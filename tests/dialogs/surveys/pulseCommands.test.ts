import { expect } from 'chai';
import { DialogTestClient } from 'botbuilder-testing';
import { RootDialog } from '../../../dialogs/core/rootDialog';
import { SurveyService } from '../../../bot/features/surveys/surveyService';
import { Wave } from '../../../bot/features/surveys/wave';
import { cardActions, replyCard, replyText } from '../../helpers/testServices';
import { pulseDialogServices, teamsRespondent } from '../../bot/features/surveys/surveyTestServices';

const COMMS = { id: 'u-comms', name: 'Casey Comms', aadObjectId: 'aad-comms-1' };
const OTHER_COMMS = { id: 'u-comms-2', name: 'Robin Comms', aadObjectId: 'aad-comms-2' };
const ADMIN = { id: 'u-admin', name: 'Alex Admin', aadObjectId: 'aad-admin-1' };
const TEAMS_STAFF = { id: 'staff-1', name: 'Sam Staff', aadObjectId: 'aad-staff-1' };
const ENV = { COMMS_USERS: 'aad-comms-1,aad-comms-2', ADMINS: 'aad-admin-1' };

async function startWave(surveys: SurveyService, extra: Record<string, unknown> = {}): Promise<Wave> {
  const checked = surveys.check({
    template: 'induction-feedback',
    name: 'Induction, November',
    audience: { everyone: true },
    closes_at: '2026-11-30T17:00',
    owner: 'aad-comms-1',
    ...extra,
  });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return surveys.create(checked.wave);
}

const answers = (usefulness: number) => ({
  'q.completed-in-three-months': 'yes',
  'q.induction-route': 'integrated-induction',
  'q.usefulness': String(usefulness),
});

for (const channel of ['msteams', 'webchat']) {
  describe(`pulse commands on ${channel}`, () => {
    // Staff answer as themselves: in Teams by their AAD object id, in web chat signed in through the intranet.
    const STAFF = channel === 'msteams' ? TEAMS_STAFF : { ...TEAMS_STAFF, id: 'dl_user_staff-1' };
    const staffRespondent = { userId: STAFF.id, identities: [channel === 'msteams' ? 'aad:aad-staff-1' : 'web:staff-1'] };
    const say = (text: string, from: { id: string; name: string; aadObjectId: string } = STAFF) => ({ type: 'message', text, from });

    it('"pulse" sends the open pulse card with the right submit button for the channel', async () => {
      const { services, surveys } = await pulseDialogServices(ENV);
      const wave = await startWave(surveys);
      const client = new DialogTestClient(channel, new RootDialog(services));
      const reply = await client.sendActivity(say('pulse'));
      expect(replyText(reply)).to.match(/^Induction feedback/);
      const [button] = cardActions(replyCard(reply));
      expect(button).to.deep.include({ type: channel === 'msteams' ? 'Action.Execute' : 'Action.Submit', title: 'Send my answers' });
      expect(button.data).to.deep.equal({ surveyId: wave.id, verb: 'pulse.submit' });
      const card = JSON.stringify(replyCard(reply));
      expect(card).to.include('"id":"q.usefulness"').and.include('"style":"expanded"').and.include('"maxLength":500').and.include('"isMultiline":true');
    });

    it('"pulse" says thank you once everything is answered, and that there is nothing when nothing is open', async () => {
      const { services, surveys } = await pulseDialogServices(ENV);
      const client = new DialogTestClient(channel, new RootDialog(services));
      expect(replyText(await client.sendActivity(say('pulse')))).to.match(/no pulses open to you/);
      const wave = await startWave(surveys);
      await surveys.submit({ surveyId: wave.id, respondent: staffRespondent, data: answers(4) });
      expect(replyText(await client.sendActivity(say('pulse')))).to.match(/answered every pulse open to you/);
    });

    it('"pulse" from someone who is not identified staff sends no card and says how to take part', async () => {
      const { services, surveys } = await pulseDialogServices(ENV);
      await startWave(surveys);
      const client = new DialogTestClient(channel, new RootDialog(services));
      const stranger = channel === 'msteams' ? { id: '29:guest', name: 'Guest' } : { id: 'dl_anon_3f0c6c1e-1a2b-4c3d-8e9f-0a1b2c3d4e5f', name: 'Visitor' };
      const reply = await client.sendActivity({ type: 'message', text: 'pulse', from: stranger });
      expect(replyCard(reply)).to.equal(undefined);
      expect(replyText(reply)).to.match(channel === 'msteams' ? /can't confirm you're a member of staff/ : /sign in through the intranet/);
    });

    it('"results of" is refused to staff', async () => {
      const { services, surveys } = await pulseDialogServices(ENV);
      await startWave(surveys);
      const client = new DialogTestClient(channel, new RootDialog(services));
      expect(replyText(await client.sendActivity(say('results of induction')))).to.match(/only for the communications team/);
    });

    it('shows the owner "fewer than 5 responses so far" at 4 answers and the results at 5', async () => {
      const { services, surveys } = await pulseDialogServices(ENV);
      const wave = await startWave(surveys);
      for (let i = 1; i <= 4; i++) await surveys.submit({ surveyId: wave.id, respondent: teamsRespondent(`staff-${i}`), data: answers(i) });
      const client = new DialogTestClient(channel, new RootDialog(services));
      const hidden = replyText(await client.sendActivity(say('results of induction', COMMS)));
      expect(hidden)
        .to.match(/Results: Induction, November/)
        .and.match(/hidden until at least 5 people have answered \(fewer than 5 responses so far\)/);
      expect(hidden).to.not.match(/Responses: 4|mean/);
      await surveys.submit({ surveyId: wave.id, respondent: teamsRespondent('staff-5'), data: answers(5) });
      const shown = replyText(await client.sendActivity(say(`results of #${wave.id}`, COMMS)));
      expect(shown)
        .to.match(/Responses: 5/)
        .and.match(/How useful was your induction\?: mean 3\.00 \u00B7 40% favourable, 20% neutral, 40% unfavourable/);
      expect(shown).to.match(/Did you complete your induction within three months of starting\?: Yes 100%, No 0%/);
    });

    it('lets an admin see any pulse, but not another comms user\u2019s', async () => {
      const { services, surveys } = await pulseDialogServices(ENV);
      await startWave(surveys);
      const client = new DialogTestClient(channel, new RootDialog(services));
      expect(replyText(await client.sendActivity(say('results of induction', ADMIN)))).to.match(/Results: Induction, November/);
      const other = replyText(await client.sendActivity(say('results of induction', OTHER_COMMS)));
      expect(other)
        .to.match(/couldn't find a pulse called \u201Cinduction\u201D that you run/)
        .and.not.match(/Results:/);
    });

    it('lists the owner\u2019s pulses for "results" on its own', async () => {
      const { services, surveys } = await pulseDialogServices(ENV);
      const wave = await startWave(surveys);
      const client = new DialogTestClient(channel, new RootDialog(services));
      expect(replyText(await client.sendActivity(say('results', COMMS)))).to.match(
        new RegExp(`Your pulses[\\s\\S]*#${wave.id} Induction, November \\(open until Monday 30 November 2026 at 17:00\\)`),
      );
    });

    it('keeps pulse cards and results out of channels', async () => {
      const { services, surveys } = await pulseDialogServices(ENV);
      await startWave(surveys);
      const client = new DialogTestClient(channel, new RootDialog(services));
      const inChannel = (text: string, from: { id: string; name: string; aadObjectId: string }) => ({
        ...say(text, from),
        conversation: { id: '19:channel', name: 'General', conversationType: 'channel', isGroup: true },
      });
      expect(replyText(await client.sendActivity(inChannel('pulse', STAFF)))).to.match(/only in a personal chat/);
      expect(replyText(await client.sendActivity(inChannel('results of induction', COMMS)))).to.match(/only in a personal chat/);
    });
  });
}
