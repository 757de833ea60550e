import { expect } from 'chai';
import ICAL from 'ical.js';
import { RunningBot, startBot } from '../../../helpers/runningBot';

describe('training routes', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startBot({ PUBLIC_BASE_URL: 'https://bot.council.example' });
  });
  after(() => bot.stop());

  it('serves a session as a calendar file in London time', async () => {
    const res = await fetch(`${bot.url}/training/sessions/sg2-2027-03-30.ics`);
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('text/calendar; charset=utf-8');
    expect(res.headers.get('content-disposition')).to.equal('attachment; filename="sg2-2027-03-30.ics"');
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.uid).to.equal('training-session-sg2-2027-03-30@bot.council.example');
    expect(event.startDate.toString()).to.equal('2027-03-30T09:30:00');
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstProperty('dtstart')!.getParameter('tzid')).to.equal('Europe/London');
    expect(calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).to.equal('Europe/London');
  });

  for (const path of [
    '/training/sessions/no-such-session.ics',
    '/training/sessions/caf-2026-12-08',
    '/training/sessions/..%2F..%2Fetc%2Fpasswd.ics',
    '/training/sessions/CAF-2026-12-08.ics',
  ]) {
    it(`answers 404 for ${path}`, async () => {
      const res = await fetch(`${bot.url}${path}`);
      expect(res.status).to.equal(404);
      expect(((await res.json()) as { error: string }).error).to.equal('NotFound');
    });
  }
});
