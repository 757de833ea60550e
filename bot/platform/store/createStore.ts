import { Kysely } from 'kysely';
import { AnswerCounts } from './answerCounts';
import { ConversationReferences } from './conversationReferences';
import { FeedbackStore } from './feedbackStore';
import { Profiles } from './profiles';
import { DatabaseSchema } from './schema';
import { StateDocuments } from './stateDocuments';
import { TeamRosters } from './teamRosters';
import { Clock } from './timestamps';
import { UserData } from './userData';

/** Every repository over one database, built once by the composition root. */
export function createStore(db: Kysely<DatabaseSchema>, now: Clock, options: { askerOf?: () => string | undefined } = {}) {
  const answerCounts = new AnswerCounts(db, now);
  return {
    db,
    stateDocuments: new StateDocuments(db, now),
    conversations: new ConversationReferences(db, now),
    profiles: new Profiles(db, now),
    feedback: new FeedbackStore(db, answerCounts, options.askerOf),
    userData: new UserData(db, now),
    answerCounts,
    rosters: new TeamRosters(db, now),
  };
}

export type Store = ReturnType<typeof createStore>;
