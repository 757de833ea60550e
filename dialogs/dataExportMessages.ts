import { UserDataExport } from '../bot/store/userData';

/** Teams refuses messages much over 28 KB; the export is split into parts well under that. */
const MAX_PART_CHARS = 20000;

/** "Export my data" as chat messages: an introduction, then the JSON in one or more code blocks. */
export function dataExportMessages(data: UserDataExport): string[] {
  const json = JSON.stringify(data, null, 2);
  const parts: string[] = [];
  for (let i = 0; i < json.length; i += MAX_PART_CHARS) parts.push(json.slice(i, i + MAX_PART_CHARS));
  const intro = `Here is everything I hold about you, as JSON${parts.length > 1 ? ` in ${parts.length} parts` : ''}. ${data.note}`;
  return [intro, ...parts.map((part) => `\`\`\`json\n${part}\n\`\`\``)];
}
