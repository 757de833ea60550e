// How a team channel is named as an outbox recipient, beside the people a message goes to.

/** The outbox recipient standing for one team channel ("channel:<team>|<channel>"). */
export function channelRecipient(team: string, channel?: string): string {
  return `channel:${team}|${channel ?? team}`;
}

/** The team and channel of a channel recipient, or undefined for a person. */
export function channelOf(recipient: string): { team: string; channel: string } | undefined {
  if (!recipient.startsWith('channel:')) return undefined;
  const [team, channel] = recipient.slice('channel:'.length).split('|');
  return team && channel ? { team, channel } : undefined;
}
