import path from 'node:path';
import { expect } from 'chai';
import { Frame } from 'playwright-core';
import { axeViolations } from '../../helpers/pageProbes';
import { webChatReply } from '../../helpers/testBot';
import { editorTabs } from './editorTabs';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', 'test-output', 'catalogue');
const WAIT = { timeout: 15000 };
const ERIN = { oid: 'aaaaaaaa-0000-4000-8000-0000000000c1', name: 'Erin Editor' };
const EVAN = { oid: 'aaaaaaaa-0000-4000-8000-0000000000c2', name: 'Evan Editor' };
const QUESTION = 'caf training in december';
const NEW_VENUE = 'Riverside Family Hub, Room 3';

/** Markup as a careless paste or an attacker would send it; the page must show it as text. */
const HOSTILE = '<img src=x onerror="window.__hacked=1"><script>window.__hacked=2</script>';
/** The same markup as one CSV cell (quoted, its quotes doubled), as an LMS would export it. */
const HOSTILE_CELL = (prefix: string) => `"${prefix}${HOSTILE.replace(/"/g, '""')}"`;

describe('Training catalogue page in the dashboard (Chromium, as a Teams tab for two content editors)', function () {
  this.timeout(120000);
  const tabs = editorTabs(SCREENSHOTS, [ERIN, EVAN]);

  async function openCatalogue(user: { oid: string; name: string }) {
    return tabs.open(user, '/dashboard/catalogue?inTeams=1', '#catalogue-editor[data-state="loaded"]');
  }

  const hacked = (frame: Frame) => frame.evaluate(() => (window as unknown as { __hacked?: number }).__hacked);

  it('edit a session → a second editor approves → chat offers the changed session; markup in it stays text', async () => {
    expect(await webChatReply(tabs.bot().services, QUESTION)).to.not.contain(NEW_VENUE);
    const erin = await openCatalogue(ERIN);
    try {
      const { frame } = erin;
      await frame.locator('#catalogue-filter').selectOption('sessions');
      await frame.locator('#items-body a[data-id="caf-2026-12-08"]').click();
      await frame.locator('#edit-heading', { hasText: 'Edit session: CAF and the lead professional' }).waitFor(WAIT);
      // A bad value first: the form lists the problem beside the field and saves nothing.
      await frame.locator('#session-start').fill('8 December 2026');
      await frame.locator('#edit-save').click();
      await frame.locator('#edit-messages [data-kind="problems"]').waitFor(WAIT);
      expect(await frame.locator('[data-field="start"] .govuk-error-message').innerText()).to.contain('YYYY-MM-DDTHH:mm');
      await frame.locator('#session-start').fill('2026-12-08T09:30');
      await frame.locator('#session-venue').fill(`${NEW_VENUE} ${HOSTILE}`);
      await frame.locator('#session-places_left').fill('5');
      await frame.locator('#edit-save').click();
      await frame.locator('#edit-messages [data-kind="notice"]').waitFor(WAIT);
      expect(await frame.locator('#edit-state').innerText()).to.contain('waiting for another editor');
      await frame.locator('#edit-approve').click();
      await frame.locator('#edit-messages [data-kind="problems"]').waitFor(WAIT);
      expect(await frame.locator('#edit-messages').innerText()).to.contain('another content editor must approve it');
      expect(await webChatReply(tabs.bot().services, QUESTION), 'a draft is not live').to.not.contain(NEW_VENUE);
      expect(erin.errors).to.deep.equal([]);
    } finally {
      await erin.close();
    }

    const evan = await openCatalogue(EVAN);
    try {
      const { frame } = evan;
      await frame.locator('#catalogue-filter').selectOption('drafts');
      await frame.locator('#items-body a[data-id="caf-2026-12-08"]').click();
      await frame.locator('#edit-approve').waitFor({ state: 'visible', ...WAIT });
      await frame.locator('#edit-approve').click();
      await frame.locator('#edit-messages [data-kind="notice"]').waitFor(WAIT);
      expect(await frame.locator('#edit-messages').innerText()).to.contain('Published as version 2');
      const history = await frame.locator('#versions-body').innerText();
      expect(history).to.contain('Erin Editor').and.to.contain('Evan Editor').and.to.contain('<script>');
      expect(await frame.locator('#session-venue').inputValue()).to.contain('<script>');
      expect(await hacked(frame)).to.equal(undefined);
      expect(await axeViolations(frame)).to.deep.equal([]);
      await evan.page.screenshot({ path: path.join(SCREENSHOTS, '1-approved.png'), fullPage: true });
      expect(evan.errors).to.deep.equal([]);
    } finally {
      await evan.close();
    }
    const reply = await webChatReply(tabs.bot().services, QUESTION);
    expect(reply).to.contain(NEW_VENUE).and.to.contain('5 places left');
  });

  it('previews an LMS export listing bad rows with line and reason as text, imports nothing until every row is good, then imports', async () => {
    const erin = await openCatalogue(ERIN);
    try {
      const { frame } = erin;
      const bad = [
        'id,course,start,end,venue,online,places_left',
        `caf-2027-06-08,caf-lead-professional,2027-06-08T09:30,2027-06-08T12:30,${HOSTILE_CELL('Westgate Library ')},,8`,
        `x-1,${HOSTILE_CELL('')},2027-06-09T09:30,2027-06-09T12:30,Hall,,8`,
      ].join('\n');
      await frame.locator('#import-file').setInputFiles({ name: 'lms.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
      await frame.locator('#import-preview').click();
      await frame.locator('#import-body [data-kind="bad-rows"]').waitFor(WAIT);
      const preview = await frame.locator('#import-body').innerText();
      expect(preview).to.contain('line 3').and.to.contain('<script>').and.to.contain('1 new session');
      expect(await frame.locator('#import-run').isHidden()).to.equal(true);
      expect(await hacked(frame)).to.equal(undefined);
      await erin.page.screenshot({ path: path.join(SCREENSHOTS, '2-bad-rows.png'), fullPage: true });
      expect(await tabs.bot().services.catalogue.store.get('session:caf-2027-06-08')).to.equal(undefined);

      const good = bad.split('\n').slice(0, 2).join('\n');
      await frame.locator('#import-file').setInputFiles({ name: 'lms.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
      await frame.locator('#import-preview').click();
      await frame.locator('#import-run').waitFor({ state: 'visible', ...WAIT });
      await frame.locator('#import-run').click();
      await frame.locator('#import-body [data-kind="imported"]').waitFor(WAIT);
      expect(await frame.locator('#import-body').innerText()).to.contain('1 new and 0 changed');
      expect(await axeViolations(frame)).to.deep.equal([]);
      expect(erin.errors).to.deep.equal([]);
    } finally {
      await erin.close();
    }
    expect(await webChatReply(tabs.bot().services, 'caf training in june 2027')).to.contain('Westgate Library');
  });

  it('a new course with markup in every field: the problems and the list show it as text, and nothing runs', async () => {
    const erin = await openCatalogue(ERIN);
    try {
      const { frame } = erin;
      await frame.locator('#new-course').click();
      await frame.locator('#course-id').fill('hostile-course');
      for (const name of ['title', 'summary', 'provider', 'contact', 'duration', 'roles', 'tags', 'aliases', 'acronyms'])
        await frame.locator(`#course-${name}`).fill(HOSTILE);
      await frame.locator('#course-booking_url').fill(`https://learning.example/${HOSTILE}`);
      await frame.locator('#course-sectors').fill('all');
      await frame.locator('#edit-save').click();
      await frame.locator('#edit-messages [data-kind="problems"]').waitFor(WAIT);
      expect(await frame.locator('#edit-messages').innerText())
        .to.contain('is not a known role')
        .and.to.contain('<script>');
      await frame.locator('#course-roles').fill('');
      await frame.locator('#edit-save').click();
      await frame.locator('#edit-messages [data-kind="notice"]').waitFor(WAIT);
      await frame.locator('#catalogue-filter').selectOption('drafts');
      await frame.locator('#items-body a[data-id="hostile-course"]').waitFor(WAIT);
      expect(await frame.locator('#items-body a[data-id="hostile-course"]').innerText()).to.equal(HOSTILE);
      expect(await frame.locator('#items-body img, #items-body script, #edit-messages img').count()).to.equal(0);
      expect(await hacked(frame)).to.equal(undefined);
      expect(erin.errors).to.deep.equal([]);
    } finally {
      await erin.close();
    }
  });
});
