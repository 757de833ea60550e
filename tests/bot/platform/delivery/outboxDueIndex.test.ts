import { expect } from 'chai';
import { CompiledQuery, KyselyPlugin, RootOperationNode } from 'kysely';
import { DateTime } from 'luxon';
import { Outbox } from '../../../../bot/platform/delivery/outbox';
import { openTestDatabase } from '../../../helpers/testDatabase';

describe('claiming due copies (sqlite)', () => {
  it('reads them in due order from an index, rather than scanning and sorting every pending copy', async () => {
    const test = await openTestDatabase('sqlite');
    try {
      const { db } = test.opened;
      // Captures the claim statement the outbox runs, so its plan is asked of the same SQL.
      const seen: CompiledQuery[] = [];
      const capture: KyselyPlugin = {
        transformQuery: (args) => {
          seen.push(db.getExecutor().compileQuery(args.node as RootOperationNode, args.queryId));
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const now = () => DateTime.fromISO('2026-11-24T10:00:00Z');
      await new Outbox(db, now, 'sqlite').insert(
        Array.from({ length: 50 }, (_, i) => ({ messageId: 'm', userId: `u${i}`, kind: 'note', urgent: true, notBefore: now() })),
      );
      await new Outbox(db.withPlugin(capture), now, 'sqlite').claimDue('w', 10, 5000);
      const claim = seen.find((q) => /^update/i.test(q.sql))!;
      const plan = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${claim.sql}`, [...claim.parameters]));
      const details = plan.rows.map((r) => r.detail).join('\n');
      expect(details).to.not.match(/TEMP B-TREE FOR ORDER BY/);
      expect(details).to.match(/SEARCH outbox USING INDEX outbox_next_due/);
    } finally {
      await test.cleanup();
    }
  });
});
