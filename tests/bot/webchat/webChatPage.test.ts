import { expect } from 'chai';
import { renderWebChatPage } from '../../../bot/webchat/webChatPage';

describe('renderWebChatPage', () => {
  it('escapes the bot name and the safeguarding contacts in the page', () => {
    const html = renderWebChatPage({
      botName: '<script>alert(1)</script>',
      nonce: 'n',
      mode: 'builtin',
      embedded: false,
      version: '1.0.0',
      safeguarding: { frontDoorName: 'the <front> door', frontDoorPhone: '0116 000 0000' },
    });
    expect(html).to.not.contain('<script>alert(1)</script>');
    expect(html).to.contain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).to.contain('the &lt;front&gt; door on 0116 000 0000');
  });
});
