import { expect } from 'chai';
import ICAL from 'ical.js';
import { buildSessionCalendar } from '../../../../bot/features/training/sessionCalendar';
import { vtimezone } from '../../../../bot/features/training/vtimezone';
import { fixtureCourse, fixtureSession, london } from './trainingFixtures';

const NOW = london('2026-11-23T10:00');

/** Parses a calendar file with ical.js, as a calendar app would, and reads its one event. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent('vtimezone');
  if (!zone) throw new Error('no VTIMEZONE');
  // Times with a TZID resolve through the registered zone: the one in the file, not ical.js's own data.
  ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  try {
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    return { calendar, event, startUtc: event.startDate.toJSDate().toISOString(), endUtc: event.endDate.toJSDate().toISOString() };
  } finally {
    ICAL.TimezoneService.remove('Europe/London');
  }
}

describe('session calendar files (.ics)', () => {
  const course = fixtureCourse();

  it('writes local London times with a TZID and a VTIMEZONE that turn into the right UTC, in GMT', () => {
    const text = buildSessionCalendar(fixtureSession('caf-gmt', '2027-03-23'), course, { now: NOW, host: 'bot.example.gov.uk' });
    expect(text).to.include('DTSTART;TZID=Europe/London:20270323T093000');
    const { event, startUtc, endUtc } = parse(text);
    expect(event.summary).to.equal('CAF and the lead professional');
    expect(event.uid).to.equal('training-session-caf-gmt@bot.example.gov.uk');
    expect(startUtc).to.equal('2027-03-23T09:30:00.000Z');
    expect(endUtc).to.equal('2027-03-23T12:30:00.000Z');
  });

  it('gives a session after the clocks go forward the same local time and UTC an hour earlier', () => {
    const text = buildSessionCalendar(fixtureSession('caf-bst', '2027-03-30'), course, { now: NOW, host: 'bot.example.gov.uk' });
    expect(text).to.include('DTSTART;TZID=Europe/London:20270330T093000');
    const { event, startUtc } = parse(text);
    expect(event.startDate.hour).to.equal(9);
    expect(event.startDate.minute).to.equal(30);
    expect(startUtc).to.equal('2027-03-30T08:30:00.000Z');
  });

  it('stamps the file in UTC and carries the booking link, venue and a confirmed status', () => {
    const session = fixtureSession('caf-dec', '2026-12-08', { online: false, venue: 'County Hall, Room 2' });
    const text = buildSessionCalendar(session, course, { now: NOW, host: 'h' });
    expect(text).to.include('DTSTAMP:20261123T100000Z');
    const { event, calendar } = parse(text);
    expect(event.location).to.equal('County Hall, Room 2');
    expect(event.description).to.include('https://example.org/book/caf');
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).to.equal('CONFIRMED');
  });

  it('marks a cancelled session cancelled, keeping its UID so calendars update it', () => {
    const text = buildSessionCalendar(fixtureSession('caf-x', '2026-12-15', { cancelled: true }), course, { now: NOW, host: 'h' });
    const { event, calendar } = parse(text);
    expect(event.uid).to.equal('training-session-caf-x@h');
    expect(event.summary).to.match(/^Cancelled: /);
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).to.equal('CANCELLED');
  });

  it('builds VTIMEZONE observances at the local time each change happens', () => {
    const text = vtimezone('Europe/London', [london('2027-03-30T09:30')]);
    expect(text).to.include('BEGIN:DAYLIGHT\r\nDTSTART:20270328T010000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nTZNAME:BST');
    expect(text).to.include('BEGIN:STANDARD\r\nDTSTART:20271031T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nTZNAME:GMT');
  });

  it('builds a single observance for a zone without clock changes', () => {
    const text = vtimezone('UTC', [london('2027-03-30T09:30')]);
    expect(text.match(/BEGIN:STANDARD/g)).to.have.length(1);
    expect(text).to.not.include('DAYLIGHT');
  });
});
