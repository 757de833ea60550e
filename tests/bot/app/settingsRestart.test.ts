import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { Activity } from 'botbuilder';
import { testAdapter, testBotServices } from '../../helpers/testBot';
import { replyText } from '../../helpers/testServices';

const personal = (extra: Partial<Activity>): Partial<Activity> => ({
  type: 'message',
  conversation: { id: 'a:restart', conversationType: 'personal', isGroup: false, name: '' },
  from: { id: '29:restart-user', name: 'Sam' },
  ...extra,
});

describe('a restart half-way through the settings form', () => {
  it('carries on where it was', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'staffbot-restart-'));
    const env = { DATA_DIR: dataDir, DATABASE_URL: '' };

    const before = await testBotServices(env);
    const first = testAdapter(before);
    await first.receiveActivity(personal({ text: 'my settings' }));
    await first.receiveActivity(personal({ value: { verb: 'settings.about', sector: 'youth', role: 'youth-worker' } }));
    expect(replyText(first.activeQueue.splice(0).pop())).to.match(/Step 2 of 2/);
    await before.close();

    const after = await testBotServices(env);
    const second = testAdapter(after);
    await second.receiveActivity(personal({ value: { verb: 'settings.preferences', topics: 'youth' } }));
    expect(replyText(second.activeQueue.splice(0).pop())).to.match(/Settings saved[\s\S]*Youth worker/);
    expect(await after.store.profiles.get('29:restart-user')).to.include({ sector: 'youth', role: 'youth-worker' });
    await after.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
