/* Copy buttons (the dashboard's reminders to send in LINE): a button with data-copy copies the text of
   the textarea before it in the same block. No library; the textarea can always be selected by hand. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-copy]") : null;
    if (!button) return;
    var area = button.parentNode.querySelector("textarea");
    var done = button.parentNode.querySelector(".tn-copy__done");
    if (!area) return;
    area.focus();
    area.select();
    function said(text) { if (done) done.textContent = text; }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(area.value).then(function () { said("คัดลอกแล้ว"); },
        function () { said(document.execCommand("copy") ? "คัดลอกแล้ว" : "เลือกข้อความไว้แล้ว กดค้างเพื่อคัดลอก"); });
    } else {
      said(document.execCommand("copy") ? "คัดลอกแล้ว" : "เลือกข้อความไว้แล้ว กดค้างเพื่อคัดลอก");
    }
  });
})();
