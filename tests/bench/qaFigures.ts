import { buildKnowledgeBase } from '../../knowledge/knowledgeBaseFile';
import { bothSplits } from '../knowledge/evaluation/evaluate';

// Prints the answer figures of both splits without the timing runs of bench:qa (the held-back split as figures only).
console.log(JSON.stringify(bothSplits(buildKnowledgeBase())));
