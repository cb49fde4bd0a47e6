// The referral card's Print button (/help/<cc>/card/): shown only where it works, that is with JavaScript.
(function () {
  "use strict";
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
