// The "print / save as PDF" button of the one-page summary: shown only where JavaScript runs
// (without it, the page says how to print from the browser's menu).
(function () {
  var p = document.querySelector(".print-control");
  var b = p && p.querySelector("[data-print]");
  if (!b || typeof window.print !== "function") return;
  p.hidden = false;
  b.addEventListener("click", function () { window.print(); });
})();
