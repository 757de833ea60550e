import { escapeHtml } from '../platform/http/escapeHtml';

/**
 * The /demo page: a stand-in for the Teams client with the walk-through beside it. The people and
 * their chats are filled in by demo.js from /demo/api.
 */
export function demoPage(options: { dashboardToken: string; pulseThreshold: number }): string {
  const token = escapeHtml(options.dashboardToken);
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo: Teams stand-in — Children's Workforce Assistant</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/demo/assets/demo.css">
<script src="/demo/assets/adaptivecards.min.js" defer></script>
<script src="/demo/assets/demo.js" defer></script>
</head>
<body>
<header class="demo-header">
  <p class="demo-banner"><strong>Demo</strong>: a local stand-in for Microsoft Teams with simulated staff and a throwaway database. Nothing here reaches Teams or Azure.</p>
  <details class="demo-steps" open>
    <summary>Try the whole cycle</summary>
    <ol>
      <li>Pick <strong>Casey Comms</strong> and type <kbd>new briefing</kbd>. Fill in the form (audience: everyone, or a sector), preview it and send it.</li>
      <li>Pick anyone else: the briefing arrives in their chat. Press <strong>Got it</strong>.</li>
      <li>As Casey, type <kbd>status of</kbd> and the title to see who got it and who acknowledged it.</li>
      <li>As Casey, type <kbd>new pulse</kbd>, choose a template and send it. Answer it as at least ${options.pulseThreshold} people (the demo's anonymity threshold).</li>
      <li>Open the <a href="/dashboard" target="_blank" rel="noopener">dashboard</a>, sign in with <code id="dashboard-token">${token}</code>, and see the released results and the briefing's delivery.</li>
    </ol>
  </details>
</header>
<main class="demo-main">
  <nav class="demo-people" aria-labelledby="people-heading">
    <h2 id="people-heading">Simulated staff</h2>
    <ul id="people" class="demo-people-list"></ul>
  </nav>
  <section class="demo-chat" aria-labelledby="chat-heading">
    <h1 id="chat-heading">Choose someone</h1>
    <p id="chat-about" class="demo-about"></p>
    <ol id="messages" class="demo-messages" aria-live="polite"></ol>
    <form id="compose" class="demo-compose" hidden>
      <label for="compose-text">Message</label>
      <input id="compose-text" name="text" autocomplete="off" maxlength="4000">
      <button type="submit">Send</button>
    </form>
    <p id="problem" class="demo-problem" role="alert"></p>
  </section>
</main>
</body>
</html>`;
}
