// vitrine: the "print / save as PDF" button of the white paper and the release summary
// (templates/partials/print.html). The button is hidden until this script shows it, so a page
// read without JavaScript shows no control that does nothing; the print stylesheet applies to
// the browser's own print command either way. No inline script: the CSP allows only 'self'.
for (const button of document.querySelectorAll("button[data-print]")) {
  if (button.dataset.printReady) continue;
  button.dataset.printReady = "1";
  button.addEventListener("click", () => window.print());
  const control = button.closest(".print-control");
  if (control) control.hidden = false;
}
