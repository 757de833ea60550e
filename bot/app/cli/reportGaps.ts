import { DateTime } from 'luxon';
import { loadOrBuildKnowledgeBase } from '../../../knowledge/knowledgeBaseFile';
import { ConfigError } from '../../platform/config';
import { createStore } from '../../platform/store/createStore';
import { runCli, withConfiguredDatabase } from './cliRun';

const USAGE = 'Usage: npm run report:gaps [-- --days 90] [--limit 20] [--json]';

/** `npm run report:gaps`: the content gap report from the bot's database, for the content team. */
async function main(argv: string[]): Promise<number> {
  const number = (name: string, fallback: number): number => {
    const i = argv.indexOf(name);
    const value = i >= 0 ? Number(argv[i + 1]) : fallback;
    if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${name} must be a positive whole number\n${USAGE}`);
    return value;
  };
  if (argv.includes('--help')) {
    console.log(USAGE);
    return 0;
  }
  const days = number('--days', 90);
  const limit = number('--limit', 20);
  return withConfiguredDatabase(async (database) => {
    const report = await createStore(database.db, () => DateTime.now()).feedback.gapReport(DateTime.now().minus({ days }), limit);
    if (argv.includes('--json')) {
      console.log(JSON.stringify(report));
      return 0;
    }
    const titles = new Map(loadOrBuildKnowledgeBase().kb.entries.map((e) => [e.id, e.title]));
    console.log(`Content gaps in ${database.location}, last ${days} days\n`);
    console.log('Most-asked questions without an answer:');
    if (report.unanswered.length === 0) console.log('  none');
    for (const u of report.unanswered) console.log(`  ${String(u.times).padStart(4)}  ${u.question}   (last ${u.lastAsked.slice(0, 10)})`);
    console.log('\nEntries most often marked not helpful:');
    if (report.unhelpful.length === 0) console.log('  none');
    for (const u of report.unhelpful) console.log(`  ${String(u.notHelpful).padStart(4)}  ${titles.get(u.entryId) ?? u.entryId}   (${u.helpful} helpful)`);
    return 0;
  }, 'error');
}

runCli(main);
