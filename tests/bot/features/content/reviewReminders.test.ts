import { expect } from 'chai';
import { parseOwnerContacts } from '../../../../bot/platform/ownerContacts';
import { parseReviewMessageId, reviewMessageId } from '../../../../bot/features/content/reviewReminders';
import { Services } from '../../../../bot/app/services';
import { contentReviewRenderer } from '../../../../dialogs/content/contentReviewRenderer';
import { testBotServices } from '../../../helpers/testBot';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';
import { reachableUser } from '../../../helpers/testDelivery';

const OWNER_OID = '0c0ffee0-1111-4222-8333-444455556666';
const OWNER_EMAIL = 'jo.bloggs@council.example.gov.uk';
const STRANGER_OID = '0c0ffee0-9999-4222-8333-444455556666';
const API = { name: 'admin-api', secondPerson: false };

/** Publishes a change to an entry as the admin API would. */
async function publish(services: Services, id: string, fields: Record<string, unknown>): Promise<void> {
  const { editing } = services.content;
  const current = await editing.show(id);
  const saved = await editing.edit(id, { ...fields, version: current.body.version }, API);
  expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
  expect((await editing.publish(id, {}, API)).status).to.equal(200);
}

async function outboxRows(services: Services, messageId: string) {
  return services.database.db.selectFrom('outbox').select(['user_id', 'kind', 'status']).where('message_id', '=', messageId).orderBy('user_id').execute();
}

describe('CONTENT_OWNERS', () => {
  it('reads owners with object ids and emails, any case, and refuses a value that is neither', () => {
    const contacts = parseOwnerContacts(`Integrated  Working Team=${OWNER_OID.toUpperCase()}, ${OWNER_EMAIL} ; Workforce Development=${STRANGER_OID}`);
    expect(contacts.get('integrated working team')).to.deep.equal([OWNER_OID, OWNER_EMAIL]);
    expect(contacts.get('workforce development')).to.deep.equal([STRANGER_OID]);
    expect(() => parseOwnerContacts('Integrated Working Team=jo')).to.throw('neither an Entra ID object id nor an email address');
    expect(() => parseOwnerContacts('no people here')).to.throw('must be "Owner name=');
    expect(parseOwnerContacts(undefined).size).to.equal(0);
  });

  it('reads a reminder id back, and nothing else', () => {
    expect(parseReviewMessageId(reviewMessageId('lead-professional', '2020-01-31'))).to.deep.equal({ entryId: 'lead-professional', reviewBy: '2020-01-31' });
    expect(parseReviewMessageId('briefing:7')).to.equal(undefined);
  });
});

forEachEngine((engine) => {
  describe(`review reminders for content owners (${engine})`, () => {
    let database: TestDatabase;
    let services: Services;

    before(async () => {
      database = await openTestDatabase(engine);
      services = await testBotServices(
        { ...database.env, CONTENT_OWNERS: `Integrated Working Team=${OWNER_OID},${OWNER_EMAIL}`, DELIVERY_WORKER: 'off' },
        { database: database.opened },
      );
      // The owner by object id has chatted with the bot; the owner by email is only on an installed team's roster.
      await reachableUser(services.store, '29:owner-by-oid', 'https://smba.example/uk/', 'tenant-1', OWNER_OID);
      await services.store.rosters.saveTeam({
        teamId: '19:team@thread.tacv2',
        tenantId: 'tenant-1',
        serviceUrl: 'https://smba.example/uk/',
        botId: '28:bot',
        name: 'Early help',
        generalChannelId: '19:team@thread.tacv2',
      });
      await services.store.rosters.addMembers('19:team@thread.tacv2', [
        { userId: '29:owner-by-email', email: 'Jo.Bloggs@Council.Example.gov.uk', name: 'Jo Bloggs' },
        { userId: '29:someone-else', aadObjectId: STRANGER_OID, email: 'sam@council.example.gov.uk' },
      ]);
    });
    after(async () => {
      await services?.close();
      await database.cleanup();
    });

    it('queues one message per owner for an entry past its review date, and never again for that date', async () => {
      const { reminders } = services.content.reviewReminders;
      await publish(services, 'lead-professional', { review_by: '2020-01-31' });
      const first = await reminders.run();
      expect(first.queued).to.equal(2);
      const id = reviewMessageId('lead-professional', '2020-01-31');
      expect(await outboxRows(services, id)).to.deep.equal([
        { user_id: '29:owner-by-email', kind: 'content-review', status: 'pending' },
        { user_id: '29:owner-by-oid', kind: 'content-review', status: 'pending' },
      ]);
      // Hourly runs, on every replica: nothing twice.
      const again = await reminders.run();
      expect(again.queued).to.equal(0);
      expect(again.duplicates).to.equal(2);
      expect(await outboxRows(services, id)).to.have.length(2);
    });

    it('renders the reminder with the entry and where to review it; drops it once the entry has a new review date', async () => {
      const { reminders } = services.content.reviewReminders;
      const render = contentReviewRenderer(reminders, 'https://bot.council.example.gov.uk');
      const id = reviewMessageId('lead-professional', '2020-01-31');
      const activity = await render({ kind: 'content-review', messageId: id, userId: '29:owner-by-oid', channelId: 'msteams' });
      const card = JSON.stringify(activity?.attachments?.[0]?.content);
      expect(card)
        .to.contain('Review due: Lead professional (LP)')
        .and.to.contain('2020-01-31')
        .and.to.contain('https://bot.council.example.gov.uk/dashboard/content');
      await publish(services, 'lead-professional', { review_by: '2027-12-31' });
      expect(await render({ kind: 'content-review', messageId: id, userId: '29:owner-by-oid', channelId: 'msteams' })).to.equal(undefined);
      expect((await reminders.run()).queued, 'reviewed: nothing new to say').to.equal(0);
    });

    it('a review date that passes again is a new message; entries of owners nobody is listed for reach nobody', async () => {
      const { reminders } = services.content.reviewReminders;
      await publish(services, 'lead-professional', { review_by: '2021-06-30' });
      await publish(services, 'caf', { review_by: '2020-02-29', owner: 'Somebody Unlisted' });
      const run = await reminders.run();
      expect(run.queued).to.equal(2);
      expect(run.noRecipient).to.include('caf');
      expect(await outboxRows(services, reviewMessageId('lead-professional', '2021-06-30'))).to.have.length(2);
      expect(await outboxRows(services, reviewMessageId('caf', '2020-02-29'))).to.have.length(0);
      const strangers = await services.database.db.selectFrom('outbox').select('user_id').where('user_id', '=', '29:someone-else').execute();
      expect(strangers).to.have.length(0);
    });
  });
});
