// Search-as-you-type: suggestions after two characters, chosen with the mouse or the
// keyboard (arrows, Enter, Escape). Without JavaScript the form still submits normally.
(function () {
  "use strict";
  const input = document.querySelector("[data-suggest-url]");
  if (!input) return;
  const list = document.getElementById(input.getAttribute("aria-controls"));
  let items = [];
  let active = -1;
  let timer = null;
  let controller = null;

  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }

  function render(suggestions) {
    list.replaceChildren();
    items = suggestions;
    suggestions.forEach(function (s, i) {
      const li = document.createElement("li");
      li.id = "suggestion-" + i;
      li.setAttribute("role", "option");
      li.dataset.url = s.url || "";
      const a = document.createElement("a");
      a.href = s.url || "#";
      a.textContent = s.text;  // textContent: never markup from the server
      const kind = document.createElement("span");
      kind.className = "suggestion-kind";
      kind.textContent = s.kind === "producer" ? list.dataset.producerLabel || "" : "";
      a.appendChild(kind);
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = suggestions.length === 0;
    input.setAttribute("aria-expanded", suggestions.length ? "true" : "false");
  }

  function highlight(index) {
    const options = list.querySelectorAll("[role=option]");
    options.forEach(function (o, i) { o.setAttribute("aria-selected", i === index ? "true" : "false"); });
    active = index;
    if (index >= 0) input.setAttribute("aria-activedescendant", options[index].id);
  }

  function fetchSuggestions() {
    const q = input.value.trim();
    if (q.length < 2) { close(); return; }
    if (controller) controller.abort();
    controller = new AbortController();
    fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(q), { signal: controller.signal })
      .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
      .then(function (data) { render(data.suggestions || []); })
      .catch(function () { /* typing on; the plain form still works */ });
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(fetchSuggestions, 150);
  });
  input.addEventListener("keydown", function (event) {
    if (list.hidden) return;
    if (event.key === "ArrowDown") { event.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
    else if (event.key === "ArrowUp") { event.preventDefault(); highlight(Math.max(active - 1, 0)); }
    else if (event.key === "Escape") { close(); }
    else if (event.key === "Enter" && active >= 0 && items[active].url) {
      event.preventDefault();
      window.location.href = items[active].url;
    }
  });
  input.addEventListener("blur", function () { setTimeout(close, 200); });
})();
