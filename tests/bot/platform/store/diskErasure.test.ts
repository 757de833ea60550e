import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { FakeConnector } from '../../../helpers/fakeConnector';
import { RunningBot, startBot } from '../../../helpers/runningBot';

const USER_ID = '29:erasure-subject-7f3a9c1d';
const USER_NAME = 'Philippa Quennell-Ravensworth';

function message(serviceUrl: string, text: string): Record<string, unknown> {
  return {
    type: 'message',
    id: `m-${Date.now()}-${Math.random()}`,
    channelId: 'msteams',
    serviceUrl,
    from: { id: USER_ID, name: USER_NAME, aadObjectId: '0000aaaa-0000-0000-0000-00000000e1a5' },
    conversation: { id: 'a:erasure-personal', conversationType: 'personal', tenantId: 'tenant-1' },
    recipient: { id: '28:bot', name: 'Workforce Assistant' },
    text,
  };
}

/** Every file SQLite keeps for the database: the main file, its write-ahead log and shared memory. */
function databaseBytes(dir: string): Buffer {
  return Buffer.concat(
    fs
      .readdirSync(dir)
      .filter((f) => f.startsWith('staffbot.db'))
      .map((f) => fs.readFileSync(path.join(dir, f))),
  );
}

describe('"delete my data" reaches the disk (SQLite file, WAL and freed pages)', () => {
  const connector = new FakeConnector();
  let serviceUrl: string;
  let bot: RunningBot;
  let dir: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbot-erasure-'));
    serviceUrl = await connector.start();
    bot = await startBot({ DATA_DIR: dir });
  });
  after(async () => {
    await bot?.stop();
    await connector.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const say = async (text: string) => {
    const res = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(message(serviceUrl, text)),
    });
    expect(res.status).to.be.oneOf([200, 201, 202]);
  };

  it('leaves neither the id nor the name anywhere in the database files', async () => {
    await say('whats a caf');
    await say('what is TAC');
    // The person is on disk before the erasure, or this test could not fail.
    expect(databaseBytes(dir).includes(USER_ID), 'the id was written before erasure').to.equal(true);
    expect(databaseBytes(dir).includes(USER_NAME), 'the name was written before erasure').to.equal(true);
    await say('delete my data');
    await say('yes');
    expect(JSON.stringify(connector.messages().at(-1))).to.match(/Done\. I erased/);
    const bytes = databaseBytes(dir);
    expect(bytes.includes(USER_ID), 'the id is still in the files').to.equal(false);
    expect(bytes.includes(USER_NAME), 'the name is still in the files').to.equal(false);
  });
});
