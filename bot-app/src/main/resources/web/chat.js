// RetainBot web chat: sends what the visitor types or presses as events, and polls for the bot's messages.
(function () {
  "use strict";
  var log = document.getElementById("log");
  var form = document.getElementById("composer");
  var input = document.getElementById("input");
  var statusLine = document.getElementById("status");
  var lastId = 0;
  var polling = false;
  var pollDelay = 1000;
  var bubbles = {};
  var labels = document.body.dataset;
  var language = (navigator.languages && navigator.languages[0]) || navigator.language || "";

  function newEventId() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
  }

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function addBubble(kind, text) {
    var item = document.createElement("li");
    item.className = "msg msg--" + kind;
    item.textContent = text;
    log.appendChild(item);
    scrollDown();
    return item;
  }

  function renderButtons(item, rows) {
    if (!rows || rows.length === 0) { return; }
    var box = document.createElement("div");
    box.className = "buttons";
    rows.forEach(function (row) {
      var line = document.createElement("div");
      line.className = "buttons__row";
      row.forEach(function (button) {
        var element = document.createElement("button");
        element.type = "button";
        element.textContent = button.label;
        element.addEventListener("click", function () {
          addBubble("me", button.label);
          send({ type: "button", data: button.data, messageId: String(item.dataset.id || "") });
        });
        line.appendChild(element);
      });
      box.appendChild(line);
    });
    item.appendChild(box);
  }

  function showMessage(message) {
    var target = message.editOf ? bubbles[message.editOf] : null;
    var item = target || addBubble("bot", "");
    item.textContent = message.text;
    item.dataset.id = message.editOf || message.id;
    renderButtons(item, message.buttons);
    if (!target) { bubbles[message.id] = item; }
    scrollDown();
  }

  function send(event, attempt) {
    event.id = event.id || newEventId();
    event.language = language;
    attempt = attempt || 0;
    return fetch("/chat/api/events", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify(event)
    }).then(function (response) {
      if (response.status >= 500 && attempt < 5) {
        return new Promise(function (resolve) { setTimeout(resolve, 1000 * (attempt + 1)); })
          .then(function () { return send(event, attempt + 1); });
      }
      if (!response.ok) {
        return response.json().then(function (body) { throw new Error(body.error || response.statusText); });
      }
      pollSoon();
      return response;
    }).catch(function (error) {
      if (attempt < 5 && error instanceof TypeError) {
        return new Promise(function (resolve) { setTimeout(resolve, 1000 * (attempt + 1)); })
          .then(function () { return send(event, attempt + 1); });
      }
      addBubble("error", labels.sendFailed);
    });
  }

  function poll() {
    if (polling) { return; }
    polling = true;
    fetch("/chat/api/messages?after=" + lastId, { credentials: "same-origin" })
      .then(function (response) { if (!response.ok) { throw new Error(response.statusText); } return response.json(); })
      .then(function (body) {
        statusLine.textContent = labels.online;
        body.messages.forEach(function (message) { lastId = Math.max(lastId, message.id); showMessage(message); });
        pollDelay = body.messages.length > 0 ? 300 : Math.min(pollDelay * 1.5, 3000);
      })
      .catch(function () { statusLine.textContent = labels.reconnecting; pollDelay = 3000; })
      .then(function () { polling = false; setTimeout(poll, pollDelay); });
  }

  function pollSoon() { pollDelay = 150; setTimeout(poll, 150); }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    if (text.trim() === "") { input.focus(); return; }
    input.value = "";
    addBubble("me", text);
    send(text.charAt(0) === "/" ? { type: "command", text: text } : { type: "text", text: text });
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit"));
    }
  });

  fetch("/chat/api/messages?after=0", { credentials: "same-origin" })
    .then(function (response) { return response.json(); })
    .then(function (body) {
      body.messages.forEach(function (message) { lastId = Math.max(lastId, message.id); showMessage(message); });
      if (body.messages.length === 0) { send({ type: "start" }); }
      statusLine.textContent = labels.online;
    })
    .catch(function () { statusLine.textContent = labels.reconnecting; })
    .then(function () { setTimeout(poll, 1000); });
})();
