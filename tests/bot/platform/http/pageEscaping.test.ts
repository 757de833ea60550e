import { expect } from 'chai';
import { renderCataloguePage } from '../../../../bot/dashboard/cataloguePage';
import { renderContentPage } from '../../../../bot/dashboard/content/contentPage';
import { renderDashboardPage } from '../../../../bot/dashboard/dashboardPage';
import { demoPage } from '../../../../bot/demo/demoPage';
import { renderSignInPage } from '../../../../bot/dashboard/signInPage';
import { renderPolicyPage } from '../../../../bot/webchat/policyPage';
import { renderWebChatPage } from '../../../../bot/webchat/webChatPage';

/** Text that would run a script or break out of an attribute if any page printed it as HTML. */
const HOSTILE = `"'><script>alert(1)</script><img src=x onerror=alert(2)>`;
const ESCAPED = '&quot;&#39;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;';

/** Every page, rendered with the hostile text in every field that comes from configuration. */
const PAGES: [string, () => string][] = [
  [
    'the chat page',
    () =>
      renderWebChatPage({
        botName: HOSTILE,
        nonce: 'n',
        mode: 'builtin',
        embedded: false,
        version: HOSTILE,
        safeguarding: { frontDoorName: HOSTILE, frontDoorPhone: HOSTILE },
      }),
  ],
  [
    'the embedded chat',
    () =>
      renderWebChatPage({
        botName: HOSTILE,
        nonce: 'n',
        mode: 'builtin',
        embedded: true,
        version: HOSTILE,
        safeguarding: { frontDoorName: HOSTILE, frontDoorPhone: HOSTILE },
      }),
  ],
  ['the dashboard', () => renderDashboardPage({ botName: HOSTILE, nonce: 'n', theme: 'default', inTeams: false, version: HOSTILE })],
  ['the sign-in page', () => renderSignInPage({ botName: HOSTILE, nonce: 'n', theme: 'default', version: HOSTILE, enabled: true, problem: 'wrong' })],
  ['the Content page', () => renderContentPage({ botName: HOSTILE, nonce: 'n', theme: 'default', inTeams: false, version: HOSTILE })],
  ['the Training catalogue page', () => renderCataloguePage({ botName: HOSTILE, nonce: 'n', theme: 'default', inTeams: false, version: HOSTILE })],
  ['the demo page', () => demoPage({ dashboardToken: HOSTILE, pulseThreshold: 5 })],
  ['a policy page', () => renderPolicyPage({ botName: HOSTILE, title: HOSTILE, text: `${HOSTILE}\nsecond line\n\n${HOSTILE}`, version: HOSTILE })],
];

describe('page templates', () => {
  for (const [name, render] of PAGES) {
    it(`show HTML and script in configured text on ${name} as text`, () => {
      const html = render();
      expect(html).to.not.contain('<script>alert');
      expect(html).to.not.contain('<img src=x');
      expect(html).to.not.contain(`"'>`);
      // The text is shown, escaped rather than dropped.
      expect(html).to.contain(ESCAPED);
    });
  }

  it('put the version into asset URLs percent-encoded', () => {
    const html = renderDashboardPage({ botName: 'Bot', nonce: 'n', theme: 'default', inTeams: false, version: '1.0 "x"' });
    expect(html).to.contain('dashboard.css?v=1.0%20%22x%22');
  });

  it('keep line breaks inside a policy paragraph and split paragraphs on blank lines', () => {
    const html = renderPolicyPage({ botName: 'Bot', title: 'Terms', text: 'one <b>\ntwo\n\nthree', version: '1' });
    expect(html).to.match(/<p class="govuk-body">one &lt;b&gt;<br \/>\s*two<\/p>/);
    expect(html).to.contain('<p class="govuk-body">three</p>');
  });
});
