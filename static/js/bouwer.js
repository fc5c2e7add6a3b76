// The survey builder: unticking a block whose questions were changed asks first; on "cancel" the
// box is ticked again. (A static file: the Content Security Policy allows no inline scripts.)
(function () {
  "use strict";
  document.addEventListener("htmx:confirm", function (e) {
    var form = e.detail.elt && e.detail.elt.closest ? e.detail.elt.closest("form[data-bevestig]") : null;
    if (!form) return;
    var vak = form.querySelector("input[type=checkbox]");
    if (!vak || vak.checked) return;
    e.preventDefault();
    if (window.confirm(form.dataset.bevestig)) { e.detail.issueRequest(true); } else { vak.checked = true; }
  });
})();
