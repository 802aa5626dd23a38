// Draws the network page with cytoscape: the graph the server sent (only what the reader may
// see), expanded a subject at a time from our own server, the shortest path between two
// subjects, a choice of layouts and a picture (PNG or SVG) recorded with its purpose before
// the browser saves it. The tables below the drawing hold the same graph for keyboard and
// screen-reader use, and are kept in step with it.
(function () {
  "use strict";
  var box = document.getElementById("network-canvas");
  var source = document.getElementById("network-data");
  if (!box || !source || !window.cytoscape) { return; }
  var config = JSON.parse(source.textContent);
  var status = document.getElementById("network-status");
  var csrf = (document.querySelector("#network-picture input[name=csrfmiddlewaretoken]") || {}).value || "";
  var colours = {
    person: "#154273", organisation: "#7a3e00", address: "#2f6d3a", vehicle: "#5b2c83",
    signal: "#a4002b", "case": "#a4002b"
  };

  function say(text) { if (status) { status.textContent = text; } }
  function fill(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_m, key) { return String(values[key]); });
  }

  function elements(graph) {
    var list = [];
    graph.nodes.forEach(function (n) { list.push({ group: "nodes", data: n }); });
    graph.edges.forEach(function (e) { list.push({ group: "edges", data: e }); });
    return list;
  }

  var cy = window.cytoscape({
    container: box,
    elements: elements(config.graph),
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: {
        "label": "data(label)", "font-size": 11, "text-wrap": "ellipsis", "text-max-width": 140,
        "text-valign": "bottom", "text-margin-y": 4, "width": 22, "height": 22,
        "background-color": function (n) { return colours[n.data("kind")] || "#444"; },
        "color": "#1a1a1a"
      } },
      { selector: "node[kind = 'signal'], node[kind = 'case']", style: { "shape": "round-rectangle" } },
      { selector: "node:selected", style: { "border-width": 4, "border-color": "#ffbf47" } },
      { selector: "edge", style: {
        "label": "data(label)", "font-size": 9, "curve-style": "bezier", "width": 2,
        "line-color": "#8a8a8a", "target-arrow-shape": "triangle", "target-arrow-color": "#8a8a8a",
        "text-rotation": "autorotate", "text-background-color": "#ffffff",
        "text-background-opacity": 0.8, "color": "#333333"
      } },
      { selector: "edge[kind = 'record']", style: { "line-style": "dashed", "target-arrow-shape": "none" } },
      { selector: ".on-path", style: { "line-color": "#d4520f", "target-arrow-color": "#d4520f", "width": 5 } },
      { selector: "node.on-path", style: { "border-width": 4, "border-color": "#d4520f" } }
    ]
  });
  var layoutSelect = document.getElementById("network-layout");
  function layout() {
    cy.layout({ name: layoutSelect ? layoutSelect.value : "cose", animate: false, padding: 20 }).run();
  }
  layout();
  if (layoutSelect) { layoutSelect.addEventListener("change", layout); }

  function subjects() {
    return cy.nodes().filter(function (n) {
      var kind = n.data("kind"); return kind !== "signal" && kind !== "case";
    }).sort(function (a, b) { return a.data("label").localeCompare(b.data("label"), "nl"); });
  }

  function option(node, selected) {
    var o = document.createElement("option");
    o.value = node.id(); o.textContent = node.data("label"); o.selected = !!selected;
    return o;
  }

  function cell(row, text, link) {
    var td = document.createElement("td");
    if (link) {
      var a = document.createElement("a");
      a.className = "utrecht-link"; a.href = link; a.textContent = text; td.appendChild(a);
    } else { td.textContent = text; }
    row.appendChild(td);
    return td;
  }

  function refreshTables() {
    // The tables are rebuilt: a keyboard user keeps their place on the same subject's button.
    var focused = document.activeElement && document.activeElement.dataset
      ? document.activeElement.dataset.expand : null;
    var nodes = subjects();
    ["network-selected", "path-from", "path-to"].forEach(function (id) {
      var select = document.getElementById(id);
      if (!select) { return; }
      var keep = select.value;
      select.textContent = "";
      nodes.forEach(function (n) { select.appendChild(option(n, n.id() === keep)); });
    });
    var nodeBody = document.querySelector("#network-nodes tbody");
    nodeBody.textContent = "";
    nodes.forEach(function (n) {
      var row = document.createElement("tr");
      cell(row, n.data("label"), n.data("url"));
      cell(row, n.data("kind_label"));
      var button = document.createElement("button");
      button.type = "button"; button.className = "utrecht-button utrecht-button--secondary-action";
      button.dataset.expand = n.id();
      button.textContent = document.getElementById("network-expand").textContent;
      var hidden = document.createElement("span");
      hidden.className = "visually-hidden"; hidden.textContent = " " + n.data("label");
      button.appendChild(hidden);
      cell(row, "").appendChild(button);
      nodeBody.appendChild(row);
    });
    var edgeBody = document.querySelector("#network-edges tbody");
    edgeBody.textContent = "";
    cy.edges().sort(function (a, b) {
      return (a.data("from") || "0000").localeCompare(b.data("from") || "0000");
    }).forEach(function (e) {
      var row = document.createElement("tr");
      cell(row, e.source().data("label"));
      cell(row, e.data("label"));
      cell(row, e.target().data("label"));
      cell(row, (e.data("from") || "?") + " – " + (e.data("until") || config.messages.present));
      cell(row, e.data("source_text") + (e.data("grade") ? " (" + e.data("grade") + ")" : ""));
      edgeBody.appendChild(row);
    });
    if (focused) {
      var again = nodeBody.querySelector('button[data-expand="' + focused + '"]');
      if (again) { again.focus(); }
    }
  }

  function add(graph) {
    var fresh = elements(graph).filter(function (el) { return cy.getElementById(el.data.id).empty(); });
    cy.add(fresh);
    return fresh.length;
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); });
  }

  function query(extra) {
    return "?" + [extra, config.filters].filter(Boolean).join("&");
  }

  function expand(id) {
    var node = cy.getElementById(id);
    getJSON(config.urls.expand + query("subject=" + encodeURIComponent(id))).then(function (graph) {
      var added = add(graph);
      var text = fill(config.messages.expanded, { label: node.data("label"), n: graph.edges.length });
      if (graph.more[id]) { text += " " + fill(config.messages.more, { n: graph.more[id] }); }
      if (added) { layout(); }
      refreshTables();
      say(text);
    }).catch(function () { say(config.messages.failed); });
  }

  cy.on("tap", "node", function (event) {
    var node = event.target;
    var select = document.getElementById("network-selected");
    if (select && node.data("kind") !== "signal" && node.data("kind") !== "case") { select.value = node.id(); }
  });
  cy.on("dbltap", "node", function (event) {
    var kind = event.target.data("kind");
    if (kind !== "signal" && kind !== "case") { expand(event.target.id()); }
  });
  document.getElementById("network-expand").addEventListener("click", function () {
    var select = document.getElementById("network-selected");
    if (select && select.value) { expand(select.value); }
  });
  document.getElementById("network-nodes").addEventListener("click", function (event) {
    var button = event.target.closest("button[data-expand]");
    if (button) { expand(button.dataset.expand); }
  });

  var pathForm = document.getElementById("network-path");
  pathForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var from = document.getElementById("path-from").value;
    var to = document.getElementById("path-to").value;
    var url = config.urls.path + query("van=" + encodeURIComponent(from) + "&naar=" + encodeURIComponent(to));
    getJSON(url).then(function (answer) {
      cy.elements().removeClass("on-path");
      if (!answer.found) { say(answer.message); return; }
      if (add(answer)) { layout(); }
      answer.nodes.forEach(function (n) { cy.getElementById(n.id).addClass("on-path"); });
      answer.edges.forEach(function (e) { cy.getElementById(e.id).addClass("on-path"); });
      refreshTables();
      say(fill(config.messages.path, { n: answer.edges.length }));
    }).catch(function () { say(config.messages.failed); });
  });

  function save(blob, name) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob); link.download = name;
    document.body.appendChild(link); link.click(); link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  var pictureForm = document.getElementById("network-picture");
  pictureForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var format = event.submitter ? event.submitter.value : "png";
    var body = new URLSearchParams({
      format: format, doel: document.getElementById("picture-purpose").value, start: config.start,
      nodes: String(cy.nodes().length), edges: String(cy.edges().length), terug: config.back
    });
    fetch(config.urls.picture, {
      method: "POST", credentials: "same-origin", body: body,
      headers: { "X-CSRFToken": csrf, "Accept": "application/json" }
    }).then(function (r) {
      return r.json().then(function (data) { return { ok: r.ok, status: r.status, data: data }; });
    })
      .then(function (answer) {
        var purpose = document.getElementById("picture-purpose");
        purpose.removeAttribute("aria-invalid");
        if (!answer.ok) {
          say(answer.data.message || config.messages.failed);
          if (answer.status === 400) { purpose.setAttribute("aria-invalid", "true"); purpose.focus(); }
          if (answer.data.reauth) {
            var link = document.createElement("a");
            link.className = "utrecht-link"; link.href = answer.data.reauth;
            link.textContent = " " + config.messages.reauth;
            status.appendChild(link);
          }
          return;
        }
        if (format === "svg") {
          save(new Blob([cy.svg({ full: true, bg: "#ffffff" })], { type: "image/svg+xml" }), "netwerk.svg");
        } else {
          save(cy.png({ output: "blob", full: true, bg: "#ffffff", scale: 2 }), "netwerk.png");
        }
        say(config.messages.picture);
      }).catch(function () { say(config.messages.failed); });
  });

  refreshTables();
}());
