// Draws the map page: the municipality's BAG buildings as the base layer (asked for the part
// shown, from our own server), an optional tile background, and the areas of the table
// beside it. A "< 5" area carries no number (value null) and is drawn at one small size.
(function () {
  "use strict";
  var box = document.getElementById("area-map");
  var source = document.getElementById("area-map-data");
  if (!box || !source || !window.L) { return; }
  var config = JSON.parse(source.textContent);
  var L = window.L;
  var map = L.map(box, { preferCanvas: true, zoomControl: false, attributionControl: false });
  L.control.zoom({ zoomInTitle: config.messages.zoom_in, zoomOutTitle: config.messages.zoom_out }).addTo(map);
  if (config.tiles) {
    L.control.attribution({ prefix: false }).addTo(map);
    L.tileLayer(config.tiles, { attribution: config.attribution, maxZoom: 19 }).addTo(map);
  }
  var buildings = L.layerGroup().addTo(map);
  var areas = L.featureGroup().addTo(map);
  var status = document.getElementById("area-map-status");
  var largest = 1;
  config.areas.forEach(function (a) { if (a.value !== null && a.value > largest) { largest = a.value; } });

  function lonLat(p) { return [p[1], p[0]]; }
  config.areas.forEach(function (a) {
    var hidden = a.value === null;
    var style = {
      color: "#154273", weight: 1, fillColor: hidden ? "#8fa9c4" : "#d4520f",
      fillOpacity: hidden ? 0.4 : 0.6
    };
    var shape = a.ring
      ? L.polygon(a.ring.map(lonLat), style)
      : L.circleMarker([a.lat, a.lon], Object.assign(
        { radius: hidden ? 6 : 6 + 18 * Math.sqrt(a.value / largest) }, style));
    shape.bindTooltip(a.label + ": " + a.shown).addTo(areas);
  });

  if (config.extent) {
    var e = config.extent;
    map.fitBounds([[e[1], e[0]], [e[3], e[2]]]);
  } else if (config.areas.length) {
    map.fitBounds(areas.getBounds().pad(0.1));
  } else {
    map.setView([52.16, 5.39], 7);
  }

  var asked = 0;
  function loadBuildings() {
    var mine = ++asked;
    if (map.getZoom() < 13) {
      buildings.clearLayers();
      status.textContent = config.messages.zoom;
      return;
    }
    var url = box.dataset.buildings + "?bbox=" + map.getBounds().toBBoxString();
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : { outlines: [] }; })
      .then(function (found) {
        if (mine !== asked) { return; }
        buildings.clearLayers();
        if (found.too_many) { status.textContent = config.messages.too_many; return; }
        status.textContent = "";
        if (!found.outlines.length) { return; }
        L.polygon(found.outlines.map(function (ring) { return [ring.map(lonLat)]; }), {
          color: "#6b6b6b", weight: 0.5, fillColor: "#d9d9d9", fillOpacity: 0.7, interactive: false
        }).addTo(buildings);
        areas.bringToFront();
      });
  }
  var timer = null;
  map.on("moveend", function () { clearTimeout(timer); timer = setTimeout(loadBuildings, 200); });
  loadBuildings();
}());
