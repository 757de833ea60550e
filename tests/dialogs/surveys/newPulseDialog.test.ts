import { expect } from 'chai';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { RootDialog } from '../../../dialogs/core/rootDialog';
import { cardActions, replyCard, replyText } from '../../helpers/testServices';
import { addStaff, pulseDialogServices } from '../../bot/features/surveys/surveyTestServices';

const COMMS = { id: 'u-comms', name: 'Casey Comms', aadObjectId: 'aad-comms-1' };
const STAFF = { id: 'u-staff', name: 'Sam Staff', aadObjectId: 'aad-staff-1' };
const say = (text: string, from = COMMS) => ({ type: 'message', text, from });
const submit = (value: Record<string, unknown>, from = COMMS) => ({ type: 'message', value, from });
const form = (extra: Record<string, unknown> = {}) =>
  submit({
    verb: 'pulse.new',
    template: 'wellbeing-pulse',
    name: 'Winter wellbeing',
    sectors: 'health',
    closesDate: '2026-11-30',
    closesTime: '17:00',
    reminder1: '2026-11-26',
    threshold: '5',
    ...extra,
  });
const confirm = (choice: string) => submit({ verb: 'pulse.new.confirm', confirm: choice });

for (const channel of ['msteams', 'webchat']) {
  describe(`NewPulseDialog on ${channel}`, () => {
    it('refuses staff who are not in the comms team', async () => {
      const { services, surveys } = await pulseDialogServices({ COMMS_USERS: 'aad-comms-1' });
      const client = new DialogTestClient(channel, new RootDialog(services));
      expect(replyText(await client.sendActivity(say('new pulse', STAFF)))).to.match(/only for the communications team/);
      expect(client.dialogTurnResult.status).to.equal(DialogTurnStatus.complete);
      expect(await surveys.waves.list()).to.deep.equal([]);
    });

    it('collects the form, confirms the reach, then starts the wave and queues its cards', async () => {
      const { services, surveys, store, queued } = await pulseDialogServices({ COMMS_USERS: 'aad-comms-1' });
      await addStaff(store, ['health', 'health', 'education']);
      const client = new DialogTestClient(channel, new RootDialog(services));
      const first = await client.sendActivity(say('new pulse'));
      expect(replyText(first)).to.match(/Step 1 of 2/);
      expect(JSON.stringify(replyCard(first)))
        .to.include('"id":"template"')
        .and.include('Wellbeing and workload pulse (7 questions)');
      const confirmation = await client.sendActivity(form());
      expect(replyText(confirmation))
        .to.match(/Step 2 of 2|check and start/)
        .and.match(/Health: 2 people/)
        .and.match(/Closes: Monday 30 November 2026 at 17:00/);
      expect(cardActions(replyCard(confirmation)).map((a) => a.title)).to.deep.equal(['Start this pulse', 'Change', 'Cancel']);
      const started = await client.sendActivity(confirm('start'));
      expect(replyText(started)).to.match(/Started pulse #1, "Winter wellbeing"\. Its card goes out from Monday 23 November 2026 at 10:00/);
      expect(client.dialogTurnResult.status).to.equal(DialogTurnStatus.complete);
      const [wave] = await surveys.waves.list();
      expect(wave).to.deep.include({
        name: 'Winter wellbeing',
        templateId: 'wellbeing-pulse',
        owner: 'aad-comms-1',
        ownerName: 'Casey Comms',
        threshold: 5,
        invited: 2,
      });
      expect(wave.reminderDays).to.deep.equal(['2026-11-26']);
      expect(queued.map((c) => c.kind)).to.deep.equal(['pulse', 'pulse', 'pulse-reminder', 'pulse-reminder']);
    });

    it('shows the form again with the error when the closing time is before the opening, saving nothing', async () => {
      const { services, surveys } = await pulseDialogServices({ COMMS_USERS: 'aad-comms-1' });
      const client = new DialogTestClient(channel, new RootDialog(services));
      await client.sendActivity(say('new pulse'));
      const reply = await client.sendActivity(form({ opensDate: '2026-11-25', opensTime: '09:00', closesDate: '2026-11-24', reminder1: '' }));
      expect(replyText(reply))
        .to.match(/Step 1 of 2/)
        .and.match(/Closing time: must be at least an hour after the opening time/);
      expect(JSON.stringify(replyCard(reply))).to.include('"value":"Winter wellbeing"');
      const tooSmall = await client.sendActivity(form({ threshold: '2' }));
      expect(replyText(tooSmall)).to.match(/Minimum group size: must be a whole number from 3 to 25/);
      expect(client.dialogTurnResult.status).to.equal(DialogTurnStatus.waiting);
      expect(await surveys.waves.list()).to.deep.equal([]);
    });

    it('goes back to the form on "Change" and starts nothing on "Cancel"', async () => {
      const { services, surveys } = await pulseDialogServices({ COMMS_USERS: 'aad-comms-1' });
      const client = new DialogTestClient(channel, new RootDialog(services));
      await client.sendActivity(say('new pulse'));
      await client.sendActivity(form());
      const again = await client.sendActivity(confirm('change'));
      expect(replyText(again)).to.match(/Step 1 of 2/);
      expect(JSON.stringify(replyCard(again))).to.include('"value":"Winter wellbeing"');
      await client.sendActivity(form());
      expect(replyText(await client.sendActivity(confirm('cancel')))).to.match(/haven't started that pulse/);
      expect(client.dialogTurnResult.status).to.equal(DialogTurnStatus.complete);
      expect(await surveys.waves.list()).to.deep.equal([]);
    });

    it('reads a tampered confirmation as cancel', async () => {
      const { services, surveys } = await pulseDialogServices({ COMMS_USERS: 'aad-comms-1' });
      const client = new DialogTestClient(channel, new RootDialog(services));
      await client.sendActivity(say('new pulse'));
      await client.sendActivity(form());
      expect(replyText(await client.sendActivity(confirm('start-twice')))).to.match(/haven't started/);
      expect(await surveys.waves.list()).to.deep.equal([]);
    });

    it('sends everyone the pulse when no audience filter is chosen', async () => {
      const { services, surveys, store } = await pulseDialogServices({ COMMS_USERS: 'aad-comms-1' });
      await addStaff(store, ['health', 'youth', 'education']);
      const client = new DialogTestClient(channel, new RootDialog(services));
      await client.sendActivity(say('new pulse'));
      expect(replyText(await client.sendActivity(form({ sectors: '' })))).to.match(/Everyone: 3 people/);
      await client.sendActivity(confirm('start'));
      expect((await surveys.waves.list())[0].audience).to.deep.equal({ everyone: true });
    });
  });
}
