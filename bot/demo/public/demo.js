// The /demo page: lists the simulated staff and shows the chosen person's personal chat, drawing
// the bot's cards with the Adaptive Cards renderer (as Teams does) and sending what they press back
// through the demo server, which plays Teams towards the bot.
'use strict';
(function () {
  var CARD = 'application/vnd.microsoft.card.adaptive';
  var peopleList = document.getElementById('people');
  var messages = document.getElementById('messages');
  var heading = document.getElementById('chat-heading');
  var about = document.getElementById('chat-about');
  var compose = document.getElementById('compose');
  var composeText = document.getElementById('compose-text');
  var problem = document.getElementById('problem');
  var current = null;
  var shownVersion = '';

  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // Teams renders a little Markdown in cards: bold, italics, links and line breaks.
  function markdown(text) {
    return escapeHtml(text)
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[^*])\*([^*\n]+)\*/g, '$1<em>$2</em>')
      .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noopener">$1</a>')
      .replace(/\n/g, '<br>');
  }

  AdaptiveCards.AdaptiveCard.onProcessMarkdown = function (text, result) {
    result.outputHtml = markdown(text);
    result.didProcess = true;
  };

  function api(path, body) {
    var init = body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {};
    return fetch('/demo/api' + path, init).then(function (res) {
      return res.json().then(function (json) {
        if (!res.ok) throw new Error((json && json.problem) || (json && json.message) || 'HTTP ' + res.status);
        return json;
      });
    });
  }

  function act(action) {
    problem.textContent = '';
    return api('/people/' + encodeURIComponent(current.userId) + '/actions', action)
      .catch(function (err) {
        problem.textContent = 'The bot did not take that: ' + err.message;
      })
      .then(refreshChat);
  }

  function renderCard(item, content) {
    var card = new AdaptiveCards.AdaptiveCard();
    card.parse(content);
    card.onExecuteAction = function (action) {
      var type = action.getJsonTypeName();
      if (type === 'Action.OpenUrl') {
        window.open(action.url, '_blank', 'noopener');
      } else if (type === 'Action.Execute') {
        act({ kind: 'execute', verb: action.verb, data: action.data, replyToId: item.id });
      } else if (type === 'Action.Submit') {
        act({ kind: 'submit', data: action.data, replyToId: item.id });
      }
    };
    return card.render();
  }

  function renderItem(item) {
    var li = document.createElement('li');
    li.className = 'demo-message demo-from-' + item.from;
    li.dataset.activityId = item.id;
    var who = document.createElement('p');
    who.className = 'demo-who';
    who.textContent = item.from === 'person' ? current.name : item.from === 'dialog' ? 'Dialog: ' + (item.title || '') : 'Bot';
    if (item.edited) who.textContent += ' (edited)';
    li.appendChild(who);
    if (item.deleted) {
      var gone = document.createElement('p');
      gone.textContent = 'This message has been deleted.';
      li.appendChild(gone);
      return li;
    }
    if (item.text) {
      var text = document.createElement('div');
      text.className = 'demo-text';
      text.innerHTML = markdown(item.text);
      li.appendChild(text);
    }
    (item.attachments || []).forEach(function (attachment) {
      if (attachment.contentType === CARD) {
        var rendered = renderCard(item, attachment.content);
        if (rendered) li.appendChild(rendered);
      } else if (attachment.contentUrl) {
        var link = document.createElement('a');
        link.href = attachment.contentUrl;
        link.textContent = attachment.name || 'Attachment';
        li.appendChild(link);
      }
    });
    return li;
  }

  function refreshChat() {
    if (!current) return Promise.resolve();
    var person = current;
    return api('/people/' + encodeURIComponent(person.userId) + '/chat').then(function (items) {
      var version = JSON.stringify(items);
      if (person !== current || version === shownVersion) return;
      shownVersion = version;
      messages.replaceChildren.apply(messages, items.map(renderItem));
      messages.scrollTop = messages.scrollHeight;
    });
  }

  function choose(person) {
    current = person;
    shownVersion = '';
    heading.textContent = person.name;
    about.textContent = [person.role, person.sector, person.locality].filter(Boolean).join(' · ');
    compose.hidden = false;
    problem.textContent = '';
    messages.replaceChildren();
    Array.prototype.forEach.call(peopleList.querySelectorAll('button'), function (b) {
      b.setAttribute('aria-pressed', String(b.dataset.userId === person.userId));
    });
    refreshChat();
    composeText.focus();
  }

  function refreshPeople() {
    return api('/people').then(function (people) {
      people.forEach(function (person) {
        var button = peopleList.querySelector('button[data-user-id="' + CSS.escape(person.userId) + '"]');
        if (!button) {
          var li = document.createElement('li');
          button = document.createElement('button');
          button.type = 'button';
          button.dataset.userId = person.userId;
          button.setAttribute('aria-pressed', 'false');
          li.appendChild(button);
          peopleList.appendChild(li);
        }
        button.onclick = function () {
          choose(person);
        };
        var label = person.name + ' — ' + [person.role, person.locality].filter(Boolean).join(', ');
        var count = person.fromBot ? ' (' + person.fromBot + ' from the bot)' : '';
        if (button.textContent !== label + count) button.textContent = label + count;
        if (current && current.userId === person.userId) current = person;
      });
    });
  }

  compose.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = composeText.value.trim();
    if (!text || !current) return;
    composeText.value = '';
    act({ kind: 'text', text: text });
  });

  refreshPeople();
  // Proactive messages (briefings, pulses, reminders) arrive whenever the delivery engine sends them.
  setInterval(function () {
    refreshPeople();
    refreshChat();
  }, 1500);
})();
