// RetainBot chat bubble for a business's own website: <script src="https://bot.example.com/chat/embed.js" async></script>
// It adds a round button that opens the same web chat in a frame (the site must be listed in
// WEB_CHAT_ALLOWED_ORIGINS, or the browser refuses to show the frame).
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || window.retainbotChatBubble) { return; }
  window.retainbotChatBubble = true;
  var origin = new URL(script.src, window.location.href).origin;
  var text = { open: "{{web.open_chat}}", close: "{{web.close_chat}}", title: "{{web.title}}" };
  var panel = null;

  var button = document.createElement("button");
  button.type = "button";
  button.setAttribute("aria-label", text.open);
  button.setAttribute("aria-expanded", "false");
  button.title = text.open;
  button.innerHTML = '<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true"><path fill="#fff" d="M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v9a2.5 2.5 0 0 1-2.5 2.5H10l-4.5 4v-4H6.5A2.5 2.5 0 0 1 4 14.5z"/></svg>';
  Object.assign(button.style, {
    position: "fixed", right: "20px", bottom: "20px", width: "60px", height: "60px", borderRadius: "50%",
    border: "0", background: "#2f6fed", boxShadow: "0 6px 20px rgba(20, 30, 60, .25)", cursor: "pointer",
    zIndex: "2147483000", display: "grid", placeItems: "center", padding: "0"
  });

  function layout() {
    if (!panel) { return; }
    var small = window.innerWidth < 520;
    Object.assign(panel.style, small
      ? { right: "0", bottom: "0", width: "100vw", height: "100%", borderRadius: "0" }
      : { right: "20px", bottom: "92px", width: "380px", height: "min(620px, calc(100vh - 120px))", borderRadius: "16px" });
    button.style.display = small && panel.style.visibility === "visible" ? "none" : "grid";
  }

  function open() {
    if (!panel) {
      panel = document.createElement("iframe");
      panel.src = origin + "/chat?embed=1";
      panel.title = text.title;
      panel.setAttribute("allow", "clipboard-write");
      Object.assign(panel.style, {
        position: "fixed", border: "0", background: "#fff", boxShadow: "0 12px 40px rgba(20, 30, 60, .25)",
        zIndex: "2147483000", visibility: "hidden"
      });
      document.body.appendChild(panel);
      var close = document.createElement("button");
      close.type = "button";
      close.textContent = "\u00d7";
      close.setAttribute("aria-label", text.close);
      close.title = text.close;
      Object.assign(close.style, {
        position: "fixed", zIndex: "2147483001", border: "0", background: "transparent", fontSize: "28px",
        lineHeight: "1", cursor: "pointer", color: "#6b7385", display: "none"
      });
      close.addEventListener("click", toggle);
      document.body.appendChild(close);
      panel.closeButton = close;
      window.addEventListener("resize", layout);
    }
    panel.style.visibility = "visible";
    var rect;
    layout();
    rect = panel.getBoundingClientRect();
    Object.assign(panel.closeButton.style, { display: "block", top: (rect.top + 14) + "px", left: (rect.right - 44) + "px" });
    button.setAttribute("aria-expanded", "true");
    button.setAttribute("aria-label", text.close);
  }

  function hide() {
    panel.style.visibility = "hidden";
    panel.closeButton.style.display = "none";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-label", text.open);
    layout();
  }

  function toggle() {
    if (panel && panel.style.visibility === "visible") { hide(); } else { open(); }
  }

  button.addEventListener("click", toggle);
  function mount() { document.body.appendChild(button); }
  if (document.body) { mount(); } else { document.addEventListener("DOMContentLoaded", mount); }
})();
