import { Activity } from 'botbuilder';
import { UserDataExport } from '../../bot/platform/store/userData';

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

/** The built-in Direct Line refuses activities over 64 KB; a larger export goes as code blocks instead. */
const MAX_FILE_BYTES = 40000;

/** The file a web chat export downloads as. */
export const EXPORT_FILE_NAME = 'my-data.json';

/**
 * "Export my data" for the channel: web chat gets one downloadable JSON file (a block cut off at the
 * pane's edge is no use there); Teams, which takes no file the bot makes up, gets the messages above.
 */
export function dataExportActivities(data: UserDataExport, channelId: string | undefined): Partial<Activity>[] {
  const json = JSON.stringify(data, null, 2);
  if (channelId === 'webchat' && Buffer.byteLength(json) <= MAX_FILE_BYTES) {
    return [
      {
        type: 'message',
        text: `Here is everything I hold about you, as a JSON file (${EXPORT_FILE_NAME}). ${data.note}`,
        attachments: [
          { contentType: 'application/json', name: EXPORT_FILE_NAME, contentUrl: `data:application/json;base64,${Buffer.from(json).toString('base64')}` },
        ],
      },
    ];
  }
  return dataExportMessages(data).map((text) => ({ type: 'message', text }));
}
