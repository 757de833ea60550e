import { renderView } from '../platform/http/pageViews';

/**
 * The /demo page: a stand-in for the Teams client with the walk-through beside it. The people and
 * their chats are filled in by demo.js from /demo/api.
 */
export function demoPage(options: { dashboardToken: string; pulseThreshold: number }): string {
  return renderView('demo/views/demo.njk', options);
}
