/** Where a session's calendar file is served, relative to the bot's public address. */
export function sessionCalendarPath(sessionId: string): string {
  return `/training/sessions/${encodeURIComponent(sessionId)}.ics`;
}

/** The full "Add to calendar" link for a session, at the bot's public address. */
export function sessionCalendarUrl(publicBaseUrl: string, sessionId: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}${sessionCalendarPath(sessionId)}`;
}
