import { expect } from 'chai';
import { createAboutYouCard } from '../../../dialogs/settings/createAboutYouCard';

describe('createAboutYouCard', () => {
  const inputs = (values: Record<string, unknown>) =>
    (createAboutYouCard(values, []).card.body as { id?: string; style?: string; label?: string; choices?: { title: string; value: string }[] }[]).filter(
      (e) => e.id,
    );

  it('offers the role as a labelled list box, so a saved role shows its label and keeps its name', () => {
    const role = inputs({ role: 'health-visitor' }).find((e) => e.id === 'role')!;
    // Web chat's type-ahead ("filtered") shows a prefilled value as its code and drops its label.
    expect(role.style).to.equal('compact');
    expect(role.label).to.equal('Role');
    expect(role.choices!.find((c) => c.value === 'health-visitor')!.title).to.equal('Health visitor');
  });

  it('labels every box', () => {
    expect(inputs({}).every((e) => typeof e.label === 'string' && e.label.length > 0)).to.equal(true);
  });
});
