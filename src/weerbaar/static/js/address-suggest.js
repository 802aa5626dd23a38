// Suggest the municipality's own addresses while typing, from our own server only.
// Without this script the field is a plain text field; nothing depends on it.
(function () {
  "use strict";
  const inputs = document.querySelectorAll("input[data-suggest]");
  inputs.forEach(function (input) {
    const list = document.getElementById(input.getAttribute("list"));
    if (!list) { return; }
    let timer = null;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      const query = input.value.trim();
      if (query.length < 3) { return; }
      timer = window.setTimeout(function () {
        fetch(input.dataset.suggest + "?q=" + encodeURIComponent(query), {
          credentials: "omit", referrerPolicy: "no-referrer",
        })
          .then(function (response) { return response.ok ? response.json() : { addresses: [] }; })
          .then(function (data) {
            list.replaceChildren.apply(list, data.addresses.map(function (label) {
              const option = document.createElement("option");
              option.value = label;
              return option;
            }));
          })
          .catch(function () { /* suggestions are a convenience only */ });
      }, 250);
    });
  });
})();
