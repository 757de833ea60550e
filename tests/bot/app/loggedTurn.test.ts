import { expect } from 'chai';
import { Writable } from 'node:stream';
import pino from 'pino';
import { TurnContext } from 'botbuilder';
import { runLoggedTurn, TURN_LOGGER } from '../../../bot/app/loggedTurn';
import { BotMetrics } from '../../../bot/app/metrics';

describe('runLoggedTurn', () => {
  it('gives the turn its own logger, then counts and logs the turn once', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) }));
    const metrics = new BotMetrics();
    const context = { turnState: new Map<unknown, unknown>() } as unknown as TurnContext;
    let loggerInTurn: unknown;
    const bot = { run: async (c: TurnContext) => void (loggerInTurn = c.turnState.get(TURN_LOGGER)) };
    await runLoggedTurn(
      { bot, logger, metrics },
      { type: 'message', channelId: 'msteams', text: 'hi' },
      (logic) => logic(context),
      () => ({ status: 200 }),
    );
    expect(loggerInTurn, 'the bot sees the turn logger').to.not.equal(undefined).and.not.equal(logger);
    expect(lines).to.have.length(1);
    expect(lines[0]).to.include({ msg: 'turn', activityType: 'message', channel: 'msteams', status: 200 }).and.have.property('turnId').that.is.a('string');
    expect(await metrics.registry.metrics()).to.match(/channel="msteams"[^\n]*type="message"|type="message"[^\n]*channel="msteams"/);
  });

  it('never writes the words of a safeguarding concern to the log, even at debug', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level: 'debug' }, new Writable({ write: (chunk, _enc, done) => (lines.push(JSON.parse(String(chunk))), done()) }));
    const context = { turnState: new Map<unknown, unknown>() } as unknown as TurnContext;
    const bot = { run: async () => undefined };
    const turn = (text: string) =>
      runLoggedTurn({ bot, logger, metrics: new BotMetrics(false) }, { type: 'message', channelId: 'webchat', text }, (logic) => logic(context));
    await turn('what is TAC');
    await turn('a girl in my class told me her stepdad hurts her at night');
    const received = lines.filter((l) => l.msg === 'activity received');
    expect(received).to.have.length(2);
    expect(received[0].text).to.equal('what is TAC');
    expect(received[1]).to.not.have.property('text');
    expect(JSON.stringify(lines)).to.not.include('stepdad');
  });
});
