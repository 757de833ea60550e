import { buildKnowledgeBase } from '../../knowledge/knowledgeBaseFile';
import { evaluationSplits } from '../knowledge/evaluation/evaluate';

// Prints the answer figures of every split without the timing runs of bench:qa (the held-back splits as figures only).
console.log(JSON.stringify(evaluationSplits(buildKnowledgeBase())));
