import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { COMPILED_LEXICON_PATH, lexiconDigest, loadShippedLexicon } from '../../../../bot/features/safeguarding/compiledLexicon';
import { compileLexicon } from '../../../../bot/features/safeguarding/lexicon';
import { DEFAULT_LEXICON_DIR, loadLexiconOrThrow } from '../../../../knowledge/safeguarding/lexiconFile';

describe('the compiled safeguarding lexicon', () => {
  it('matches the YAML it was compiled from (run npm run train:safeguarding after editing the lexicon)', () => {
    const stored = JSON.parse(fs.readFileSync(COMPILED_LEXICON_PATH, 'utf8')) as { digest: string; phrases: unknown };
    expect(stored.digest).to.equal(lexiconDigest());
    expect(stored.phrases).to.deep.equal(JSON.parse(JSON.stringify(compileLexicon(loadLexiconOrThrow()))));
    expect(loadShippedLexicon().compiled).to.equal(true);
  });

  it('is ignored once the YAML changes, so an edit takes effect even before retraining', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lexicon-'));
    try {
      for (const f of fs.readdirSync(DEFAULT_LEXICON_DIR).filter((n) => n.endsWith('.yaml')))
        fs.copyFileSync(path.join(DEFAULT_LEXICON_DIR, f), path.join(dir, f));
      const neglect = path.join(dir, 'neglect.yaml');
      fs.writeFileSync(neglect, fs.readFileSync(neglect, 'utf8').replace('signals:\n', 'signals:\n  - zorbly wibbled the toddler\n'));
      const { lexicon, compiled } = loadShippedLexicon(dir);
      expect(compiled).to.equal(false);
      expect(lexicon.match(['zorbly', 'wibbled', 'the', 'toddler']).signals.get('neglect')).to.equal(1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
