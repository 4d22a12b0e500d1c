// On a phone the filters start folded, so the results come first; "Filters" opens them.
// Without JavaScript they simply stay open.
(function () {
  "use strict";
  const filters = document.querySelector("details.filters");
  if (filters && window.matchMedia("(max-width: 699px)").matches) {
    filters.open = false;
  }
})();
