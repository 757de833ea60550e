/**
 * GOV.UK Frontend's built stylesheet without the GDS Transport typeface: the Design System allows
 * its styles on non-GOV.UK services such as a council intranet, but not its typeface, so the text
 * falls back to Arial (what GOV.UK Frontend itself recommends for such services) and no font
 * files are downloaded.
 */
export function withoutGdsTransport(css: string): string {
  return css.replace(/@font-face\{font-family:"?GDS Transport"?;[^}]*\}/g, '').replace(/"?GDS Transport"?,/g, '');
}
