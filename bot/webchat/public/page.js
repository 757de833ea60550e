/*
 * Starts Web Chat on the chat page: gets a Direct Line token from the bot (with the intranet's
 * signed user token when the URL fragment carries one, else as the anonymous visitor this browser
 * session already is), then renders the official Web Chat client with GOV.UK colours.
 */
(function () {
  'use strict';

  var nonce = document.currentScript ? document.currentScript.nonce : undefined;
  var root = document.getElementById('webchat');
  var notice = document.getElementById('webchat-notice');
  var STORAGE_KEY = 'staffbot.webchat.anonymousUserId';
  if (!root) return;

  function showNotice(text) {
    notice.textContent = text;
    notice.hidden = false;
  }

  function fail(text) {
    root.innerHTML = '';
    var p = document.createElement('p');
    p.className = 'govuk-body';
    p.textContent = text;
    root.appendChild(p);
  }

  /** Takes the user token from the fragment and removes it from the address bar and history. */
  function takeUserToken() {
    var match = /(?:^#|&)userToken=([^&]+)/.exec(location.hash);
    if (!match) return undefined;
    history.replaceState(null, '', location.pathname + location.search);
    return decodeURIComponent(match[1]);
  }

  function keptAnonymousId() {
    try {
      return sessionStorage.getItem(STORAGE_KEY) || undefined;
    } catch (e) {
      return undefined;
    }
  }

  function keepAnonymousId(id) {
    try {
      sessionStorage.setItem(STORAGE_KEY, id);
    } catch (e) {
      /* Storage can be switched off; the visitor then gets a new id on each visit. */
    }
  }

  function requestToken(body) {
    return fetch(root.getAttribute('data-token-url'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
    }).then(function (response) {
      return response.json().then(
        function (json) {
          return { ok: response.ok, status: response.status, body: json };
        },
        function () {
          return { ok: false, status: response.status, body: {} };
        },
      );
    });
  }

  /** A JWT's lifetime in seconds (exp - iat, both the server's clock), or undefined for a token that is not one. */
  function tokenLifetime(token) {
    try {
      var payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      return typeof payload.exp === 'number' && typeof payload.iat === 'number' ? payload.exp - payload.iat : undefined;
    } catch (e) {
      return undefined;
    }
  }

  /**
   * Refreshes the conversation token at half its lifetime, whatever WEBCHAT_TOKEN_MINUTES is:
   * Web Chat itself only refreshes every 15 minutes, too late for shorter tokens.
   */
  function keepTokenFresh(directLine, domain) {
    var timer;
    function schedule(seconds) {
      clearTimeout(timer);
      timer = setTimeout(refresh, Math.max(5, seconds) * 1000);
    }
    function refresh() {
      fetch(domain + '/tokens/refresh', { method: 'POST', headers: { authorization: 'Bearer ' + directLine.token } })
        .then(function (response) {
          return response.ok ? response.json() : Promise.reject(response.status);
        })
        .then(function (body) {
          directLine.reconnect({ token: body.token, streamUrl: directLine.streamUrl });
          schedule(body.expires_in / 2);
        })
        .catch(function (status) {
          // A refused token or an ended conversation cannot be mended by retrying; a network blip can.
          if (status !== 403 && status !== 404) schedule(15);
        });
    }
    schedule((tokenLifetime(directLine.token) || 1800) / 2);
  }

  /** How long a message keeps being retried while the bot is away (a restart), before Web Chat may say it failed. */
  var SEND_PATIENCE_MS = 110000;

  /** The least of an Observable that Web Chat subscribes to: subscribe with an observer or callbacks, and unsubscribe. */
  function observable(produce) {
    return {
      subscribe: function (next, error, complete) {
        var observer = next && typeof next === 'object' ? next : { next: next, error: error, complete: complete };
        var closed = false;
        var teardown = produce({
          next: function (value) {
            if (!closed && observer.next) observer.next(value);
          },
          error: function (err) {
            if (closed) return;
            closed = true;
            if (observer.error) observer.error(err);
          },
          complete: function () {
            if (closed) return;
            closed = true;
            if (observer.complete) observer.complete();
          },
        });
        return {
          unsubscribe: function () {
            closed = true;
            if (teardown) teardown();
          },
        };
      },
    };
  }

  /** Says above the chat that the bot is away and the message waits; puts back whatever the notice said before. */
  function reconnectingNotice() {
    var before;
    return function (on) {
      if (on && !before) {
        before = { text: notice.textContent, hidden: notice.hidden };
        showNotice('Reconnecting\u2026 The chat lost touch with the bot (it may be restarting). Your message will be sent as soon as it is back.');
      } else if (!on && before) {
        notice.textContent = before.text;
        notice.hidden = before.hidden;
        before = undefined;
      }
    };
  }

  /**
   * Wraps the Direct Line connection so a message sent while the bot restarts is not lost: a post the
   * server cannot take (no connection, 5xx) is retried every second while the page says
   * "Reconnecting…", and Web Chat shows it as sending rather than "Send failed". Direct Line itself
   * answers such a post with "retry" and never sends it again.
   */
  function resilientDirectLine(directLine, interrupted) {
    var waiting = 0;
    function postActivity(activity) {
      return observable(function (observer) {
        var stopped = false;
        var counted = false;
        var started = Date.now();
        var inner;
        var timer;
        function settle() {
          if (counted) {
            counted = false;
            waiting -= 1;
            if (!waiting) interrupted(false);
          }
        }
        function retry() {
          if (stopped) return;
          if (!counted) {
            counted = true;
            waiting += 1;
          }
          interrupted(true);
          if (Date.now() - started > SEND_PATIENCE_MS) {
            settle();
            observer.next('retry');
            observer.complete();
            return;
          }
          timer = setTimeout(attempt, 1000);
        }
        function attempt() {
          inner = directLine.postActivity(activity).subscribe(
            function (id) {
              if (id === 'retry') return retry();
              settle();
              observer.next(id);
              observer.complete();
            },
            function (err) {
              // A refusal (4xx) is an answer, not an outage: pass it on at once.
              if (err && err.status >= 400 && err.status < 500) {
                settle();
                observer.error(err);
              } else retry();
            },
          );
        }
        attempt();
        return function () {
          stopped = true;
          settle();
          clearTimeout(timer);
          if (inner) inner.unsubscribe();
        };
      });
    }
    return {
      activity$: directLine.activity$,
      connectionStatus$: directLine.connectionStatus$,
      postActivity: postActivity,
      end: function () {
        directLine.end();
      },
      getSessionId: directLine.getSessionId ? directLine.getSessionId.bind(directLine) : undefined,
      referenceGrammarId: directLine.referenceGrammarId,
    };
  }

  var styleOptions = {
    accent: '#1d70b8',
    primaryFont: 'arial, sans-serif',
    monospaceFont: 'Consolas, "Courier New", monospace',
    fontSizeSmall: '87.5%',
    subtle: '#505a5f',
    timestampColor: '#505a5f',
    bubbleBackground: '#f3f2f1',
    bubbleBorderColor: '#b1b4b6',
    bubbleBorderRadius: 0,
    bubbleTextColor: '#0b0c0c',
    bubbleFromUserBackground: '#1d70b8',
    bubbleFromUserBorderColor: '#1d70b8',
    bubbleFromUserBorderRadius: 0,
    bubbleFromUserTextColor: '#ffffff',
    bubbleMaxWidth: 600,
    cardEmphasisBackgroundColor: '#f3f2f1',
    hideUploadButton: true,
    sendBoxButtonColor: '#0b0c0c',
    sendBoxButtonColorOnHover: '#1d70b8',
    sendBoxButtonColorOnFocus: '#0b0c0c',
    sendBoxBorderTop: 'solid 2px #0b0c0c',
    sendBoxTextColor: '#0b0c0c',
    sendBoxPlaceholderColor: '#505a5f',
    sendBoxHeight: 48,
    suggestedActionBackgroundColor: '#ffffff',
    suggestedActionBorderColor: '#1d70b8',
    suggestedActionTextColor: '#1d70b8',
    transcriptActivityVisualKeyboardIndicatorColor: '#0b0c0c',
    transcriptActivityVisualKeyboardIndicatorStyle: 'solid',
    transcriptActivityVisualKeyboardIndicatorWidth: 3,
    transcriptVisualKeyboardIndicatorColor: '#0b0c0c',
    transcriptVisualKeyboardIndicatorStyle: 'solid',
    transcriptVisualKeyboardIndicatorWidth: 3,
    rootHeight: '100%',
    rootWidth: '100%',
    // Web Chat says "Send failed" when a message is not confirmed in time; allow for a restart (see resilientDirectLine).
    sendTimeout: SEND_PATIENCE_MS + 10000,
  };

  function start() {
    var userToken = takeUserToken();
    var first = userToken ? requestToken({ userToken: userToken }) : Promise.resolve(undefined);
    return first
      .then(function (result) {
        if (result && result.ok) return result;
        if (result && result.body && result.body.error) showNotice(result.body.error.message);
        return requestToken({ userId: keptAnonymousId() });
      })
      .then(function (result) {
        if (!result.ok) {
          fail((result.body && result.body.error && result.body.error.message) || 'The chat could not start. Please reload the page.');
          return;
        }
        var given = result.body;
        if (!given.user.verified) keepAnonymousId(given.user.id);
        var domain = new URL(given.domain, location.href).href.replace(/\/$/, '');
        var directLine = window.WebChat.createDirectLine({ token: given.token, domain: domain, webSocket: true });
        var refreshing = false;
        directLine.connectionStatus$.subscribe(function (status) {
          // 2 is Online: the start has swapped the page's credential for the conversation's own token.
          if (status === 2 && !refreshing) {
            refreshing = true;
            keepTokenFresh(directLine, domain);
          }
        });
        root.innerHTML = '';
        window.WebChat.renderWebChat(
          {
            // No userID: Web Chat takes it from the token, where Direct Line binds it so it cannot be forged.
            directLine: resilientDirectLine(directLine, reconnectingNotice()),
            username: given.user.name,
            locale: 'en-GB',
            nonce: nonce,
            styleOptions: styleOptions,
          },
          root,
        );
        if (root.getAttribute('data-embedded') === 'true') {
          var input = root.querySelector('input, textarea');
          if (input) input.focus();
        }
      });
  }

  if (!window.WebChat || !window.fetch) {
    fail('The chat could not load in this browser. Try another browser, or ask your IT team.');
    return;
  }
  start().catch(function () {
    fail('The chat could not start. Check your connection and reload the page.');
  });
})();
