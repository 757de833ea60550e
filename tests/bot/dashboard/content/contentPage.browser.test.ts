import path from 'node:path';
import { expect } from 'chai';
import { Frame } from 'playwright-core';
import { axeViolations } from '../../../helpers/pageProbes';
import { webChatReply } from '../../../helpers/testBot';
import { editorTabs } from '../editorTabs';

const SCREENSHOTS = path.resolve(__dirname, '..', '..', '..', '..', 'test-output', 'content');
const WAIT = { timeout: 15000 };
const ERIN = { oid: 'aaaaaaaa-0000-4000-8000-0000000000e1', name: 'Erin Editor' };
const EVAN = { oid: 'aaaaaaaa-0000-4000-8000-0000000000e2', name: 'Evan Editor' };
const QUESTION = 'who can be a lead professional';
const NEW_SUMMARY = 'The lead professional is the one practitioner a family deals with; any trained worker who knows them well can take it on.';

/** Markup in every field, as a careless paste or an attacker would send it; the page must show it as text. */
const HOSTILE = '<img src=x onerror="window.__hacked=1"><script>window.__hacked=2</script>';

describe('Content page in the dashboard (Chromium, as a Teams tab for two content editors)', function () {
  this.timeout(120000);
  const tabs = editorTabs(SCREENSHOTS, [ERIN, EVAN]);

  /** Opens the Content tab for an editor; `query` is added to the tab's address. */
  async function openContent(user: { oid: string; name: string }, query = '') {
    return tabs.open(user, `/dashboard/content?inTeams=1${query}`, '#content-editor[data-state="loaded"]');
  }

  async function openEntry(frame: Frame, title: string): Promise<void> {
    await frame.locator('#entries-body a[data-entry]', { hasText: title }).first().click();
    await frame.locator('#edit-heading', { hasText: `Edit: ${title}` }).waitFor(WAIT);
  }

  const messages = (frame: Frame) => frame.locator('#edit-messages').innerText();

  it('edit → preview → a second editor approves → the chat answer changes; the author cannot approve their own draft', async () => {
    expect(await webChatReply(tabs.bot().services, QUESTION)).to.not.contain(NEW_SUMMARY);
    const erin = await openContent(ERIN);
    try {
      const { frame } = erin;
      expect(await frame.locator('#content-viewer').innerText()).to.equal('Signed in with Teams as Erin Editor.');
      await openEntry(frame, 'Lead professional (LP)');
      await frame.locator('#f-summary').fill(NEW_SUMMARY);
      await frame.locator('#f-body').fill('Agree **who** it is at the first meeting.');
      await frame.locator('#edit-preview').click();
      // The preview is Microsoft's renderer drawing the bot's own card JSON, once per channel.
      for (const channel of ['teams', 'webchat']) {
        const pane = frame.locator(`.app-preview__pane[data-channel="${channel}"]`);
        await pane.locator('.ac-adaptiveCard').waitFor(WAIT);
        expect(await pane.innerText()).to.contain(NEW_SUMMARY);
        await pane.getByRole('button', { name: 'More detail' }).click();
        // Markdown in the answer text is rendered as Web Chat renders it.
        expect(await pane.locator('strong', { hasText: 'who' }).count()).to.be.greaterThan(0);
      }
      await erin.page.screenshot({ path: path.join(SCREENSHOTS, '1-preview.png'), fullPage: true });

      await frame.locator('#edit-save').click();
      await frame.locator('#edit-messages [data-kind="notice"]').waitFor(WAIT);
      expect(await messages(frame)).to.contain('Saved as a draft');
      expect(await frame.locator('#edit-state').innerText()).to.contain('waiting for another editor');
      await frame.locator('#edit-approve').click();
      await frame.locator('#edit-messages [data-kind="problems"]').waitFor(WAIT);
      expect(await messages(frame)).to.contain('another content editor must approve it');
      expect(await webChatReply(tabs.bot().services, QUESTION), 'a draft is not live').to.not.contain(NEW_SUMMARY);
      expect(await axeViolations(frame)).to.deep.equal([]);
      expect(erin.errors).to.deep.equal([]);
    } finally {
      await erin.close();
    }

    const evan = await openContent(EVAN, '');
    try {
      const { frame } = evan;
      await frame.locator('#content-filter').selectOption('drafts');
      await openEntry(frame, 'Lead professional (LP)');
      await frame.locator('#edit-approve').click();
      await frame.locator('#edit-messages [data-kind="notice"]').waitFor(WAIT);
      expect(await messages(frame)).to.match(/Published as version \d+/);
      // The test pane asks the live knowledge base which entry wins and why.
      await tabs.bot().services.content.knowledge.refresh();
      await frame.locator('#ask-q').fill(QUESTION);
      await frame.locator('#ask-kb').selectOption('live');
      await frame.locator('#ask-form button[type="submit"]').click();
      await frame.locator('#ask-body [data-kind="winner"]').waitFor(WAIT);
      expect(await frame.locator('#ask-body').innerText())
        .to.contain('Lead professional (LP)')
        .and.to.contain('Entries that competed');
      const history = await frame.locator('#versions-body').innerText();
      expect(history).to.contain(ERIN.oid).and.to.contain(EVAN.oid).and.to.contain('summary:');
      await evan.page.screenshot({ path: path.join(SCREENSHOTS, '2-approved.png'), fullPage: true });
    } finally {
      await evan.close();
    }
    expect(await webChatReply(tabs.bot().services, QUESTION)).to.contain(NEW_SUMMARY);
  });

  it('restores an earlier version as a draft, which goes live when another editor approves it', async () => {
    const evan = await openContent(EVAN);
    try {
      const { frame } = evan;
      await openEntry(frame, 'Lead professional (LP)');
      await frame.getByRole('button', { name: 'Restore version 1' }).click();
      await frame.locator('#edit-messages [data-kind="notice"]').waitFor(WAIT);
      expect(await messages(frame)).to.contain('Version 1 is now the draft');
      expect(await frame.locator('#f-summary').inputValue()).to.not.contain(NEW_SUMMARY);
    } finally {
      await evan.close();
    }
    const erin = await openContent(ERIN);
    try {
      await openEntry(erin.frame, 'Lead professional (LP)');
      await erin.frame.locator('#edit-approve').click();
      await erin.frame.locator('#edit-messages [data-kind="notice"]').waitFor(WAIT);
    } finally {
      await erin.close();
    }
    await tabs.bot().services.content.knowledge.refresh();
    const reply = await webChatReply(tabs.bot().services, QUESTION);
    expect(reply).to.contain('Lead professional');
    expect(reply).to.not.contain(NEW_SUMMARY);
  });

  it('two editors saving the same entry: the second gets a clear conflict message and nothing is overwritten', async () => {
    const erin = await openContent(ERIN);
    const evan = await openContent(EVAN);
    try {
      await openEntry(erin.frame, 'Lead professional (LP)');
      await openEntry(evan.frame, 'Lead professional (LP)');
      await erin.frame.locator('#f-owner').fill('Early Help Team');
      await erin.frame.locator('#edit-save').click();
      await erin.frame.locator('#edit-messages [data-kind="notice"]').waitFor(WAIT);
      await evan.frame.locator('#f-owner').fill('Family Support Team');
      await evan.frame.locator('#edit-save').click();
      await evan.frame.locator('#edit-messages [data-kind="problems"]').waitFor(WAIT);
      const said = await messages(evan.frame);
      expect(said).to.contain('Someone else changed this entry').and.to.contain('Nothing was overwritten');
      expect(said).to.contain(ERIN.oid);
      await evan.page.screenshot({ path: path.join(SCREENSHOTS, '3-conflict.png'), fullPage: true });
      const stored = await tabs.bot().services.content.editing.show('lead-professional');
      expect((stored.body.draft as { owner: string }).owner).to.equal('Early Help Team');
    } finally {
      await erin.close();
      await evan.close();
    }
  });

  it('lists every kb:check problem on save, and starts a new draft from a content gap question', async () => {
    const gap = 'how do i book a <b>room</b> for a TAC meeting';
    const erin = await openContent(ERIN, `&question=${encodeURIComponent(gap)}`);
    try {
      const { frame } = erin;
      await frame.locator('#edit-heading', { hasText: 'New entry' }).waitFor(WAIT);
      expect(await frame.locator('#f-questions').inputValue()).to.equal(gap);
      await frame.locator('#f-id').fill('Room Booking');
      await frame.locator('#f-review_by').fill('');
      await frame.locator('#f-status').selectOption('closed');
      await frame.locator('#edit-save').click();
      await frame.locator('#edit-messages [data-kind="problems"]').waitFor(WAIT);
      const said = await messages(frame);
      for (const wanted of ['id: must be lower case', 'title', 'tags', 'summary', 'status_note', 'body']) expect(said).to.contain(wanted);
      expect(await frame.locator('#f-id-error').isVisible()).to.equal(true);
      expect(await axeViolations(frame)).to.deep.equal([]);
      await erin.page.screenshot({ path: path.join(SCREENSHOTS, '4-problems.png'), fullPage: true });
    } finally {
      await erin.close();
    }
  });

  it('shows HTML and script in every field as text: list, form, preview, test pane and versions', async () => {
    const erin = await openContent(ERIN);
    try {
      const { frame } = erin;
      await frame.locator('#content-new').click();
      await frame.locator('#edit-heading', { hasText: 'New entry' }).waitFor(WAIT);
      await frame.locator('#f-id').fill('hostile-markup');
      for (const name of ['title', 'source', 'owner', 'status_note']) await frame.locator(`#f-${name}`).fill(`${name} ${HOSTILE}`);
      for (const name of ['acronyms', 'aliases', 'questions', 'tags']) await frame.locator(`#f-${name}`).fill(`${name} ${HOSTILE}`);
      await frame.locator('#f-summary').fill(`summary ${HOSTILE}`);
      await frame.locator('#f-body').fill(`body ${HOSTILE}\n\n[link](javascript:window.__hacked=3)`);
      await frame.locator('#f-status').selectOption('closed');
      await frame.locator('#edit-save').click();
      await frame.locator('#edit-heading', { hasText: 'Edit: title <img' }).waitFor(WAIT);
      await frame.locator('#edit-preview').click();
      await frame.locator('.app-preview__pane[data-channel="teams"] .ac-adaptiveCard').waitFor(WAIT);
      for (const pane of await frame.locator('.app-preview__pane').all()) await pane.getByRole('button', { name: 'More detail' }).click();
      await frame.locator('#content-filter').selectOption('drafts');
      await frame.locator('#entries-body a[data-entry="hostile-markup"]').waitFor(WAIT);
      await frame.locator('#ask-q').fill(`title ${HOSTILE}`);
      await frame.locator('#ask-form button[type="submit"]').click();
      await frame.locator('#ask-body [data-kind="winner"]').waitFor(WAIT);
      for (const link of await frame.locator('.app-preview a').all()) await link.click().catch(() => undefined);
      await erin.page.screenshot({ path: path.join(SCREENSHOTS, '5-markup-as-text.png'), fullPage: true });

      expect(await frame.evaluate(() => (window as unknown as { __hacked?: number }).__hacked)).to.equal(undefined);
      expect(await frame.locator('#content-editor img, #content-editor script').count(), 'no element made from the data').to.equal(0);
      expect(await frame.locator('#entries-body').innerText()).to.contain('title <img src=x');
      const preview = await frame.locator('#preview-body').innerText();
      for (const name of ['title', 'summary', 'source', 'body', 'status_note'])
        expect(preview).to.contain(`${name} <img src=x onerror="window.__hacked=1"><script>`);
      expect(await frame.locator('#edit-heading').innerText()).to.contain('<script>');
      expect(erin.errors).to.deep.equal([]);
    } finally {
      await erin.close();
    }
    const evan = await openContent(EVAN);
    try {
      await openEntry(evan.frame, `title ${HOSTILE}`);
      await evan.frame.locator('#edit-approve').click();
      await evan.frame.locator('#edit-messages [data-kind="notice"]').waitFor(WAIT);
      await evan.frame.locator('#versions-body pre').first().waitFor(WAIT);
      expect(await evan.frame.locator('#versions-body').innerText()).to.contain('created');
      expect(await evan.frame.evaluate(() => (window as unknown as { __hacked?: number }).__hacked)).to.equal(undefined);
      expect(await evan.frame.locator('#content-editor img, #content-editor script').count()).to.equal(0);
    } finally {
      await evan.close();
    }
  });
});
