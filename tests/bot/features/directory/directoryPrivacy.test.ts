import { expect } from 'chai';
import { DateTime } from 'luxon';
import { AttributeMapping } from '../../../../bot/features/directory/attributeMapping';
import { DirectoryStore } from '../../../../bot/features/directory/directoryStore';
import { createStore } from '../../../../bot/platform/store/createStore';
import { openTestDatabase } from '../../../helpers/testDatabase';

describe('directory data in "export my data"', () => {
  it("includes what the directory says about the person, and nobody else's record", async () => {
    const test = await openTestDatabase('sqlite');
    try {
      const now = () => DateTime.fromISO('2026-11-30T10:00:00Z');
      const store = createStore(test.opened.db, now);
      const people = new DirectoryStore(test.opened.db, now);
      const mapping = AttributeMapping.parse(
        "owner: Comms\nreview_by: 2027-01-01\nrules:\n  - match: { jobTitle: '/teacher/i' }\n    set: { role: teacher }\n",
      );
      await people.upsertPeople(
        [
          {
            source: 'graph',
            aadObjectId: 'oid-me',
            displayName: 'Me',
            email: 'me@council.example',
            attributes: { jobTitle: 'Teacher', department: 'Schools' },
            enabled: true,
          },
          { source: 'graph', aadObjectId: 'oid-other', displayName: 'Someone Else', attributes: { jobTitle: 'Teacher' }, enabled: true },
        ],
        mapping,
      );
      await store.conversations.upsert({
        userId: '29:me',
        conversationId: 'a:me',
        aadObjectId: 'oid-me',
        channelId: 'msteams',
        scope: 'personal',
        serviceUrl: 'https://smba.example/',
        reference: {},
      });
      const data = await store.userData.export('29:me');
      expect(data.directory).to.have.length(1);
      expect(data.directory![0]).to.include({
        display_name: 'Me',
        email: 'me@council.example',
        job_title: 'Teacher',
        department: 'Schools',
        role: 'teacher',
        source: 'graph',
      });
      expect(JSON.stringify(data)).to.not.include('Someone Else');
    } finally {
      await test.cleanup();
    }
  });
});
