// "Print or save as PDF": opens the browser's print dialog; without JavaScript the link opens the printable page.
document.addEventListener("click", function (event) {
  var link = event.target.closest("[data-print-page]");
  if (link && window.print) {
    event.preventDefault();
    window.print();
  }
});
