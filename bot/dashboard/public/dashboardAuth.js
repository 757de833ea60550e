/*
 * Signing the page in and reading the JSON routes. In Teams (?inTeams=1) it initialises Microsoft's
 * Teams library, follows the Teams theme, and sends a single sign-on token from
 * authentication.getAuthToken() with every request, which the server checks. In a browser it relies
 * on the session cookie from the admin-token sign-in. Either way the server decides who may see what.
 */
(function () {
  'use strict';

  const Dashboard = (window.Dashboard = window.Dashboard || {});
  /** How long to wait for Teams to answer before concluding the page is not in Teams. */
  const TEAMS_TIMEOUT_MS = 8000;

  /** A refusal or failure from the server, with the message the page shows. */
  class ApiError extends Error {
    constructor(status, error, message) {
      super(message);
      this.status = status;
      this.error = error;
    }
  }

  function withTimeout(promise, ms, what) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${what} did not answer`)), ms);
      promise.then(
        (value) => {
          clearTimeout(timer);
          resolve(value);
        },
        (err) => {
          clearTimeout(timer);
          reject(err);
        },
      );
    });
  }

  /** Connects to Teams: initialise, read the theme from the context, and follow theme changes. */
  async function connectToTeams() {
    const teams = window.microsoftTeams;
    if (!teams) throw new Error('the Teams library did not load');
    await withTimeout(teams.app.initialize(), TEAMS_TIMEOUT_MS, 'Microsoft Teams');
    const context = await withTimeout(teams.app.getContext(), TEAMS_TIMEOUT_MS, 'Microsoft Teams');
    Dashboard.theme.set(context && context.app ? context.app.theme : 'default');
    teams.app.registerOnThemeChangeHandler((theme) => Dashboard.theme.set(theme));
    return { authorization: async () => `Bearer ${await teams.authentication.getAuthToken()}` };
  }

  /**
   * Starts signing in the way the page was opened (`teams` or `browser`) and returns
   * `getJson(path)` and `postJson(path, body)`, which reject with an ApiError (carrying the answer's body) on any refusal.
   */
  async function start(mode, apiBase) {
    const teams = mode === 'teams' ? await connectToTeams() : undefined;
    /** Reads (GET) or, with a body, sends JSON (POST) to a dashboard route. */
    async function requestJson(path, body, extraHeaders) {
      const headers = { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(extraHeaders || {}) };
      if (teams) {
        try {
          headers.authorization = await teams.authorization();
        } catch (err) {
          throw new ApiError(401, 'TeamsSignInFailed', `Teams could not sign you in (${err && err.message ? err.message : err}). Reload the tab to try again.`);
        }
      }
      let response;
      try {
        const send = body === undefined ? {} : { method: 'POST', body: JSON.stringify(body) };
        response = await fetch(`${apiBase}${path}`, { headers, credentials: 'same-origin', cache: 'no-store', ...send });
      } catch {
        throw new ApiError(0, 'Offline', 'The dashboard could not reach the server. Check your connection; it will try again.');
      }
      const answer = await response.json().catch(() => ({}));
      if (!response.ok)
        throw Object.assign(new ApiError(response.status, answer.error || 'Error', answer.message || `The server answered ${response.status}.`), {
          body: answer,
        });
      return answer;
    }
    const getJson = (path) => requestJson(path);
    const postJson = (path, body, headers) => requestJson(path, body || {}, headers);
    return { getJson, postJson };
  }

  Dashboard.auth = { start, ApiError };
})();
