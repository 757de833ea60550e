import { expect } from 'chai';
import { TestAdapter, TurnContext } from 'botbuilder';
import { DatabaseStorage } from '../../../../bot/platform/state/databaseStorage';
import { createBotStates } from '../../../../bot/platform/state/createBotStates';
import { createStore } from '../../../../bot/platform/store/createStore';
import { ETagConflictError } from '../../../../bot/platform/store/stateDocuments';
import { fixedClock } from '../../../helpers/testServices';
import { forEachEngine, openTestDatabase, TestDatabase } from '../../../helpers/testDatabase';

/** A turn context for a message in one conversation. */
function turn(text: string): TurnContext {
  const adapter = new TestAdapter(async () => undefined);
  return new TurnContext(adapter, {
    type: 'message',
    text,
    channelId: 'test',
    conversation: { id: 'c1', isGroup: false, name: '', conversationType: 'personal' },
    from: { id: 'u1', name: 'U' },
    recipient: { id: 'bot', name: 'B' },
  });
}

forEachEngine((engine) => {
  describe(`optimistic bot state (${engine})`, () => {
    let test: TestDatabase;
    beforeEach(async () => {
      test = await openTestDatabase(engine);
    });
    afterEach(() => test.cleanup());

    /** Two bot processes' views of the same database. */
    const twoReplicas = () => [0, 1].map(() => createBotStates(new DatabaseStorage(createStore(test.opened.db, fixedClock).stateDocuments)).conversationState);

    it('keeps what one turn saved', async () => {
      const [state] = twoReplicas();
      const first = turn('a');
      await state.createProperty<number>('count').set(first, 1);
      await state.saveChanges(first);
      const next = turn('b');
      expect(await state.createProperty<number>('count').get(next)).to.equal(1);
    });

    it('detects a lost update when two turns change the same state', async () => {
      const [a, b] = twoReplicas();
      const seed = turn('seed');
      await a.createProperty<number>('count').set(seed, 1);
      await a.saveChanges(seed);

      const turnA = turn('from replica A');
      const turnB = turn('from replica B');
      await a.createProperty<number>('count').set(turnA, 2);
      await b.createProperty<number>('count').set(turnB, 3);
      await a.saveChanges(turnA);
      let error: unknown;
      await b.saveChanges(turnB).catch((err) => (error = err));
      expect(error).to.be.instanceOf(ETagConflictError);
      expect(await a.createProperty<number>('count').get(turn('check'))).to.equal(2);
    });

    it('detects two turns creating the same state at once', async () => {
      const [a, b] = twoReplicas();
      const turnA = turn('a');
      const turnB = turn('b');
      await a.createProperty<string>('who').set(turnA, 'A');
      await b.createProperty<string>('who').set(turnB, 'B');
      await a.saveChanges(turnA);
      let error: unknown;
      await b.saveChanges(turnB).catch((err) => (error = err));
      expect(error).to.be.instanceOf(ETagConflictError);
    });

    it('saves twice in one turn without conflicting with itself', async () => {
      const [state] = twoReplicas();
      const context = turn('x');
      const property = state.createProperty<number>('n');
      await property.set(context, 1);
      await state.saveChanges(context);
      await property.set(context, 2);
      await state.saveChanges(context);
      expect(await property.get(turn('y'))).to.equal(2);
    });

    it('overwrites when forced', async () => {
      const [a, b] = twoReplicas();
      const turnA = turn('a');
      const turnB = turn('b');
      await a.createProperty<number>('n').set(turnA, 1);
      await b.createProperty<number>('n').set(turnB, 9);
      await a.saveChanges(turnA);
      await b.saveChanges(turnB, true);
      expect(await a.createProperty<number>('n').get(turn('c'))).to.equal(9);
    });
  });
});
