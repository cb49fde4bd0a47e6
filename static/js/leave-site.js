// "Leave this site" (templates/members/help/_leave_site.html): go to the neutral site in place of this page, so
// that Back does not return here, and hide the page at once on a slow connection. Escape pressed twice leaves too.
(function () {
  "use strict";
  var link = document.querySelector("[data-leave-site]");
  if (!link) {
    return;
  }
  var DOUBLE_PRESS_MS = 800;
  var lastEscape = 0;

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    document.body.hidden = true;
    document.title = "";
    window.location.replace(link.href);
  }

  link.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") {
      return;
    }
    var now = Date.now();
    if (now - lastEscape < DOUBLE_PRESS_MS) {
      leave(event);
    }
    lastEscape = now;
  });
})();
