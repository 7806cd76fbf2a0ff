// rasd's page for analysts: map, timeline, event and incident tables, article reading with
// highlighted evidence, and a paste panel. Talks only to this server's /api/.
//
// Safety rule of this file: article text and every extracted value reach the DOM only through
// textContent, createTextNode or setAttribute — never innerHTML — so text such as
// "<script>" or "<img onerror=...>" in an article is shown as text and never run.
(function () {
  "use strict";

  const I18N = window.RASD_I18N;
  const TYPES = [
    "ASSAULT", "COERCE", "PROTEST", "THREATEN", "MOBILIZE", "SANCTION", "ACCUSE", "REJECT",
    "REQUEST", "CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE",
  ];
  const COLOURS = {
    ASSAULT: "#d62728", COERCE: "#8c564b", PROTEST: "#ff7f0e", THREATEN: "#e377c2",
    MOBILIZE: "#b8a800", SANCTION: "#9467bd", ACCUSE: "#7f7f7f", REJECT: "#393b79",
    REQUEST: "#17becf", CONSULT: "#1f77b4", AGREE: "#2ca02c", SUPPORT: "#74c476",
    COOPERATE: "#637939", AID: "#00876c", RETREAT: "#6baed6", CONCEDE: "#c49c94",
  };
  const PAGE_SIZE = 500; // the API's largest page
  const MAX_EVENTS = 3000; // events loaded for the map, timeline and table
  const MAX_INCIDENTS = 1000;
  const TABLE_STEP = 200;
  const DAY = 86400000;
  const VAGUE = new Set(["tens", "hundreds", "thousands"]);

  const state = {
    lang: "ar",
    filters: { since: "", until: "", country: "", type: "", q: "" },
    stats: null,
    events: [],
    eventsTotal: 0,
    incidents: [],
    eventsShown: TABLE_STEP,
    loadId: 0,
    map: null,
    markerLayer: null,
    groups: [],
    markerById: new Map(),
    readings: {}, // container id -> {data}: re-rendered on a language switch
    view: "dashboard",
  };

  // ---------- small helpers ----------

  function t(key, vars) {
    let s = (I18N[state.lang] && I18N[state.lang][key]) || I18N.en[key] || key;
    if (vars) for (const k of Object.keys(vars)) s = s.split("{" + k + "}").join(String(vars[k]));
    return s;
  }
  function typeName(type) {
    return (I18N.types[state.lang] && I18N.types[state.lang][type]) || type || "";
  }
  function countName(key) {
    return (I18N.countKeys[state.lang] && I18N.countKeys[state.lang][key]) || key;
  }
  function countryName(cc) {
    if (!cc) return "";
    try {
      const names = new Intl.DisplayNames([state.lang], { type: "region" });
      return names.of(cc) || cc;
    } catch (e) {
      return cc;
    }
  }
  function colour(type) {
    return COLOURS[type] || "#555";
  }

  /** el("td", {className: "x", title: "y"}, "text", childNode) — children as text nodes. */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "className") node.className = v;
      else if (k === "dataset") Object.assign(node.dataset, v);
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return node;
  }
  /** Dates and codes inside Arabic text: isolated left-to-right so '2024-05-11' is not shown as '11-05-2024'. */
  function ltr(text) {
    return el("bdi", { dir: "ltr" }, text);
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
    return node;
  }
  function $(id) {
    return document.getElementById(id);
  }
  function safeUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }
  function fmtNumber(v) {
    if (v === null || v === undefined) return "";
    return Number.isInteger(v) ? String(v) : String(Math.round(v * 10) / 10);
  }
  function typeChip(type) {
    const chip = el("span", { className: "chip", dataset: { type: type || "" } }, typeName(type));
    chip.style.setProperty("--c", colour(type));
    return chip;
  }

  async function getJSON(url, options) {
    const res = await fetch(url, options);
    if (!res.ok) {
      let detail = res.statusText;
      try {
        const body = await res.json();
        detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
      } catch (e) {
        /* not JSON */
      }
      throw new Error(res.status + " " + detail);
    }
    return res.json();
  }

  // ---------- language ----------

  function setLang(lang) {
    state.lang = lang === "en" ? "en" : "ar";
    try {
      localStorage.setItem("rasd.lang", state.lang);
    } catch (e) {
      /* storage disabled */
    }
    const html = document.documentElement;
    html.lang = state.lang;
    html.dir = state.lang === "ar" ? "rtl" : "ltr";
    document.title = t("appName") + " · " + t("tagline");
    for (const node of document.querySelectorAll("[data-i18n]")) node.textContent = t(node.dataset.i18n);
    for (const node of document.querySelectorAll("[data-i18n-placeholder]"))
      node.setAttribute("placeholder", t(node.dataset.i18nPlaceholder));
    fillSelects();
    renderSummary();
    renderDashboard();
    for (const [id, r] of Object.entries(state.readings)) renderReading($(id), r);
    if (state.map) state.map.invalidateSize();
  }

  function initialLang() {
    const asked = new URLSearchParams(location.search).get("lang");
    if (asked) return asked;
    try {
      return localStorage.getItem("rasd.lang") || "ar";
    } catch (e) {
      return "ar";
    }
  }

  // ---------- filters ----------

  function fillSelects() {
    const byCountry = (state.stats && state.stats.by_country) || {};
    const byType = (state.stats && state.stats.by_type) || {};
    const cSel = $("f-country");
    const tSel = $("f-type");
    clear(cSel).appendChild(el("option", { value: "" }, t("anyCountry")));
    const countries = Object.keys(byCountry).sort((a, b) => countryName(a).localeCompare(countryName(b), state.lang));
    if (state.filters.country && !countries.includes(state.filters.country)) countries.push(state.filters.country);
    for (const cc of countries)
      cSel.appendChild(el("option", { value: cc }, countryName(cc) + " (" + (byCountry[cc] || 0) + ")"));
    cSel.value = state.filters.country;
    clear(tSel).appendChild(el("option", { value: "" }, t("anyType")));
    for (const ty of TYPES) tSel.appendChild(el("option", { value: ty }, typeName(ty) + " (" + (byType[ty] || 0) + ")"));
    tSel.value = state.filters.type;
  }

  function readFilters() {
    state.filters = {
      since: $("f-since").value,
      until: $("f-until").value,
      country: $("f-country").value,
      type: $("f-type").value,
      q: $("f-q").value.trim(),
    };
  }
  function writeFilters() {
    $("f-since").value = state.filters.since;
    $("f-until").value = state.filters.until;
    $("f-country").value = state.filters.country;
    $("f-type").value = state.filters.type;
    $("f-q").value = state.filters.q;
  }
  function filterParams(extra) {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries(state.filters)) if (v) p.set(k, v);
    for (const [k, v] of Object.entries(extra || {})) p.set(k, v);
    return p.toString();
  }

  // ---------- loading ----------

  async function loadStats() {
    try {
      state.stats = await getJSON("/api/stats");
    } catch (e) {
      state.stats = null;
    }
    fillSelects();
    renderSummary();
  }

  function renderSummary() {
    const s = state.stats;
    $("summary").textContent = s ? t("summary", { articles: s.articles, events: s.events, incidents: s.incidents }) : "";
  }

  async function loadPages(path, limit) {
    const items = [];
    let total = 0;
    for (let page = 1; items.length < limit; page++) {
      const body = await getJSON(path + "?" + filterParams({ page: page, per_page: PAGE_SIZE }));
      total = body.total;
      items.push(...body.items);
      if (body.items.length < PAGE_SIZE || items.length >= total) break;
    }
    return { items: items.slice(0, limit), total: total };
  }

  async function loadDashboard() {
    const id = ++state.loadId;
    const status = $("status");
    status.textContent = t("loading");
    document.body.classList.add("loading");
    try {
      const [events, incidents] = await Promise.all([
        loadPages("/api/events", MAX_EVENTS),
        loadPages("/api/incidents", MAX_INCIDENTS),
      ]);
      if (id !== state.loadId) return; // a newer load started
      state.events = events.items;
      state.eventsTotal = events.total;
      state.incidents = incidents.items;
      state.eventsShown = TABLE_STEP;
      status.textContent = "";
      renderDashboard(true);
    } catch (e) {
      if (id === state.loadId) status.textContent = t("error") + ": " + e.message;
    } finally {
      if (id === state.loadId) document.body.classList.remove("loading");
    }
  }

  function renderDashboard(refit) {
    renderLegend();
    renderMap(refit);
    renderTimeline();
    renderEventsTable();
    renderIncidentsTable();
    const capped = state.eventsTotal > state.events.length;
    $("events-count").textContent =
      "(" + state.eventsTotal + ")" + (capped ? " — " + t("cappedNote", { n: state.events.length, total: state.eventsTotal }) : "");
  }

  // ---------- map ----------

  function initMap() {
    const box = $("map");
    if (!window.L) {
      box.classList.add("unavailable");
      box.textContent = t("basemapMissing");
      return;
    }
    const map = L.map(box, { center: [26, 30], zoom: 3, minZoom: 1, maxZoom: 12, worldCopyJump: false });
    map.attributionControl.setPrefix(false);
    map.attributionControl.addAttribution("Natural Earth · Leaflet");
    state.map = map;
    state.markerLayer = L.layerGroup().addTo(map);
    map.on("zoomend", spreadMarkers);
    loadBasemap(map);
  }

  async function loadBasemap(map) {
    try {
      if (!window.topojson) throw new Error("topojson-client missing");
      const topo = await getJSON("/vendor/world-atlas/countries-50m.json");
      const countries = topo.objects.countries;
      // land filled without a stroke (a stroke would draw the antimeridian cuts), then the
      // borders between countries as lines
      const land = topojson.feature(topo, countries);
      land.features = land.features.filter((f) => f.id !== "010").map(unwrapFeature); // no Antarctica
      L.geoJSON(land, {
        interactive: false,
        style: { stroke: false, fillColor: "#f3f0e8", fillOpacity: 1 },
      }).addTo(map);
      L.geoJSON(topojson.mesh(topo, countries, (a, b) => a !== b), {
        interactive: false,
        style: { color: "#a29d92", weight: 0.8, fill: false },
      }).addTo(map);
      state.markerLayer.remove();
      state.markerLayer.addTo(map); // markers above the outlines
      $("map").classList.add("basemap-ready");
    } catch (e) {
      $("map-note").textContent = t("basemapMissing");
    }
  }

  /** Rings that cross the antimeridian (Russia's east, Fiji) jump 360°: shift their west half east. */
  function unwrapRing(ring) {
    const crosses = ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180);
    return crosses ? ring.map((p) => (p[0] < 0 ? [p[0] + 360, p[1]] : p)) : ring;
  }
  function unwrapFeature(f) {
    const g = f.geometry;
    if (!g) return f;
    if (g.type === "Polygon") g.coordinates = g.coordinates.map(unwrapRing);
    else if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map((poly) => poly.map(unwrapRing));
    return f;
  }

  function renderMap(refit) {
    const map = state.map;
    if (!map) return;
    state.markerLayer.clearLayers();
    state.groups = [];
    state.markerById = new Map();
    const groups = new Map();
    let noCoords = 0;
    for (const ev of state.events) {
      if (typeof ev.lat !== "number" || typeof ev.lon !== "number") {
        noCoords++;
        continue;
      }
      const key = ev.lat.toFixed(3) + "," + ev.lon.toFixed(3);
      if (!groups.has(key)) groups.set(key, { ll: L.latLng(ev.lat, ev.lon), markers: [] });
      const marker = L.circleMarker([ev.lat, ev.lon], {
        radius: 6,
        color: "#1d1d1d",
        weight: 1,
        fillColor: colour(ev.type),
        fillOpacity: 0.92,
        className: "ev-marker ev-" + ev.type,
      });
      marker.bindPopup(() => eventPopup(ev), { maxWidth: 320 });
      marker.addTo(state.markerLayer);
      marker.getElement && marker.getElement() && marker.getElement().setAttribute("data-event-id", ev.id);
      groups.get(key).markers.push(marker);
      state.markerById.set(ev.id, marker);
    }
    state.groups = [...groups.values()];
    for (const g of state.groups) {
      if (g.markers.length > 1)
        L.circleMarker(g.ll, { radius: 2.5, color: "#333", weight: 1, fillOpacity: 1, interactive: false, className: "ev-anchor" }).addTo(
          state.markerLayer
        );
    }
    $("map-note").textContent = noCoords ? noCoords + " " + t("noCoordsNote") : "";
    if (refit && state.groups.length) {
      const bounds = robustBounds(state.events.filter((e) => typeof e.lat === "number" && typeof e.lon === "number"));
      map.fitBounds(bounds.pad(0.25), { maxZoom: 6, animate: false });
    }
    spreadMarkers();
  }

  /** The quantile at ``q`` (0..1) of sorted numbers. */
  function quantile(sorted, q) {
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
  }

  /** Bounds around most events (5th to 95th percentile each way) so a few far-off ones don't zoom the map out. */
  function robustBounds(events) {
    const q = events.length >= 20 ? 0.05 : 0;
    const lats = events.map((e) => e.lat).sort((a, b) => a - b);
    const lons = events.map((e) => e.lon).sort((a, b) => a - b);
    return L.latLngBounds([quantile(lats, q), quantile(lons, q)], [quantile(lats, 1 - q), quantile(lons, 1 - q)]);
  }

  /** Fan out events that share a place (a sunflower pattern, in screen pixels) so each shows. */
  function spreadMarkers() {
    const map = state.map;
    if (!map) return;
    for (const g of state.groups) {
      const n = g.markers.length;
      if (n === 1) {
        g.markers[0].setLatLng(g.ll);
        continue;
      }
      const c = map.latLngToLayerPoint(g.ll);
      g.markers.forEach((m, i) => {
        const r = 9 * Math.sqrt(i + 0.6);
        const a = i * 2.39996; // the golden angle
        m.setLatLng(map.layerPointToLatLng(L.point(c.x + r * Math.cos(a), c.y + r * Math.sin(a))));
      });
    }
  }

  function eventPopup(ev) {
    const box = el("div", { className: "popup", dir: state.lang === "ar" ? "rtl" : "ltr" });
    box.appendChild(el("div", { className: "popup-head" }, typeChip(ev.type), ev.mode ? " " + ev.mode : ""));
    box.appendChild(el("div", {}, el("b", {}, t("date") + ": "), ltr(ev.date || "—")));
    box.appendChild(el("div", {}, el("b", {}, t("place") + ": "), [ev.place, countryName(ev.country)].filter(Boolean).join(" · ")));
    if (ev.actor) box.appendChild(el("div", {}, el("b", {}, t("actor") + ": "), ev.actor));
    if (ev.target) box.appendChild(el("div", {}, el("b", {}, t("target") + ": "), ev.target));
    const counts = countsText(ev.counts);
    if (counts) box.appendChild(el("div", {}, el("b", {}, t("counts") + ": "), counts));
    if (ev.evidence) box.appendChild(el("blockquote", { dir: "rtl", lang: "ar" }, ev.evidence));
    box.appendChild(
      el("div", { className: "popup-foot" }, el("bdi", {}, ev.outlet || ""), " ", el("a", { href: "#/article/" + ev.article_id }, t("openArticle")))
    );
    return box;
  }

  function countsText(counts) {
    if (!counts || typeof counts !== "object") return "";
    const quals = I18N.qualifiers[state.lang];
    return Object.entries(counts)
      .map(([k, q]) => {
        if (q && typeof q === "object") {
          const qual = quals[q.qualifier] || "";
          if (VAGUE.has(q.qualifier)) return countName(k) + " " + qual; // 'hundreds', not 'hundreds 100'
          return countName(k) + " " + (qual ? qual + " " : "") + fmtNumber(q.value);
        }
        return countName(k) + " " + fmtNumber(q);
      })
      .join("، ");
  }

  function focusEvent(ev) {
    const marker = state.markerById.get(ev.id);
    if (!marker || !state.map) return;
    state.map.setView(marker.getLatLng(), Math.max(state.map.getZoom(), 6));
    spreadMarkers();
    marker.openPopup();
    $("map").scrollIntoView({ block: "nearest", behavior: "smooth" });
  }

  // ---------- legend and timeline ----------

  function presentTypes() {
    const seen = new Set(state.events.map((e) => e.type));
    return TYPES.filter((ty) => seen.has(ty)).concat([...seen].filter((ty) => !TYPES.includes(ty)));
  }

  function renderLegend() {
    const box = clear($("legend"));
    for (const ty of presentTypes()) {
      const item = el("button", { type: "button", className: "legend-item", title: ty, onclick: () => applyFilters({ type: ty }) });
      const sw = el("span", { className: "swatch" });
      sw.style.background = colour(ty);
      item.append(sw, typeName(ty));
      box.appendChild(item);
    }
  }

  function parseDay(s) {
    return Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10));
  }
  function fmtDay(ms) {
    return new Date(ms).toISOString().slice(0, 10);
  }
  const UNITS = {
    day: { start: (ms) => ms, next: (ms) => ms + DAY, label: (ms) => fmtDay(ms).slice(5), key: "perDay" },
    week: {
      start: (ms) => ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY,
      next: (ms) => ms + 7 * DAY,
      label: (ms) => fmtDay(ms).slice(5),
      key: "perWeek",
    },
    month: {
      start: (ms) => Date.UTC(new Date(ms).getUTCFullYear(), new Date(ms).getUTCMonth(), 1),
      next: (ms) => Date.UTC(new Date(ms).getUTCFullYear(), new Date(ms).getUTCMonth() + 1, 1),
      label: (ms) => fmtDay(ms).slice(0, 7),
      key: "perMonth",
    },
  };

  /** Buckets of day-dated events: by day when the range is short, else by week or month. */
  function timelineBuckets(events) {
    const dayed = events.filter((e) => typeof e.date === "string" && /^\d{4}-\d{2}-\d{2}$/.test(e.date));
    if (!dayed.length) return { unit: null, buckets: [], undated: events.length, outside: 0 };
    const times = dayed.map((e) => parseDay(e.date));
    const sorted = [...times].sort((a, b) => a - b);
    // without a date filter, a few stray dates (years away) would squash the rest: show the
    // range of the middle 96% and count the others
    const trim = sorted.length >= 20 && !state.filters.since && !state.filters.until ? 0.02 : 0;
    const lo = quantile(sorted, trim);
    const hi = quantile(sorted, 1 - trim);
    const spanDays = (hi - lo) / DAY;
    const name = spanDays <= 92 ? "day" : spanDays <= 730 ? "week" : "month";
    const unit = UNITS[name];
    const buckets = [];
    const index = new Map();
    for (let ms = unit.start(lo); ms <= hi && buckets.length < 2000; ms = unit.next(ms)) {
      index.set(ms, buckets.length);
      buckets.push({ start: ms, end: unit.next(ms) - DAY, counts: {}, total: 0 });
    }
    let outside = 0;
    dayed.forEach((e, i) => {
      const b = times[i] >= lo && times[i] <= hi ? buckets[index.get(unit.start(times[i]))] : undefined;
      if (!b) {
        outside++;
        return;
      }
      b.counts[e.type] = (b.counts[e.type] || 0) + 1;
      b.total++;
    });
    return { unit: name, buckets: buckets, undated: events.length - dayed.length, outside: outside };
  }

  function svg(tag, attrs, text) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function renderTimeline() {
    const box = clear($("timeline"));
    const { unit, buckets, undated, outside } = timelineBuckets(state.events);
    $("timeline-unit").textContent = unit ? "(" + t(UNITS[unit].key) + ")" : "";
    const notes = [];
    if (undated) notes.push(undated + " " + t("undatedNote"));
    if (outside) notes.push(outside + " " + t("outsideNote"));
    $("timeline-note").textContent = notes.join(" · ");
    if (!buckets.length) {
      box.appendChild(el("p", { className: "empty" }, t("noEvents")));
      return;
    }
    const W = Math.max(box.clientWidth || 600, 280);
    const H = 210;
    const m = { l: 34, r: 8, t: 10, b: 26 };
    const pw = W - m.l - m.r;
    const ph = H - m.t - m.b;
    const max = Math.max(1, ...buckets.map((b) => b.total));
    const bw = pw / buckets.length;
    const root = svg("svg", { width: W, height: H, viewBox: "0 0 " + W + " " + H, class: "tl-svg", role: "img" });
    root.appendChild(svg("title", {}, t("timeline")));
    for (const v of new Set([0, Math.round(max / 2), max])) {
      const y = m.t + ph - (v / max) * ph;
      root.appendChild(svg("line", { x1: m.l, x2: W - m.r, y1: y, y2: y, class: "tl-grid" }));
      root.appendChild(svg("text", { x: m.l - 4, y: y + 4, "text-anchor": "end", class: "tl-axis" }, String(v)));
    }
    const order = presentTypes();
    buckets.forEach((b, i) => {
      const x = m.l + i * bw;
      const g = svg("g", { class: "tl-bucket", "data-start": fmtDay(b.start) });
      g.addEventListener("click", () => applyFilters({ since: fmtDay(b.start), until: fmtDay(b.end) }));
      let y = m.t + ph;
      for (const ty of order) {
        const n = b.counts[ty];
        if (!n) continue;
        const h = (n / max) * ph;
        y -= h;
        const rect = svg("rect", {
          x: x + Math.min(1, bw * 0.1),
          y: y,
          width: Math.max(bw - Math.min(2, bw * 0.2), 0.8),
          height: h,
          fill: colour(ty),
          class: "tl-bar",
          "data-type": ty,
          "data-n": n,
        });
        const range = b.start === b.end ? fmtDay(b.start) : t("fromTo", { a: fmtDay(b.start), b: fmtDay(b.end) });
        rect.appendChild(svg("title", {}, range + " — " + typeName(ty) + ": " + n));
        g.appendChild(rect);
      }
      root.appendChild(g);
    });
    const every = Math.max(1, Math.ceil(buckets.length / Math.max(1, Math.floor(pw / 70))));
    buckets.forEach((b, i) => {
      if (i % every) return;
      const label = i === 0 && unit !== "month" ? fmtDay(b.start) : UNITS[unit].label(b.start);
      root.appendChild(svg("text", { x: m.l + i * bw + bw / 2, y: H - 8, "text-anchor": "middle", class: "tl-axis" }, label));
    });
    box.appendChild(root);
  }

  // ---------- tables ----------

  function articleLink(articleId, label) {
    return el("a", { href: "#/article/" + articleId, className: "article-link" }, label || t("open"));
  }

  function renderEventsTable() {
    const body = clear($("events-table").tBodies[0]);
    const rows = [...state.events].sort((a, b) => (b.date || "").localeCompare(a.date || "") || b.id - a.id);
    if (!rows.length) {
      body.appendChild(el("tr", {}, el("td", { colspan: 9, className: "empty" }, t("noEvents"))));
    }
    for (const ev of rows.slice(0, state.eventsShown)) {
      const tr = el(
        "tr",
        { className: "ev-row", dataset: { eventId: ev.id, type: ev.type }, title: ev.evidence || "" },
        el("td", { className: "nowrap" }, ev.date || "—"),
        el("td", {}, typeChip(ev.type)),
        el("td", {}, ev.mode || ""),
        el("td", {}, [ev.place, countryName(ev.country)].filter(Boolean).join(" · ")),
        el("td", { dir: "auto" }, ev.actor || ""),
        el("td", { dir: "auto" }, ev.target || ""),
        el("td", {}, countsText(ev.counts)),
        el("td", { dir: "auto" }, ev.outlet || ""),
        el("td", {}, articleLink(ev.article_id))
      );
      tr.addEventListener("click", (e) => {
        if (e.target.closest("a")) return;
        focusEvent(ev);
      });
      body.appendChild(tr);
    }
    $("events-more").hidden = rows.length <= state.eventsShown;
  }

  function incidentCounts(counts) {
    if (!counts || typeof counts !== "object") return "";
    return Object.entries(counts)
      .map(([k, c]) => {
        if (!c || typeof c !== "object") return countName(k) + " " + fmtNumber(c);
        const range = c.min === c.max ? fmtNumber(c.min) : fmtNumber(c.min) + "–" + fmtNumber(c.max);
        return countName(k) + " " + range + (c.sources ? " (" + c.sources + ")" : "");
      })
      .join("، ");
  }

  function renderIncidentsTable() {
    const body = clear($("incidents-table").tBodies[0]);
    let rows = state.incidents;
    if ($("multi-only").checked) rows = rows.filter((r) => r.n_sources >= 2);
    if (state.filters.q) {
      // the incidents endpoint has no text filter: keep incidents holding a matching event
      const ids = new Set(state.events.map((e) => e.id));
      rows = rows.filter((r) => (r.sources || []).some((s) => ids.has(s.event_id)));
    }
    rows = [...rows].sort((a, b) => b.n_sources - a.n_sources || (b.date_first || "").localeCompare(a.date_first || ""));
    $("incidents-count").textContent = "(" + rows.length + ")";
    if (!rows.length) body.appendChild(el("tr", {}, el("td", { colspan: 6, className: "empty" }, t("noIncidents"))));
    for (const inc of rows.slice(0, 500)) {
      const dates = inc.date_first === inc.date_last ? inc.date_first || "—" : (inc.date_first || "?") + " – " + (inc.date_last || "?");
      const sources = el("ul", { className: "sources" });
      for (const s of inc.sources || []) {
        const li = el("li", {}, el("bdi", {}, articleLink(s.article_id, s.outlet || "#" + s.article_id)));
        if (s.credited_source) li.append(" (", t("reportedBy"), " ", el("span", { dir: "auto" }, s.credited_source), ")");
        const c = countsText(s.counts);
        if (c) li.append(" — ", c);
        sources.appendChild(li);
      }
      body.appendChild(
        el(
          "tr",
          { className: "inc-row", dataset: { incidentId: inc.id, sources: inc.n_sources } },
          el("td", { className: "nowrap" }, dates),
          el("td", {}, typeChip(inc.type), inc.mode ? " " + inc.mode : ""),
          el("td", {}, [inc.place, countryName(inc.country)].filter(Boolean).join(" · ")),
          el("td", { className: "num" }, String(inc.n_sources)),
          el("td", {}, sources),
          el("td", {}, incidentCounts(inc.counts))
        )
      );
    }
  }

  function applyFilters(patch) {
    if (patch) {
      Object.assign(state.filters, patch);
      writeFilters();
    }
    if (state.view !== "dashboard") location.hash = "#/";
    loadDashboard();
  }

  // ---------- article reading (shared by the article view and the paste panel) ----------

  /** Maps the contract's offsets (Python code points) to JS string indices (UTF-16 units). */
  function offsetMapper(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
    const map = [];
    let u = 0;
    for (const ch of text) {
      map.push(u);
      u += ch.length;
    }
    map.push(u);
    return (i) => (i >= 0 && i < map.length ? map[i] : -1);
  }

  /** Every highlightable span of a report: {start, end, cls, label, ev}. */
  function collectSpans(report) {
    const out = [];
    const add = (span, cls, label, ev) => {
      if (span && typeof span.start === "number" && typeof span.end === "number")
        out.push({ start: span.start, end: span.end, text: span.text, cls: cls, label: label, ev: ev });
    };
    for (const e of report.entities || []) add(e, "hl-ent hl-" + e.type, t("hl" + e.type) + (e.latin ? ": " + e.latin : ""));
    for (const p of report.places || [])
      add(p, "hl-place", t("hlPlace") + ": " + [p.name, p.country, p.kind].filter(Boolean).join(", "));
    (report.events || []).forEach((ev, i) => {
      add(ev.evidence, "hl-evidence", t("hlEvidence") + " #" + (i + 1) + ": " + typeName(ev.type), i);
      add(ev.actor, "hl-actor", t("actor") + " #" + (i + 1), i);
      add(ev.target, "hl-actor", t("target") + " #" + (i + 1), i);
      add(ev.attributed_to, "hl-attrib", t("attributedTo") + " #" + (i + 1), i);
      for (const [k, q] of Object.entries(ev.counts || {}))
        if (q && q.evidence) add(q.evidence, "hl-qty", countName(k) + " " + fmtNumber(q.value) + " #" + (i + 1), i);
    });
    if (report.credited_source) add(report.credited_source, "hl-attrib", t("credited"));
    return out;
  }

  /** The text as a fragment of text nodes and <span class="hl ..."> pieces (never HTML parsing). */
  function highlightedText(text, report) {
    const toUnit = offsetMapper(text);
    const spans = [];
    let mismatched = 0;
    for (const s of collectSpans(report)) {
      const a = toUnit(s.start);
      const b = toUnit(s.end);
      if (a < 0 || b < 0 || b <= a || b > text.length || (typeof s.text === "string" && text.slice(a, b) !== s.text)) {
        mismatched++;
        continue;
      }
      spans.push(Object.assign({}, s, { start: a, end: b }));
    }
    const cuts = new Set([0, text.length]);
    for (const s of spans) cuts.add(s.start).add(s.end);
    const points = [...cuts].sort((x, y) => x - y);
    const frag = document.createDocumentFragment();
    for (let i = 0; i + 1 < points.length; i++) {
      const a = points[i];
      const b = points[i + 1];
      const piece = text.slice(a, b);
      const cover = spans.filter((s) => s.start <= a && s.end >= b);
      if (!cover.length) {
        frag.appendChild(document.createTextNode(piece));
        continue;
      }
      const node = document.createElement("span");
      node.className = "hl " + [...new Set(cover.map((s) => s.cls))].join(" ");
      const evs = [...new Set(cover.filter((s) => s.ev !== undefined).map((s) => s.ev))];
      if (evs.length) node.dataset.ev = evs.join(" ");
      node.title = [...new Set(cover.map((s) => s.label))].join(" · ");
      node.textContent = piece;
      frag.appendChild(node);
    }
    return { frag: frag, mismatched: mismatched };
  }

  function setActiveEvent(root, i, on) {
    for (const node of root.querySelectorAll('.hl[data-ev~="' + i + '"]')) node.classList.toggle("active", on);
    for (const card of root.querySelectorAll('.ev-card[data-ev="' + i + '"]')) card.classList.toggle("active", on);
  }

  const HL_KINDS = [
    ["hl-PER", "hlPER"],
    ["hl-ORG", "hlORG"],
    ["hl-LOC", "hlLOC"],
    ["hl-place", "hlPlace"],
    ["hl-qty", "hlQty"],
    ["hl-evidence", "hlEvidence"],
    ["hl-actor", "hlActor"],
    ["hl-attrib", "hlAttrib"],
  ];

  function hlLegend(root) {
    const box = el("div", { className: "hl-legend" }, el("b", {}, t("legend") + ": "));
    for (const [cls, key] of HL_KINDS) {
      const input = el("input", { type: "checkbox", checked: true });
      input.addEventListener("change", () => root.classList.toggle("off-" + cls, !input.checked));
      box.appendChild(el("label", { className: "hl-key" }, input, el("span", { className: "hl " + cls }, t(key))));
    }
    return box;
  }

  function eventCard(ev, i) {
    const card = el("li", { className: "ev-card" + (ev.negated ? " negated" : ""), dataset: { ev: i } });
    card.style.setProperty("--c", colour(ev.type));
    card.appendChild(
      el(
        "div",
        { className: "ev-head" },
        el("span", { className: "ev-num" }, "#" + (i + 1)),
        typeChip(ev.type),
        ev.mode ? el("span", { className: "mode" }, ev.mode) : null,
        ev.negated ? el("span", { className: "badge" }, t("negated")) : null,
        typeof ev.confidence === "number" ? el("span", { className: "conf", title: t("confidence") }, ev.confidence.toFixed(2)) : null
      )
    );
    const dl = el("dl", {});
    const row = (key, value) => {
      if (value) dl.append(el("dt", {}, t(key)), el("dd", { dir: "auto" }, value));
    };
    const precision = ev.date_precision && ev.date_precision !== "day" ? " (" + t("precision_" + ev.date_precision) + ")" : "";
    row("date", ev.date ? el("span", {}, ltr(ev.date), precision) : "");
    const pl = ev.place;
    row("place", [pl && (pl.name || pl.text), countryName(ev.country)].filter(Boolean).join(" · "));
    row("actor", ev.actor ? ev.actor.text + (ev.actor.kind ? " (" + ev.actor.kind + ")" : "") : "");
    row("target", ev.target ? ev.target.text + (ev.target.kind ? " (" + ev.target.kind + ")" : "") : "");
    row("counts", countsText(ev.counts));
    row("attributedTo", ev.attributed_to ? ev.attributed_to.text : "");
    card.appendChild(dl);
    if (ev.note) card.appendChild(el("p", { className: "ev-note", dir: "ltr" }, ev.note));
    return card;
  }

  function entityTable(report) {
    const rows = new Map();
    for (const e of report.entities || []) {
      const key = e.type + "\u0000" + e.text;
      if (!rows.has(key)) rows.set(key, { e: e, n: 0 });
      rows.get(key).n++;
    }
    if (!rows.size) return el("p", { className: "empty" }, t("noneFound"));
    const table = el("table", { className: "data compact entities" });
    for (const { e, n } of rows.values())
      table.appendChild(
        el(
          "tr",
          {},
          el("td", {}, el("span", { className: "hl hl-ent hl-" + e.type }, t("hl" + e.type))),
          el("td", { dir: "rtl" }, e.text),
          el("td", { dir: "ltr" }, e.latin || ""),
          el("td", { className: "num", title: t("mentions") }, "×" + n)
        )
      );
    return table;
  }

  function placeTable(report) {
    const rows = new Map();
    for (const p of report.places || []) {
      const key = (p.geonameid || "") + "\u0000" + (p.name || p.text);
      if (!rows.has(key)) rows.set(key, { p: p, n: 0 });
      rows.get(key).n++;
    }
    if (!rows.size) return el("p", { className: "empty" }, t("noneFound"));
    const table = el("table", { className: "data compact places" });
    for (const { p, n } of rows.values())
      table.appendChild(
        el(
          "tr",
          {},
          el("td", { dir: "rtl" }, p.text),
          el("td", { dir: "ltr" }, p.name || ""),
          el("td", {}, countryName(p.country)),
          el("td", {}, p.kind || ""),
          el("td", { dir: "ltr", className: "nowrap", title: t("coords") }, typeof p.lat === "number" ? p.lat.toFixed(2) + ", " + p.lon.toFixed(2) : ""),
          el("td", { className: "num", title: t("mentions") }, "×" + n)
        )
      );
    return table;
  }

  /** Renders {text, report, title, outlet, published, url, ext_id} into ``container``. */
  function renderReading(container, data) {
    if (!container) return;
    state.readings[container.id] = data;
    clear(container);
    const root = el("article", { className: "reading" });
    const meta = el("p", { className: "meta" });
    const bits = [
      data.outlet ? el("bdi", {}, data.outlet) : null,
      data.published ? el("span", {}, t("published") + " ", ltr(data.published)) : null,
      data.ext_id ? el("bdi", {}, data.ext_id) : null,
    ].filter(Boolean);
    bits.forEach((b, i) => meta.append(i ? " · " : "", b));
    const url = safeUrl(data.url);
    if (url) meta.append(" · ", el("a", { href: url, rel: "noopener noreferrer", target: "_blank", dir: "ltr" }, url));
    root.appendChild(el("header", {}, el("h1", { dir: "auto", className: "reading-title" }, data.title || t("pasted")), meta));
    const report = data.report;
    if (!report) {
      root.appendChild(el("p", { className: "note" }, t("noReport")));
      root.appendChild(el("div", { className: "article-text", dir: "rtl", lang: "ar" }, data.text || ""));
      container.appendChild(root);
      return;
    }
    root.appendChild(hlLegend(root));
    const textBox = el("div", { className: "article-text", dir: "rtl", lang: "ar" });
    const { frag, mismatched } = highlightedText(data.text || "", report);
    textBox.appendChild(frag);
    const aside = el("aside", { className: "records" }, el("h2", {}, t("records")));
    if (report.credited_source)
      aside.appendChild(el("p", {}, el("b", {}, t("credited") + ": "), el("span", { dir: "rtl" }, report.credited_source.text)));
    aside.appendChild(el("h3", {}, t("events") + " (" + (report.events || []).length + ")"));
    const list = el("ol", { className: "ev-cards" });
    (report.events || []).forEach((ev, i) => list.appendChild(eventCard(ev, i)));
    if (!(report.events || []).length) list.appendChild(el("li", { className: "empty" }, t("noneFound")));
    aside.appendChild(list);
    aside.appendChild(el("h3", {}, t("entities") + " (" + (report.entities || []).length + ")"));
    aside.appendChild(entityTable(report));
    aside.appendChild(el("h3", {}, t("places") + " (" + (report.places || []).length + ")"));
    aside.appendChild(placeTable(report));
    const warnings = (report.warnings || []).slice();
    if (mismatched) warnings.push(t("spanMismatch", { n: mismatched }));
    if (warnings.length) {
      aside.appendChild(el("h3", {}, t("warnings")));
      const ul = el("ul", { className: "warnings" });
      for (const w of warnings) ul.appendChild(el("li", {}, w));
      aside.appendChild(ul);
    }
    root.appendChild(el("div", { className: "reading-grid" }, textBox, aside));
    // hovering an event card lights its evidence; hovering evidence lights its card
    list.addEventListener("mouseover", (e) => {
      const card = e.target.closest(".ev-card");
      if (card) setActiveEvent(root, card.dataset.ev, true);
    });
    list.addEventListener("mouseout", (e) => {
      const card = e.target.closest(".ev-card");
      if (card && !card.contains(e.relatedTarget)) setActiveEvent(root, card.dataset.ev, false);
    });
    list.addEventListener("click", (e) => {
      const card = e.target.closest(".ev-card");
      const first = card && root.querySelector('.hl-evidence[data-ev~="' + card.dataset.ev + '"]');
      if (first) first.scrollIntoView({ block: "center", behavior: "smooth" });
    });
    textBox.addEventListener("mouseover", (e) => {
      const span = e.target.closest(".hl[data-ev]");
      if (span) for (const i of span.dataset.ev.split(" ")) setActiveEvent(root, i, true);
    });
    textBox.addEventListener("mouseout", (e) => {
      const span = e.target.closest(".hl[data-ev]");
      if (span) for (const i of span.dataset.ev.split(" ")) setActiveEvent(root, i, false);
    });
    container.appendChild(root);
  }

  async function showArticle(id) {
    const box = $("article-reading");
    delete state.readings[box.id];
    clear(box).appendChild(el("p", { className: "status" }, t("loading")));
    try {
      const art = await getJSON("/api/articles/" + encodeURIComponent(id));
      renderReading(box, {
        text: art.text,
        report: art.report,
        title: art.title || art.ext_id,
        outlet: art.outlet,
        published: art.published,
        url: art.url,
        ext_id: art.ext_id,
      });
      window.scrollTo(0, 0);
    } catch (e) {
      clear(box).appendChild(el("p", { className: "status error" }, t("error") + ": " + e.message));
    }
  }

  // ---------- paste ----------

  async function submitPaste(e) {
    e.preventDefault();
    const text = $("paste-text").value;
    if (!text.trim()) return;
    const status = $("paste-status");
    const button = $("paste-submit");
    status.textContent = t("reading");
    button.disabled = true;
    const body = { text: text };
    if ($("paste-date").value) body.published = $("paste-date").value;
    if ($("paste-outlet").value.trim()) body.outlet = $("paste-outlet").value.trim();
    const headers = { "Content-Type": "application/json" };
    const token = $("paste-token").value.trim();
    if (token) headers.Authorization = "Bearer " + token;
    try {
      const report = await getJSON("/api/extract", { method: "POST", headers: headers, body: JSON.stringify(body) });
      status.textContent = "";
      renderReading($("paste-reading"), {
        text: text,
        report: report,
        title: t("pasted"),
        outlet: report.outlet,
        published: report.published,
      });
    } catch (err) {
      status.textContent = t("error") + ": " + err.message;
    } finally {
      button.disabled = false;
    }
  }

  // ---------- routing ----------

  function route() {
    const hash = location.hash || "#/";
    const m = hash.match(/^#\/article\/(\d+)/);
    const view = m ? "article" : hash.startsWith("#/paste") ? "paste" : "dashboard";
    state.view = view;
    for (const name of ["dashboard", "article", "paste"]) $("view-" + name).hidden = name !== view;
    $("nav-dashboard").classList.toggle("current", view === "dashboard");
    $("nav-paste").classList.toggle("current", view === "paste");
    document.body.dataset.view = view;
    if (view === "article") showArticle(m[1]);
    if (view === "dashboard" && state.map) {
      state.map.invalidateSize();
      renderTimeline();
    }
  }

  function init() {
    state.lang = initialLang() === "en" ? "en" : "ar";
    initMap();
    setLang(state.lang);
    $("lang-switch").addEventListener("click", () => setLang(state.lang === "ar" ? "en" : "ar"));
    $("filters").addEventListener("submit", (e) => {
      e.preventDefault();
      readFilters();
      applyFilters();
    });
    $("f-reset").addEventListener("click", () => {
      state.filters = { since: "", until: "", country: "", type: "", q: "" };
      writeFilters();
      applyFilters();
    });
    for (const id of ["f-country", "f-type"])
      $(id).addEventListener("change", () => {
        readFilters();
        applyFilters();
      });
    $("multi-only").addEventListener("change", renderIncidentsTable);
    $("events-more").addEventListener("click", () => {
      state.eventsShown += TABLE_STEP;
      renderEventsTable();
    });
    $("paste-form").addEventListener("submit", submitPaste);
    $("paste-text").addEventListener("keydown", (e) => {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) $("paste-form").requestSubmit();
    });
    let resizeTimer = 0;
    window.addEventListener("resize", () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(renderTimeline, 150);
    });
    window.addEventListener("hashchange", route);
    route();
    loadStats();
    loadDashboard();
  }

  init();
})();
