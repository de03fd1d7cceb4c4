// The progress form: while the status "afgerond" goes with less than 100% done, a hint beside
// the percentage says so before the form is sent (the server asks to confirm it either way).
(function () {
  "use strict";
  function start() {
    var box = document.querySelector(".ivp-progress-form");
    var hint = document.getElementById("progress-done-hint");
    if (!box || !hint) return;
    var status = box.querySelector("select[name=status]");
    var percent = box.querySelector("input[name=percent_done]");
    if (!status || !percent) return;
    var field = percent.closest(".utrecht-form-field");
    if (field) field.after(hint);
    // once the server asks to confirm (its tick box), the hint would say it twice
    var asked = box.querySelector("input[name=done_early]");
    function update() {
      var value = parseInt(percent.value, 10);
      var early = status.value === box.dataset.doneStatus && !isNaN(value) && value < 100;
      // written into the live region, not shown from hidden: a screen reader then reads it
      hint.textContent = early && !asked ? hint.dataset.text : "";
    }
    status.addEventListener("change", update);
    percent.addEventListener("input", update);
    update();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
