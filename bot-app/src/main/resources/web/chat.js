// RetainBot web chat: opens a session, sends what the visitor types, presses or uploads as events, and
// polls the transcript (both sides) that the server keeps, in the conversation's language.
(function () {
  "use strict";
  var MAX_FILE_BYTES = 10 * 1024 * 1024;
  var REFERENCE = /\bC-\d+\b/g;
  var embedded = document.body.classList.contains("embedded");
  var log = document.getElementById("log");
  var form = document.getElementById("composer");
  var input = document.getElementById("input");
  var fileInput = document.getElementById("file");
  var statusLine = document.getElementById("status");
  var languagePicker = document.getElementById("language");
  var data = document.body.dataset;
  var labels = { online: data.online, reconnecting: data.reconnecting, sendFailed: data.sendFailed };
  // the browser's languages in its order (as many as fit the event's 35 characters): the server speaks the
  // first one it knows, so a browser asking for French, then Korean, gets Korean
  var browserLanguage = (navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""])
    .reduce(function (kept, tag) {
      var longer = kept === "" ? tag : kept + "," + tag;
      return longer.length <= 35 ? longer : kept;
    }, "");
  // the visitor's own time zone (IANA name), so a new customer reads promised times in it
  var browserZone = "";
  try { browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (ignored) { browserZone = ""; }
  var lastId = 0;
  var polling = false;
  var pollTimer = null;
  var pollDelay = 1000;
  var lines = {};
  var pending = {};
  var reopened = false;

  function newId() {
    if (window.crypto && crypto.randomUUID) { return crypto.randomUUID(); }
    return Date.now().toString(36) + "-" + Math.random().toString(36).slice(2);
  }

  // An answer, with the error to show the visitor: the chat's own refusals come in their language (they carry
  // Content-Language); any other error (a proxy's, a developer's message) is worded by the page itself.
  function request(path, options) {
    var settings = Object.assign({ credentials: "same-origin" }, options || {});
    return fetch(path, settings).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        var polite = response.headers.get("Content-Language") ? body.error : "";
        return { status: response.status, ok: response.ok, body: body, error: polite || labels.sendFailed };
      });
    });
  }

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  // Text with references such as C-1004 kept whole on one line.
  function renderText(box, text) {
    box.textContent = "";
    var at = 0;
    String(text).replace(REFERENCE, function (match, offset) {
      box.appendChild(document.createTextNode(text.slice(at, offset)));
      var reference = document.createElement("span");
      reference.className = "ref";
      reference.textContent = match;
      box.appendChild(reference);
      at = offset + match.length;
      return match;
    });
    box.appendChild(document.createTextNode(text.slice(at)));
  }

  function bubble(kind) {
    var item = document.createElement("li");
    item.className = "msg msg--" + kind;
    var text = document.createElement("div");
    text.className = "msg__text";
    item.appendChild(text);
    log.appendChild(item);
    return item;
  }

  function setText(item, text) { renderText(item.querySelector(".msg__text"), text || ""); }

  function renderFile(item, file) {
    var old = item.querySelector(".msg__attachment");
    if (old) { old.remove(); }
    if (!file) { return; }
    var link = document.createElement("a");
    link.className = "msg__attachment";
    link.href = file.url;
    link.target = "_blank";
    link.rel = "noopener";
    if (file.image) {
      var image = document.createElement("img");
      image.className = "msg__image";
      image.src = file.url;
      image.alt = file.name || "";
      image.addEventListener("load", scrollDown);
      link.appendChild(image);
    } else {
      link.classList.add("msg__file");
      link.textContent = "PDF · " + (file.name || "document.pdf");
    }
    item.appendChild(link);
  }

  function renderButtons(item, rows) {
    var old = item.querySelector(".buttons");
    if (old) { old.remove(); }
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
          if (element.disabled) { return; }
          var eventId = newId();
          disableButtons(item);
          pendingBubble(eventId, button.label);
          send({ id: eventId, type: "button", data: button.data, messageId: String(item.dataset.id || "") });
        });
        line.appendChild(element);
      });
      box.appendChild(line);
    });
    item.appendChild(box);
  }

  function disableButtons(item) {
    item.querySelectorAll(".buttons button").forEach(function (button) { button.disabled = true; });
  }

  // Buttons belong to the step they were sent in: once the visitor has said or pressed anything after
  // them, they are answered or out of date, and only the bot's messages since then keep theirs.
  function refreshButtons() {
    var items = log.querySelectorAll("li.msg--bot, li.msg--me");
    var stale = false;
    for (var i = items.length - 1; i >= 0; i--) {
      if (items[i].classList.contains("msg--me")) { stale = true; continue; }
      var answered = stale;
      items[i].querySelectorAll(".buttons button").forEach(function (button) { button.disabled = answered; });
    }
  }

  function pendingBubble(eventId, text, file) {
    var item = bubble("me");
    item.classList.add("msg--pending");
    setText(item, text);
    if (file) { renderFile(item, file); }
    pending[eventId] = item;
    refreshButtons();
    scrollDown();
    return item;
  }

  function showLine(line) {
    lastId = Math.max(lastId, line.id);
    if (line.from === "me") {
      var mine = (line.eventId && pending[line.eventId]) || lines[line.id] || bubble("me");
      delete pending[line.eventId];
      mine.classList.remove("msg--pending");
      mine.dataset.id = line.id;
      setText(mine, line.text);
      renderFile(mine, line.file);
      lines[line.id] = mine;
      log.appendChild(mine);
      return;
    }
    var target = line.editOf ? lines[line.editOf] : lines[line.id];
    var item = target || bubble("bot");
    item.dataset.id = line.editOf || line.id;
    setText(item, line.text);
    if (!line.editOf) { renderFile(item, line.file); }
    renderButtons(item, line.buttons);
    lines[line.id] = item;
  }

  // The language picker: each language in its own name, the conversation's language selected; choosing one
  // switches the conversation as /language would (the bot confirms in the new language, the customer keeps it).
  function fillLanguagePicker() {
    (data.languages || "").split("|").forEach(function (choice) {
      var colon = choice.indexOf(":");
      if (colon < 0) { return; }
      var option = document.createElement("option");
      option.value = choice.slice(0, colon);
      option.textContent = choice.slice(colon + 1);
      option.lang = option.value;
      languagePicker.appendChild(option);
    });
    languagePicker.value = languagePicker.dataset.current;
    languagePicker.addEventListener("change", function () {
      send({ type: "button", data: "lang:" + languagePicker.value, messageId: "" });
    });
  }

  function applyLanguage(language, newLabels) {
    if (!newLabels) { return; }
    labels = newLabels;
    if (languagePicker.value !== language && document.activeElement !== languagePicker) { languagePicker.value = language; }
    if (document.documentElement.lang === language) { return; }
    document.documentElement.lang = language;
    document.title = newLabels.title;
    document.getElementById("title").textContent = newLabels.title;
    input.placeholder = newLabels.placeholder;
    document.getElementById("input-label").textContent = newLabels.placeholder;
    document.getElementById("send").textContent = newLabels.send;
    document.getElementById("attach").title = newLabels.attach;
    document.getElementById("attach-text").textContent = newLabels.attach;
    languagePicker.title = newLabels.language;
    document.getElementById("language-label").textContent = newLabels.language;
  }

  function showError(text) {
    var item = bubble("error");
    setText(item, text || labels.sendFailed);
    item.setAttribute("role", "alert");
    scrollDown();
  }

  function dropPending(eventId) {
    var item = pending[eventId];
    if (item) { item.remove(); delete pending[eventId]; }
    refreshButtons();
  }

  function retryLater(attempt, again) {
    return new Promise(function (resolve) { setTimeout(resolve, 1000 * (attempt + 1)); }).then(again);
  }

  // Sends one event; a network failure or a server error is retried with the same id, so it counts once.
  function send(event, attempt) {
    event.id = event.id || newId();
    event.language = browserLanguage;
    event.zone = browserZone;
    attempt = attempt || 0;
    return request("/chat/api/events", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(event)
    }).then(function (answer) {
      if (answer.status >= 500 && attempt < 5) { return retryLater(attempt, function () { return send(event, attempt + 1); }); }
      if (answer.status === 401 && !reopened) {
        reopened = true;
        return openSession().then(function () { return send(event, attempt + 1); });
      }
      if (!answer.ok) { dropPending(event.id); showError(answer.error); return; }
      pollSoon();
    }, function () {
      if (attempt < 5) { return retryLater(attempt, function () { return send(event, attempt + 1); }); }
      dropPending(event.id);
      showError(labels.sendFailed);
    });
  }

  function upload(file) {
    var id = newId();
    if (file.size > MAX_FILE_BYTES && labels.fileTooLarge) { showError(labels.fileTooLarge); return Promise.resolve(); }
    var preview = file.type.indexOf("image/") === 0 && window.URL ? { url: URL.createObjectURL(file), name: file.name, image: true }
      : { url: "#", name: file.name, image: false };
    pendingBubble(id, "", preview);
    var query = "?id=" + encodeURIComponent(id) + "&name=" + encodeURIComponent(file.name)
      + "&language=" + encodeURIComponent(browserLanguage);
    return request("/chat/api/files" + query, {
      method: "POST",
      headers: { "Content-Type": file.type || "application/octet-stream" },
      body: file
    }).then(function (answer) {
      if (!answer.ok) { dropPending(id); showError(answer.error); return; }
      pollSoon();
    }, function () { dropPending(id); showError(labels.sendFailed); });
  }

  function receive(body) {
    applyLanguage(body.language, body.labels);
    body.messages.forEach(showLine);
    if (body.messages.length > 0) { refreshButtons(); scrollDown(); }
    statusLine.textContent = labels.online;
    return body;
  }

  function poll() {
    if (polling) { return; }
    polling = true;
    request("/chat/api/messages?after=" + lastId)
      .then(function (answer) {
        if (answer.status === 401 && !reopened) { reopened = true; return openSession(); }
        if (!answer.ok) { throw new Error(answer.body.error || String(answer.status)); }
        receive(answer.body);
        pollDelay = answer.body.more ? 0 : (answer.body.messages.length > 0 ? 300 : Math.min(pollDelay * 1.5, 3000));
      })
      .catch(function () { statusLine.textContent = labels.reconnecting; pollDelay = 3000; })
      .then(function () { polling = false; schedule(pollDelay); });
  }

  function schedule(delay) {
    clearTimeout(pollTimer);
    pollTimer = setTimeout(poll, delay);
  }

  function pollSoon() { pollDelay = 150; schedule(150); }

  function openSession() {
    return request("/chat/api/session" + (embedded ? "?embed=1" : ""), { method: "POST" }).then(function (answer) {
      if (!answer.ok) {
        statusLine.textContent = labels.reconnecting;
        showError(answer.error);
        throw new Error("no session");
      }
      return answer;
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    if (text.trim() === "") { input.focus(); return; }
    input.value = "";
    grow();
    var id = newId();
    pendingBubble(id, text);
    send(text.charAt(0) === "/" ? { id: id, type: "command", text: text } : { id: id, type: "text", text: text });
  });

  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (form.requestSubmit) { form.requestSubmit(); } else { form.dispatchEvent(new Event("submit")); }
    }
  });

  function grow() {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight + 2, 160) + "px";
  }
  input.addEventListener("input", grow);

  fileInput.addEventListener("change", function () {
    var files = Array.prototype.slice.call(fileInput.files || []);
    fileInput.value = "";
    files.reduce(function (previous, file) { return previous.then(function () { return upload(file); }); }, Promise.resolve());
  });

  fillLanguagePicker();
  openSession()
    .then(function () { return request("/chat/api/messages?after=0"); })
    .then(function (answer) {
      if (!answer.ok) { throw new Error(answer.body.error || String(answer.status)); }
      receive(answer.body);
      if (answer.body.messages.length === 0) { send({ type: "start" }); }
    })
    .catch(function () { if (statusLine.textContent === "") { statusLine.textContent = labels.reconnecting; } })
    .then(function () { schedule(1000); });
})();
