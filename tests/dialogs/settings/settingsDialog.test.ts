import { expect } from 'chai';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { RootDialog } from '../../../dialogs/core/rootDialog';
import { replyCard, replyText, testDialogServices } from '../../helpers/testServices';

const submit = (value: Record<string, unknown>) => ({ type: 'message', value });
const about = (extra: Record<string, unknown> = {}) =>
  submit({
    verb: 'settings.about',
    sector: 'health',
    role: 'health-visitor',
    authority: 'leicestershire',
    locality: 'Melton',
    team: '0-19 team',
    startDate: '2026-09-01',
    ...extra,
  });
const preferences = (extra: Record<string, unknown> = {}) =>
  submit({ verb: 'settings.preferences', topics: 'safeguarding,training', quietStart: '18:00', quietEnd: '08:00', ...extra });

for (const channel of ['msteams', 'webchat']) {
  describe(`SettingsDialog on ${channel}`, () => {
    it('collects the profile in two steps and saves it', async () => {
      const { services, store } = await testDialogServices({ AUTHORITY: 'leicestershire' });
      const client = new DialogTestClient(channel, new RootDialog(services));
      const first = await client.sendActivity('my settings');
      expect(replyText(first)).to.match(/Step 1 of 2/);
      expect(JSON.stringify(replyCard(first)))
        .to.include('"id":"authority"')
        .and.include('"value":"leicestershire"');
      expect(replyText(await client.sendActivity(about()))).to.match(/Step 2 of 2/);
      const done = await client.sendActivity(preferences());
      expect(replyText(done)).to.match(/Settings saved[\s\S]*Health visitor[\s\S]*Safeguarding, Induction and training[\s\S]*18:00 to 08:00/);
      expect(client.dialogTurnResult.status).to.equal(DialogTurnStatus.complete);
      const saved = await store.profiles.get('user1');
      expect(saved).to.include({
        sector: 'health',
        role: 'health-visitor',
        authority: 'leicestershire',
        locality: 'Melton',
        team: '0-19 team',
        startDate: '2026-09-01',
        quietStart: '18:00',
        quietEnd: '08:00',
      });
      expect(saved?.topics).to.deep.equal(['safeguarding', 'training']);
    });

    const badAbout: [string, Record<string, unknown>, RegExp][] = [
      ['no sector', { sector: '' }, /Choose the sector/],
      ['an unknown role', { role: 'astronaut' }, /Choose your role/],
      ['a start date that is not a date', { startDate: '31/02/2026' }, /start date as a date/],
      ['a start date years ahead', { startDate: '2031-01-01' }, /more than a year away/],
      ['a very long team name', { team: 'x'.repeat(81) }, /80 characters/],
    ];
    for (const [name, extra, message] of badAbout) {
      it(`shows step 1 again with the error for ${name}, saving nothing`, async () => {
        const { services, store } = await testDialogServices();
        const client = new DialogTestClient(channel, new RootDialog(services));
        await client.sendActivity('my settings');
        const reply = await client.sendActivity(about(extra));
        expect(replyText(reply))
          .to.match(/Step 1 of 2/)
          .and.match(message);
        expect(client.dialogTurnResult.status).to.equal(DialogTurnStatus.waiting);
        expect(await store.profiles.get('user1')).to.equal(undefined);
      });
    }

    it('wants both ends of the quiet hours', async () => {
      const { services } = await testDialogServices();
      const client = new DialogTestClient(channel, new RootDialog(services));
      await client.sendActivity('my settings');
      await client.sendActivity(about());
      expect(replyText(await client.sendActivity(preferences({ quietEnd: '' })))).to.match(/both a start and an end/);
      expect(replyText(await client.sendActivity(preferences({ topics: 'gardening' })))).to.match(/topics from the list/);
    });

    it('answers a question typed while the form is open, and the form still takes its submission', async () => {
      const { services, store } = await testDialogServices();
      const client = new DialogTestClient(channel, new RootDialog(services));
      await client.sendActivity('my settings');
      const answered = await client.sendActivity('what is TAC');
      expect(JSON.stringify(replyCard(answered))).to.match(/Team Around the Child/i);
      expect(client.getNextReply()?.text).to.match(/form above is still open/);
      expect(client.dialogTurnResult.status).to.equal(DialogTurnStatus.waiting);
      expect(replyText(await client.sendActivity(about()))).to.match(/Step 2 of 2/);
      await client.sendActivity(preferences());
      expect(await store.profiles.get('user1')).to.include({ sector: 'health' });
    });

    it('keeps the form open beside a question, and stops on cancel', async () => {
      const { services, store } = await testDialogServices();
      const client = new DialogTestClient(channel, new RootDialog(services));
      await client.sendActivity('my settings');
      await client.sendActivity('health visitor');
      expect(client.getNextReply()?.text).to.match(/form above is still open/);
      expect(replyText(await client.sendActivity('cancel'))).to.match(/stopped that/);
      expect(client.dialogTurnResult.status).to.equal(DialogTurnStatus.complete);
      expect(await store.profiles.get('user1')).to.equal(undefined);
    });

    it('still answers a safeguarding concern half-way through the form', async () => {
      const { services } = await testDialogServices();
      const client = new DialogTestClient(channel, new RootDialog(services));
      await client.sendActivity('my settings');
      expect(replyText(await client.sendActivity('a child just told me her dad hits her'))).to.match(/call 999/);
      expect(replyText(await client.sendActivity(about()))).to.match(/Step 2 of 2/);
    });

    it('starts from the saved profile next time', async () => {
      const { services, store } = await testDialogServices();
      await store.profiles.save({ userId: 'user1', sector: 'youth', role: 'youth-worker', topics: ['youth'] });
      const client = new DialogTestClient(channel, new RootDialog(services));
      const card = JSON.stringify(replyCard(await client.sendActivity('my settings')));
      expect(card).to.include('"value":"youth-worker"');
    });
  });
}
