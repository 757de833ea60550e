import { expect } from 'chai';
import { DateTime } from 'luxon';
import { ContentEntries } from '../../../../bot/features/content/contentEntries';
import { ReviewedPublishing } from '../../../../bot/platform/store/reviewedPublishing';
import { validationFailure } from '../../../../bot/platform/http/validationFailure';
import { fixtureKnowledgeBase } from '../../../helpers/fixtureKnowledge';
import { openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';

const clock = () => DateTime.fromISO('2026-11-23T10:00:00Z');
const VERSION_PROBLEM = { field: 'version', message: 'version: send the version you read' };
const author = { name: 'editor-one', secondPerson: true };
const approver = { name: 'editor-two', secondPerson: true };

describe('the reviewed-publish step knowledge entries and the catalogue share (sqlite)', () => {
  let database: TestDatabase;
  let store: ContentEntries;
  let reviewed: ReviewedPublishing<ReturnType<typeof fixtureKnowledgeBase>['entries'][number]>;
  const alpha = fixtureKnowledgeBase().entries.find((e) => e.id === 'alpha-plan')!;

  beforeEach(async () => {
    database = await openTestDatabase('sqlite');
    store = new ContentEntries(database.opened.db, clock);
    await store.loadLive([alpha], 'shipped files');
    reviewed = new ReviewedPublishing(store, VERSION_PROBLEM);
  });
  afterEach(() => database.cleanup());

  it("lists a missing version and the fields' problems in one 422, the same answer every admin route gives", async () => {
    const problems = [{ field: 'title', message: 'title: write a title' }];
    const saved = await reviewed.saveDraft(undefined, problems, 'entry', alpha.id, {}, author);
    expect(saved).to.deep.equal({ ok: false, answer: validationFailure('entry', [VERSION_PROBLEM, ...problems]) });
  });

  it('saves a draft, refuses a stale version and a self-approval, and publishes with a second editor', async () => {
    const { revision } = (await store.get(alpha.id))!;
    const saved = await reviewed.saveDraft({ ...alpha, owner: 'New Owner' }, [], 'entry', alpha.id, { version: revision }, author);
    expect(saved.ok).to.equal(true);
    const stale = await reviewed.saveDraft({ ...alpha, owner: 'Other' }, [], 'entry', alpha.id, { version: revision }, approver);
    expect(stale.ok === false && stale.answer.status).to.equal(409);
    const self = await reviewed.publish(alpha.id, alpha.id, {}, author, async () => []);
    expect(self.ok === false && self.answer.body.error).to.equal('SecondEditorNeeded');
    const published = await reviewed.publish(alpha.id, alpha.id, {}, approver, async () => []);
    expect(published).to.deep.include({ ok: true, version: 2 });
    expect((await store.get(alpha.id))!.live!.owner).to.equal('New Owner');
  });

  it("refuses to publish a draft its re-check finds wrong now, listing the check's problems", async () => {
    const { revision } = (await store.get(alpha.id))!;
    await reviewed.saveDraft({ ...alpha, owner: 'New Owner' }, [], 'entry', alpha.id, { version: revision }, author);
    const problems = [{ field: 'aliases', message: 'aliases: "plan" is now another entry\'s name' }];
    const published = await reviewed.publish(alpha.id, alpha.id, {}, approver, async () => problems);
    expect(published).to.deep.equal({ ok: false, answer: validationFailure('draft', problems) });
    expect((await store.get(alpha.id))!.liveVersion, 'nothing went live').to.equal(1);
  });

  it('lists versions and restores an old one as the draft; an unknown version is a 404', async () => {
    const { revision } = (await store.get(alpha.id))!;
    await reviewed.saveDraft({ ...alpha, owner: 'New Owner' }, [], 'entry', alpha.id, { version: revision }, author);
    await reviewed.publish(alpha.id, alpha.id, {}, approver, async () => []);
    const listed = await reviewed.versions(alpha.id, alpha.id);
    expect(listed.ok && listed.versions.map((v) => v.version)).to.deep.equal([2, 1]);
    const now = (await store.get(alpha.id))!.revision;
    const restored = await reviewed.restore(alpha.id, alpha.id, 1, { version: now }, author);
    expect(restored).to.deep.include({ ok: true, restoredFrom: 1 });
    expect((await store.get(alpha.id))!.draft!.owner).to.equal(alpha.owner);
    const unknown = await reviewed.restore(alpha.id, alpha.id, 9, { version: now }, author);
    expect(unknown.ok === false && unknown.answer.status).to.equal(404);
  });
});
