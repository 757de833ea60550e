import { expect } from 'chai';
import { createProfileSummaryCard } from '../../../dialogs/settings/createProfileSummaryCard';

describe('createProfileSummaryCard', () => {
  const textOf = (authority?: string) =>
    createProfileSummaryCard({ userId: 'u1', sector: 'health', role: 'health-visitor', authority, topics: ['safeguarding'] }).text;

  it('names the council as people write it, and says when it is another organisation or not set', () => {
    expect(textOf('leicestershire')).to.include('Council: Leicestershire');
    expect(textOf('none')).to.include('Council: another council or organisation');
    expect(textOf(undefined)).to.include('Council: not set');
  });

  it('shows the other settings by their labels', () => {
    expect(textOf('leicestershire')).to.include('Sector: Health').and.include('Role: Health visitor').and.include('Topics: Safeguarding');
  });

  it('shows the start date as people write it, not as stored', () => {
    const card = createProfileSummaryCard({ userId: 'u1', startDate: '2026-09-01', topics: [] });
    expect(card.text).to.include('Started: 1 Sep 2026').and.not.include('2026-09-01');
    expect(JSON.stringify(card.card)).to.include('1 Sep 2026').and.not.include('2026-09-01');
  });

  it('labels each setting on a line that wraps between words, not in a squeezed FactSet column', () => {
    const json = JSON.stringify(createProfileSummaryCard({ userId: 'u1', sector: 'health', topics: [] }).card);
    expect(json).not.to.include('FactSet');
    expect(json).to.include('**Sector:** Health');
  });
});
