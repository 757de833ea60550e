import fs from 'node:fs';
import type { KnowledgeEntry } from './entry';
import { checkedBody, KB_FORMAT } from './knowledgeBaseFraming';

/** The entries of a built knowledge base file, with the content hash it was built for. */
export interface BuiltEntries {
  entries: KnowledgeEntry[];
  contentHash: string;
}

/**
 * Reads only the entries of a built knowledge base file (its index and tables are left unloaded),
 * so the index worker can warm up with them while the rest of the bot is still loading; undefined
 * when the file is missing, damaged or of another format.
 */
export function readBuiltEntries(file: string): BuiltEntries | undefined {
  let body: Buffer | undefined;
  try {
    body = checkedBody(fs.readFileSync(file));
  } catch {
    return undefined;
  }
  if (!body) return undefined;
  // The file holds the entries before the index (saveKnowledgeBase writes them first), so only that head is parsed: about a tenth of the file.
  const indexAt = body.indexOf(',"index":');
  const head = indexAt < 0 ? body.toString('utf8') : `${body.subarray(0, indexAt).toString('utf8')}}`;
  try {
    const data = JSON.parse(head) as Partial<BuiltEntries> & { format?: number };
    if (data.format !== KB_FORMAT || typeof data.contentHash !== 'string' || !Array.isArray(data.entries)) return undefined;
    return { entries: data.entries, contentHash: data.contentHash };
  } catch {
    return undefined;
  }
}
