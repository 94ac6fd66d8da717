/*
 * DMHC Help Center chat widget: plain JavaScript, no framework.
 *
 * Embed it in any page with one tag:
 *   <script src="https://example.org/static/widget.js" data-server="https://rasa.example.org"
 *           data-help-phone="1-888-466-2219" defer></script>
 * data-server    the Rasa server (its socketio channel must allow this page's origin)
 * data-help-phone the Help Center number shown when the server cannot be reached
 * data-path      Socket.IO path on the server (default /socket.io)
 * It loads widget.css and vendor/socket.io.min.js (socket.io-client 4.x) from its own folder.
 *
 * Talks to Rasa's socketio channel: session_request/session_confirm, user_uttered/bot_uttered.
 * The session id and the transcript are kept in sessionStorage, so a reload in the same tab
 * goes on with the same conversation. Message text is only ever inserted as text.
 *
 * Language: the channel (bot/channels/socketio.py) puts the conversation's language, "en" or
 * "es", on each bot message it sends. The widget's own texts (button, labels, notices) follow
 * it, the widget's root carries it as `lang`, and so does each bot message (for screen readers).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || window.__dmhcChatWidget) return;
  window.__dmhcChatWidget = true;

  var BASE = new URL(".", script.src).href;
  var SERVER = script.getAttribute("data-server") || window.location.origin;
  var PHONE = script.getAttribute("data-help-phone") || "";
  var PATH = script.getAttribute("data-path") || "/socket.io";
  var STORE = "dmhcChat:" + SERVER + ":";
  var MAX_CHARS = 2000;       // bot/message_guard.py MAX_MESSAGE_CHARS
  var MAX_STORED = 200;       // transcript entries kept for reloads
  var MAX_CHART_CHARS = 20000; // an IMR chart is about 4,000 characters
  var TYPING_TIMEOUT_MS = 45000;
  var ID = "dmhc-chat";

  // The widget's own texts, in the assistant's two languages ("usted" Spanish).
  var TEXTS = {
    en: {
      launcher: "Chat with us",
      title: "DMHC Help Center assistant",
      close: "Close chat",
      intro: "I'm an automated assistant, not a person. Ask me about a denied treatment, a bill, " +
        "or how to file a complaint. Please don't type your name, member number or medical " +
        "details.",
      log: "Conversation",
      label: "Your message",
      placeholder: "Type your question",
      send: "Send",
      choices: "Suggested answers",
      userSaid: "You said: ",
      botSaid: "Assistant: ",
      typing: "The assistant is typing",
      newTab: " (opens in a new tab)",
      newConversation: "A new conversation has started.",
      offline: "Sorry, I can't reach the assistant right now. I'll keep trying. For help now, " +
        "call the DMHC Help Center",
      offlineAt: " at "
    },
    es: {
      launcher: "Chatear con nosotros",
      title: "Asistente del Centro de Ayuda del DMHC",
      close: "Cerrar el chat",
      intro: "Soy un asistente automático, no una persona. Pregúnteme sobre un tratamiento " +
        "negado, una factura o cómo presentar una queja. Por favor, no escriba su nombre, su " +
        "número de miembro ni detalles médicos.",
      log: "Conversación",
      label: "Su mensaje",
      placeholder: "Escriba su pregunta",
      send: "Enviar",
      choices: "Respuestas sugeridas",
      userSaid: "Usted dijo: ",
      botSaid: "Asistente: ",
      typing: "El asistente está escribiendo",
      newTab: " (se abre en una pestaña nueva)",
      newConversation: "Comenzó una conversación nueva.",
      offline: "Lo siento, no puedo comunicarme con el asistente en este momento. Seguiré " +
        "intentando. Para recibir ayuda ahora, llame al Centro de Ayuda del DMHC",
      offlineAt: " al "
    }
  };

  function known(lang) {
    return lang === "en" || lang === "es";
  }

  // ---- storage (sessionStorage may be unavailable: then nothing survives a reload) ----
  function load(key, fallback) {
    try {
      var value = window.sessionStorage.getItem(STORE + key);
      return value === null ? fallback : JSON.parse(value);
    } catch (e) {
      return fallback;
    }
  }
  function save(key, value) {
    try {
      window.sessionStorage.setItem(STORE + key, JSON.stringify(value));
    } catch (e) { /* storage full or disabled */ }
  }

  // ---- DOM helpers: text goes in as text nodes, never as HTML ----
  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Links: http(s) URLs, www.* hosts and bare *.gov hosts; phone numbers like 1-888-466-2219.
  var LINKS = new RegExp(
    "(https?:\\/\\/[^\\s<>\"']+" +
    "|\\bwww\\.(?:[a-z0-9-]+\\.)+[a-z]{2,}(?:\\/[^\\s<>\"']*)?" +
    "|\\b(?:[a-z0-9-]+\\.)+gov\\b(?:\\/[^\\s<>\"']*)?)" +
    "|(\\b1-\\d{3}-\\d{3}-\\d{4}\\b)", "gi");
  var TRAILING = /[.,;:!?)\]]+$/;

  function appendLinked(parent, text, lang) {
    var last = 0;
    text.replace(LINKS, function (match, url, phone, offset) {
      var shown = match;
      var tail = "";
      if (url) {
        tail = (shown.match(TRAILING) || [""])[0];
        shown = shown.slice(0, shown.length - tail.length);
      }
      parent.appendChild(document.createTextNode(text.slice(last, offset)));
      parent.appendChild(url ? webLink(shown, lang) : phoneLink(shown));
      last = offset + shown.length;
      return match;
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function webLink(shown, lang) {
    var a = el("a", { rel: "noopener noreferrer", target: "_blank" }, shown);
    a.href = /^https?:\/\//i.test(shown) ? shown : "https://" + shown;
    a.appendChild(el("span", { "class": "dmhc-chat__sr" }, wording("newTab", lang)));
    return a;
  }

  function phoneLink(number) {
    var a = el("a", {}, number);
    a.href = "tel:+" + number.replace(/\D/g, "");
    return a;
  }

  // ---- state ----
  var transcript = load("transcript", []);
  if (!Array.isArray(transcript)) transcript = [];
  var sessionId = load("session", null);
  var socket = null;
  var confirmed = false;
  var pending = [];
  var typingTimer = null;
  var language = load("language", "en");
  if (!known(language)) language = "en";

  function wording(key, lang) {
    return TEXTS[known(lang) ? lang : language][key];
  }

  // ---- the widget's elements ----
  var root = el("div", { "class": "dmhc-chat", id: ID });
  var launcher = el("button", {
    type: "button", "class": "dmhc-chat__launcher",
    "aria-expanded": "false", "aria-controls": ID + "-panel"
  });
  var panel = el("section", {
    "class": "dmhc-chat__panel", id: ID + "-panel", role: "dialog",
    "aria-labelledby": ID + "-title", "aria-describedby": ID + "-intro"
  });
  panel.hidden = true;

  var header = el("div", { "class": "dmhc-chat__header" });
  var title = el("h2", { "class": "dmhc-chat__title", id: ID + "-title" });
  header.appendChild(title);
  var closeButton = el("button", { type: "button", "class": "dmhc-chat__close" });
  closeButton.appendChild(el("span", { "aria-hidden": "true" }, "\u00d7"));
  header.appendChild(closeButton);

  var intro = el("p", { "class": "dmhc-chat__intro", id: ID + "-intro" });
  var notice = el("div", { "class": "dmhc-chat__notice", role: "alert" });
  var log = el("div", {
    "class": "dmhc-chat__log", role: "log", "aria-live": "polite", tabindex: "0"
  });
  var typing = el("div", { "class": "dmhc-chat__typing", role: "status" });

  var form = el("form", { "class": "dmhc-chat__form" });
  form.setAttribute("novalidate", "");
  var label = el("label", { "for": ID + "-input", "class": "dmhc-chat__sr" });
  var input = el("input", {
    type: "text", id: ID + "-input", "class": "dmhc-chat__input", autocomplete: "off",
    maxlength: String(MAX_CHARS)
  });
  var sendButton = el("button", { type: "submit", "class": "dmhc-chat__send" });
  form.appendChild(label);
  form.appendChild(input);
  form.appendChild(sendButton);

  panel.appendChild(header);
  panel.appendChild(intro);
  panel.appendChild(notice);
  panel.appendChild(log);
  panel.appendChild(typing);
  panel.appendChild(form);
  root.appendChild(launcher);
  root.appendChild(panel);

  // ---- language: the widget's own texts, and `lang` for screen readers ----
  function setLanguage(lang) {
    if (!known(lang)) return;
    language = lang;
    save("language", lang);
    root.setAttribute("lang", lang);
    launcher.textContent = wording("launcher");
    title.textContent = wording("title");
    closeButton.setAttribute("aria-label", wording("close"));
    intro.textContent = wording("intro");
    log.setAttribute("aria-label", wording("log"));
    label.textContent = wording("label");
    input.setAttribute("placeholder", wording("placeholder"));
    sendButton.textContent = wording("send");
    var sr = typing.querySelector(".dmhc-chat__sr");
    if (sr) sr.textContent = wording("typing");
    if (notice.firstChild) fillNotice();
  }
  setLanguage(language);

  // ---- transcript ----
  function cleanButtons(list) {
    if (!Array.isArray(list)) return [];
    return list.filter(function (b) { return b && (b.title || b.payload); }).map(function (b) {
      var title = String(b.title || b.payload);
      return { title: title, payload: String(b.payload || title) };
    });
  }

  // Bot and info messages carry the language they are in; what the person typed is in theirs,
  // which the widget does not know: only the screen-reader prefix says "You said" in a language.
  function render(entry) {
    var lang = known(entry.lang) ? entry.lang : language;
    var item = el("div", { "class": "dmhc-chat__msg dmhc-chat__msg--" + entry.from });
    if (entry.from !== "user") item.setAttribute("lang", lang);
    var who = { user: wording("userSaid", lang), bot: wording("botSaid", lang) }[entry.from];
    if (who) item.appendChild(el("span", { "class": "dmhc-chat__sr", lang: lang }, who));
    if (entry.chart) {
      item.appendChild(chartFigure(entry.chart));
    } else {
      var body = el("p", { "class": "dmhc-chat__text" });
      if (entry.from === "bot") appendLinked(body, entry.text, lang);
      else body.textContent = entry.text;
      item.appendChild(body);
    }
    if (entry.buttons && entry.buttons.length) {
      var group = el("div", {
        "class": "dmhc-chat__choices", role: "group", "aria-label": wording("choices", lang)
      });
      entry.buttons.forEach(function (b) {
        var button = el("button", { type: "button", "class": "dmhc-chat__choice" }, b.title);
        button.addEventListener("click", function () { send(b.payload, b.title); });
        group.appendChild(button);
      });
      item.appendChild(group);
    }
    log.appendChild(item);
  }

  // The IMR chart: an SVG the bot drew, shown as an image (nothing in it can run), with its
  // text alternative as alt text for screen readers and its title as a visible caption.
  function cleanChart(chart) {
    if (!chart || typeof chart.svg !== "string" || chart.svg.indexOf("<svg") !== 0) return null;
    if (chart.svg.length > MAX_CHART_CHARS) return null;
    return { svg: chart.svg, alt: String(chart.alt || ""), title: String(chart.title || "") };
  }

  function chartFigure(chart) {
    var figure = el("figure", { "class": "dmhc-chat__chart" });
    figure.appendChild(el("img", {
      src: "data:image/svg+xml;charset=utf-8," + encodeURIComponent(chart.svg),
      alt: chart.alt, width: "320", height: "180"
    }));
    if (chart.title) figure.appendChild(el("figcaption", {}, chart.title));
    return figure;
  }

  function add(entry) {
    transcript.push(entry);
    if (transcript.length > MAX_STORED) transcript = transcript.slice(-MAX_STORED);
    save("transcript", transcript);
    render(entry);
    log.scrollTop = log.scrollHeight;
  }

  // Buttons only make sense until the person answers: drop the old ones.
  function dropButtons() {
    transcript.forEach(function (entry) { delete entry.buttons; });
    Array.prototype.forEach.call(log.querySelectorAll(".dmhc-chat__choices"), function (group) {
      group.parentNode.removeChild(group);
    });
  }

  // ---- typing indicator and connection notice ----
  function setTyping(on) {
    clearTimeout(typingTimer);
    typing.textContent = "";
    if (!on) return;
    typing.appendChild(el("span", { "class": "dmhc-chat__dots", "aria-hidden": "true" }));
    typing.appendChild(el("span", { "class": "dmhc-chat__sr" }, wording("typing")));
    typingTimer = setTimeout(function () { setTyping(false); }, TYPING_TIMEOUT_MS);
  }

  function showNotice() {
    if (notice.firstChild) return;
    fillNotice();
    setTyping(false);
  }

  function fillNotice() {
    notice.textContent = "";
    notice.appendChild(document.createTextNode(
      wording("offline") + (PHONE ? wording("offlineAt") : ".")));
    if (PHONE) {
      notice.appendChild(phoneLink(PHONE));
      notice.appendChild(document.createTextNode("."));
    }
  }

  function hideNotice() {
    notice.textContent = "";
  }

  // ---- Socket.IO ----
  function withSocketIo(callback) {
    var previous = window.io;
    var tag = document.createElement("script");
    tag.src = BASE + "vendor/socket.io.min.js";
    tag.onload = function () {
      var ours = window.io;
      if (previous !== undefined) window.io = previous;  // leave the page's own copy alone
      callback(ours);
    };
    tag.onerror = function () {
      socket = null;  // try again next time the panel opens
      showNotice();
    };
    document.head.appendChild(tag);
  }

  function connect() {
    if (socket) return;
    socket = true;  // loading
    withSocketIo(function (io) {
      socket = io(SERVER, { path: PATH, reconnection: true, reconnectionDelay: 1000,
                            reconnectionDelayMax: 5000 });
      socket.on("connect", function () {
        hideNotice();
        socket.emit("session_request", { session_id: sessionId });
      });
      socket.on("session_confirm", function (id) {
        if (typeof id !== "string") return;
        // Each resume hands out the next id of the same conversation (its part before the first
        // "."); only a different conversation is news to the person.
        if (sessionId && conversationOf(id) !== conversationOf(sessionId) && transcript.length) {
          add({ from: "info", text: wording("newConversation"), lang: language });
        }
        sessionId = id;
        save("session", id);
        confirmed = true;
        var waiting = pending;
        pending = [];
        waiting.forEach(emit);
      });
      socket.on("bot_uttered", receive);
      socket.on("disconnect", function (reason) {
        confirmed = false;
        if (reason !== "io client disconnect") showNotice();
      });
      socket.on("connect_error", function () {
        confirmed = false;
        showNotice();
      });
    });
  }

  function conversationOf(id) {
    return String(id).split(".")[0];
  }

  function emit(text) {
    socket.emit("user_uttered", { message: text, session_id: sessionId });
  }

  function receive(message) {
    if (!message || typeof message !== "object") return;
    var said = typeof message.text === "string" ? message.text : "";
    var buttons = cleanButtons(message.quick_replies || message.buttons);
    var chart = cleanChart(message.chart);
    // The conversation's language, as the server knows it after the turn (absent: unchanged).
    if (known(message.language) && message.language !== language) setLanguage(message.language);
    setTyping(false);
    if (chart) {
      add({ from: "bot", text: chart.alt, chart: chart, lang: language });
      return;
    }
    if (!said && !buttons.length) return;
    add({ from: "bot", text: said, buttons: buttons, lang: language });
  }

  function send(payload, shown) {
    dropButtons();
    add({ from: "user", text: shown, lang: language });
    setTyping(true);
    if (confirmed && socket && socket.connected) emit(payload);
    else pending.push(payload);
    input.focus();
  }

  // ---- opening, closing, keyboard ----
  function open() {
    panel.hidden = false;
    launcher.hidden = true;
    launcher.setAttribute("aria-expanded", "true");
    save("open", true);
    connect();
    log.scrollTop = log.scrollHeight;
    input.focus();
  }

  function close() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    save("open", false);
    launcher.focus();
  }

  launcher.addEventListener("click", open);
  closeButton.addEventListener("click", close);
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var typed = input.value.trim();
    if (!typed) {
      input.focus();
      return;
    }
    input.value = "";
    send(typed, typed);
  });

  // ---- start: styles first, then the widget with the transcript so far ----
  function start() {
    transcript = transcript.filter(function (e) {
      return e && typeof e.text === "string" && ["user", "bot", "info"].indexOf(e.from) >= 0;
    });
    transcript.forEach(function (e) {
      e.buttons = cleanButtons(e.buttons);
      if (e.chart) e.chart = cleanChart(e.chart);
      if (!e.chart) delete e.chart;
      if (!known(e.lang)) delete e.lang;
      render(e);
    });
    document.body.appendChild(root);
    if (load("open", false)) {
      panel.hidden = false;
      launcher.hidden = true;
      launcher.setAttribute("aria-expanded", "true");
      connect();
      log.scrollTop = log.scrollHeight;
    } else if (sessionId) {
      connect();  // a conversation is going on: be ready for it
    }
  }

  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = BASE + "widget.css";
  var started = false;
  css.onload = css.onerror = function () {
    if (started) return;
    started = true;
    if (document.body) start();
    else document.addEventListener("DOMContentLoaded", start);
  };
  document.head.appendChild(css);
})();
