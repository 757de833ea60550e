import { loadContent } from '../knowledge/contentLoader';
import { buildIndex } from '../knowledge/indexBuilder';
import { KnowledgeSearch } from '../knowledge/knowledgeSearch';
import { loadAnswerModel } from '../knowledge/answerModel';
const e = loadContent().entries;
const model = loadAnswerModel();
for (let k = 0; k < 3; k++) {
let t = Date.now(); const idx = buildIndex(e); const b = Date.now() - t;
t = Date.now(); new KnowledgeSearch({ entries: e, index: idx, contentHash: 'x' }, { model }); const s = Date.now() - t;
t = Date.now(); loadAnswerModel(); const m = Date.now() - t;
console.log({ build: b, searchCtorWithModel: s, modelLoad: m });
}
