import { expect } from 'chai';
import { createProfileSummaryCard } from '../../../dialogs/cards/createProfileSummaryCard';

describe('createProfileSummaryCard', () => {
  const textOf = (authority?: string) => createProfileSummaryCard({ userId: 'u1', sector: 'health', role: 'health-visitor', authority, topics: ['safeguarding'] }).text;

  it('names the council as people write it, and says when it is another organisation or not set', () => {
    expect(textOf('leicestershire')).to.include('Council: Leicestershire');
    expect(textOf('none')).to.include('Council: another council or organisation');
    expect(textOf(undefined)).to.include('Council: not set');
  });

  it('shows the other settings by their labels', () => {
    expect(textOf('leicestershire')).to.include('Sector: Health').and.include('Role: Health visitor').and.include('Topics: Safeguarding');
  });
});
