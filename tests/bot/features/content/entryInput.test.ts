import { expect } from 'chai';
import { checkEntryInput } from '../../../../bot/features/content/entryInput';
import { describeChanges } from '../../../../bot/features/content/entryDiff';
import { fixtureKnowledgeBase } from '../../../helpers/fixtureKnowledge';

describe('entry input checks', () => {
  const entries = fixtureKnowledgeBase().entries;
  const alpha = entries.find((e) => e.id === 'alpha-plan')!;

  it('lists every problem at once, each with its field', () => {
    const checked = checkEntryInput({ id: 'Bad Id', title: ' ', kind: 'recipe', tags: [], summary: 'x'.repeat(401), status: 'closed', body: '' }, entries);
    expect(checked.ok).to.equal(false);
    if (checked.ok) return;
    const fields = checked.problems.map((p) => p.field);
    expect(fields).to.include.members(['body', 'id', 'title', 'kind', 'tags', 'summary', 'source', 'authority', 'owner', 'review_by']);
  });

  it('refuses a name another entry already answers to, and a related entry that does not exist', () => {
    const checked = checkEntryInput(
      { aliases: ['alpha plan'], related: ['no-such-entry'] },
      entries.filter((e) => e.id !== 'gamma-council'),
      entries.find((e) => e.id === 'gamma-council'),
    );
    expect(checked.ok).to.equal(false);
    if (checked.ok) return;
    expect(checked.problems.map((p) => p.field)).to.deep.equal(['aliases', 'related']);
    expect(checked.problems[0].message).to.contain('alpha-plan');
  });

  it('applies a partial edit over the entry, refuses a changed id, and clears a field sent as null', () => {
    const edited = checkEntryInput({ owner: 'New Owner', version: 3 }, entries, alpha);
    expect(edited.ok && edited.entry).to.deep.equal({ ...alpha, owner: 'New Owner' });
    const renamed = checkEntryInput({ id: 'other-id' }, entries, alpha);
    expect(renamed.ok).to.equal(false);
    const closed = checkEntryInput({ status: 'closed', status_note: 'Closed in 2012.' }, entries, alpha);
    expect(closed.ok).to.equal(true);
    const reopened = checkEntryInput({ status: 'current', status_note: null }, entries, closed.ok ? closed.entry : alpha);
    expect(reopened.ok && reopened.entry.statusNote).to.equal(undefined);
  });

  it('describes what changed between versions, field by field and line by line', () => {
    const diff = describeChanges(alpha, { ...alpha, owner: 'New Owner', aliases: ['alpha plan', 'asp plan'], body: `${alpha.body}\nA second line.` });
    expect(diff).to.contain('owner: "Test Team" → "New Owner"');
    expect(diff).to.contain('aliases: +"asp plan"');
    expect(diff).to.contain('+ A second line.');
    expect(describeChanges(undefined, alpha)).to.equal('created');
  });
});
