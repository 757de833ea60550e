import { expect } from 'chai';
import { DialogTurnStatus } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { RootDialog } from '../../../dialogs/core/rootDialog';
import { replyText, testDialogServices } from '../../helpers/testServices';

for (const channel of ['msteams', 'webchat']) {
  describe(`the "glossary" command-menu item on ${channel}`, () => {
    it('asks which term to look up, then answers it', async () => {
      const { services } = await testDialogServices();
      const client = new DialogTestClient(channel, new RootDialog(services));
      expect(replyText(await client.sendActivity('glossary'))).to.match(/^Which term or acronym would you like me to look up\?/);
      expect(client.dialogTurnResult.status).to.equal(DialogTurnStatus.waiting);
      expect(replyText(await client.sendActivity('TAC'))).to.match(/^Team Around the Child \(TAC\)/);
      expect(client.dialogTurnResult.status).to.equal(DialogTurnStatus.complete);
    });

    it('lets the person cancel instead of naming a term', async () => {
      const { services } = await testDialogServices();
      const client = new DialogTestClient(channel, new RootDialog(services));
      await client.sendActivity('Glossary');
      expect(replyText(await client.sendActivity('cancel'))).to.match(/stopped that/);
      expect(client.dialogTurnResult.status).to.equal(DialogTurnStatus.complete);
    });
  });
}
