import { expect } from 'chai';
import { webChatMode } from '../../../bot/webchat/webChatMode';
import { testConfig } from '../../helpers/testServices';

describe('webChatMode', () => {
  it('picks the mode: Azure with a secret, built-in in local mode, otherwise off', () => {
    expect(webChatMode(testConfig())).to.equal('builtin');
    expect(webChatMode(testConfig({ DIRECT_LINE_SECRET: 's' }))).to.equal('azure');
    expect(webChatMode(testConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'p' }))).to.equal('off');
    expect(webChatMode(testConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'p', DIRECT_LINE_SECRET: 's' }))).to.equal('azure');
  });
});
