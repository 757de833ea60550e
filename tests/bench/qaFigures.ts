import { buildKnowledgeBase } from '../../knowledge/knowledgeBaseFile';
import { evaluate, evaluateHeldBack, figuresOf, loadEvaluationQuestions } from '../knowledge/evaluation/evaluate';

// Prints the answer figures of both splits without the timing runs of bench:qa (the held-back split as figures only).
const kb = buildKnowledgeBase();
console.log(JSON.stringify({ tuning: figuresOf(evaluate(kb, loadEvaluationQuestions())), heldBack: evaluateHeldBack(kb) }));
