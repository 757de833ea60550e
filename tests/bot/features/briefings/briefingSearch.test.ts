import { expect } from 'chai';
import { DateTime } from 'luxon';
import { BriefingSearch } from '../../../../bot/features/briefings/briefingSearch';
import { Briefing } from '../../../../bot/features/briefings/briefings';

const now = DateTime.fromISO('2026-11-24T10:00:00', { zone: 'Europe/London' });
const briefing = (id: number, extra: Partial<Briefing>): Briefing => ({
  id,
  title: 'Title',
  summary: 'Summary',
  body: '',
  topics: [],
  audience: { everyone: true },
  publishAt: '2026-11-20T09:00:00.000Z',
  urgent: false,
  status: 'published',
  recipients: 1,
  createdBy: 'x',
  version: 1,
  createdAt: '',
  updatedAt: '',
  ...extra,
});

function searchOver(list: Briefing[]) {
  let fingerprint = 'v1';
  const looks = { count: 0 };
  const source = { published: async () => list, fingerprint: async () => (looks.count++, fingerprint) };
  let clock = 0;
  const search = new BriefingSearch(
    source,
    () => now,
    () => clock,
  );
  return { search, looks, change: () => (fingerprint = `v${Date.now()}`), tick: (ms: number) => (clock += ms) };
}

describe('BriefingSearch', () => {
  const induction = briefing(1, { title: 'Integrated induction changes', summary: 'CAF joins the induction.' });
  const safeguarding = briefing(2, { title: 'Safeguarding week', topics: ['safeguarding'], audience: { sectors: ['education'] } });
  const expired = briefing(3, { title: 'Old induction dates', expiresAt: '2026-11-01T00:00:00.000Z' });

  it('answers news questions whose topic words all match a live briefing', async () => {
    const { search } = searchOver([induction, safeguarding, expired]);
    await search.refresh();
    expect(search.find("what's new on the integrated induction?", undefined)?.id).to.equal(1);
    expect(search.find('any updates about induction', undefined)?.id).to.equal(1);
  });

  it('ignores questions that are not about news, or whose topic no briefing covers', async () => {
    const { search } = searchOver([induction]);
    await search.refresh();
    expect(search.find('what is integrated induction', undefined)).to.equal(undefined);
    expect(search.find("what's new on pensions", undefined)).to.equal(undefined);
    expect(search.find("what's new", undefined)).to.equal(undefined);
  });

  it('keeps briefings to their audience and leaves out expired ones', async () => {
    const { search } = searchOver([safeguarding, expired]);
    await search.refresh();
    expect(search.find('latest on safeguarding', { userId: 'u', sector: 'health', topics: [] })).to.equal(undefined);
    expect(search.find('latest on safeguarding', { userId: 'u', sector: 'education', topics: [] })?.id).to.equal(2);
    expect(search.find('news about old induction dates', undefined)).to.equal(undefined);
  });

  it('picks up a new briefing once the source changes', async () => {
    const list = [induction];
    const { search, change, tick } = searchOver(list);
    await search.refresh();
    list.push(briefing(4, { title: 'Lead professional guidance' }));
    change();
    await search.refresh();
    expect(search.find('latest lead professional guidance', undefined)).to.equal(undefined);
    tick(6000);
    await search.refresh();
    expect(search.find('latest lead professional guidance', undefined)?.id).to.equal(4);
  });

  it('looks at the briefings only before a news question', async () => {
    const { search, looks } = searchOver([induction]);
    await search.prepare('what is a lead professional');
    expect(looks.count).to.equal(0);
    await search.prepare("what's new on the integrated induction?");
    expect(looks.count).to.equal(1);
    expect(search.find("what's new on the integrated induction?", undefined)?.id).to.equal(1);
  });
});
