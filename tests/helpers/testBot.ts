import { Activity, TestAdapter } from 'botbuilder';
import { createServices, ServiceOverrides, Services } from '../../bot/app/services';
import { fixedClock, replyText, shippedKnowledgeBase, silentLogger, testConfig } from './testServices';

/** The real services over the shipped knowledge base, with a fixed clock and a silent logger, built and started. */
export async function testBotServices(env: Record<string, string> = {}, overrides: ServiceOverrides = {}): Promise<Services> {
  const services = await createServices(testConfig(env), { kb: shippedKnowledgeBase(), now: fixedClock, logger: silentLogger, ...overrides });
  // Tests start the delivery worker themselves (services.delivery.start) when they want sends.
  await services.start({ deliveryWorker: false });
  return services;
}

/** A TestAdapter that runs every activity through the bot, as /api/messages would. */
export function testAdapter(services: Services, channelId = 'msteams'): TestAdapter {
  return new TestAdapter((context) => services.bot.run(context), { channelId });
}

/** What the bot says in web chat to a question, through the whole turn (dialogs, answerer, cards), as text. */
export async function webChatReply(services: Services, text: string): Promise<string> {
  let reply: Partial<Activity> | undefined;
  await testAdapter(services, 'webchat')
    .send(text)
    .assertReply((activity) => {
      reply = activity;
    });
  return replyText(reply);
}

/** A Teams channel message that @mentions the bot, as Teams sends it. */
export function channelMention(text: string, botId = 'bot', botName = 'Workforce Assistant'): Partial<Activity> {
  return {
    type: 'message',
    text: `<at>${botName}</at> ${text}`,
    conversation: { id: '19:channel@thread.tacv2;messageid=1', conversationType: 'channel', isGroup: true, name: 'General' },
    recipient: { id: botId, name: botName },
    entities: [{ type: 'mention', mentioned: { id: botId, name: botName }, text: `<at>${botName}</at>` }],
  };
}
