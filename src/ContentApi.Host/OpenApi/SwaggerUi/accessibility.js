// Gives Swagger UI's unlabelled controls accessible names, as axe-core checks in SwaggerUiBrowserTests: the dark-mode
// toggle (an icon-only button) and the servers list (its "Servers" caption is not a <label>). Swagger UI renders with
// React after this script runs and may re-create either control, so they are named whenever the page changes.
(function () {
  "use strict";

  function setAttribute(element, name, value) {
    if (element && element.getAttribute(name) !== value) {
      element.setAttribute(name, value);
    }
  }

  function nameControls() {
    var toggle = document.querySelector(".swagger-ui .dark-mode-toggle button");
    setAttribute(toggle, "aria-label", "Dark mode");
    setAttribute(toggle, "aria-pressed", String(document.documentElement.classList.contains("dark-mode")));
    setAttribute(document.querySelector(".swagger-ui select#servers"), "aria-label", "Servers");
  }

  // Only childList and the class attribute are observed, so the attributes set above never trigger another round.
  new MutationObserver(nameControls).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["class"],
  });
})();
