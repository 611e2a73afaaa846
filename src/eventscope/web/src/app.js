/* eventscope analyst's desk: plain JS over the HTTP API (no framework, no network beyond this server). */
"use strict";

const FAMILY_COLORS = {
  verbal_cooperation: "#4e9a4e", material_cooperation: "#1f6fb2",
  verbal_conflict: "#e08a1e", material_conflict: "#c0392b",
};
const FAMILY_ORDER = Object.keys(FAMILY_COLORS);
const MAP_W = 960, MAP_H = 480;
const PAGE_SIZE = 20;

const state = {
  sort: "-date", cursors: [null], page: 0, filters: {}, ontology: null, world: null,
  view: [-180, -90, 180, 90], points: [], live: [], selected: null,
};

const $ = (sel, root = document) => root.querySelector(sel);
const el = (tag, attrs = {}, ...children) => {
  const node = tag.startsWith("svg:")
    ? document.createElementNS("http://www.w3.org/2000/svg", tag.slice(4)) : document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "on") for (const [ev, fn] of Object.entries(value)) node.addEventListener(ev, fn);
    else if (key === "text") node.textContent = value;
    else node.setAttribute(key, value);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined)
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
};

// -- API --------------------------------------------------------------------------------------------------
async function api(path, options = {}) {
  const response = await fetch(path, options);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const err = body.error || { code: `http_${response.status}`, message: response.statusText };
    throw Object.assign(new Error(`${err.code}: ${err.message}`), { code: err.code, status: response.status });
  }
  return body;
}

function filterParams(extra = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...state.filters, ...extra }))
    if (value !== "" && value !== null && value !== undefined) params.set(key, value);
  return params;
}

// -- filters ------------------------------------------------------------------------------------------------
function readFilters() {
  const form = $("#filters");
  const filters = {};
  for (const [key, value] of new FormData(form).entries()) if (String(value).trim() !== "") filters[key] = String(value).trim();
  state.filters = filters;
  $("#bbox-note").textContent = filters.bbox ? `map area ${filters.bbox}` : "";
}

function applyFilters() {
  readFilters();
  state.cursors = [null];
  state.page = 0;
  refreshAll();
}

function setFilter(name, value) {
  const input = $(`#filters [name="${name}"]`);
  if (input) input.value = value;
  applyFilters();
}

// -- table ------------------------------------------------------------------------------------------------
const MODALITY_WORDS = {
  asserted: "reported as having happened", future: "announced or promised, not yet happened",
  hypothetical: "conditional or hypothetical",
};
function confidenceWords(value) {
  if (value >= 0.8) return `high confidence (${value.toFixed(2)})`;
  if (value >= 0.5) return `medium confidence (${value.toFixed(2)})`;
  return `low confidence (${value.toFixed(2)})`;
}
function actorLabel(name, country) { return name ? `${name}${country ? ` [${country}]` : ""}` : "—"; }

async function loadEvents() {
  const params = filterParams({ sort: state.sort, limit: PAGE_SIZE });
  const cursor = state.cursors[state.page];
  if (cursor) params.set("cursor", cursor);
  const tbody = $("#events tbody");
  let page;
  try {
    page = await api(`/events?${params}`);
  } catch (err) {
    tbody.replaceChildren(el("tr", {}, el("td", { colspan: 9, class: "error", text: err.message })));
    $("#count").textContent = "";
    return;
  }
  tbody.replaceChildren(...page.items.map(row => el("tr", {
    "data-event-id": row.event_id, class: row.event_id === state.selected ? "selected" : null,
    on: { click: () => openEvidence(row.event_id) },
  },
  el("td", { text: row.date || "—" }),
  el("td", {}, el("span", { class: "fam", style: `background:${FAMILY_COLORS[row.family] || "#999"}` }),
    row.event_type + (row.mode ? `/${row.mode}` : ""), row.negated ? " (denied)" : "",
    row.modality !== "asserted" ? ` (${row.modality})` : ""),
  el("td", { text: actorLabel(row.actor1_name, row.actor1_country) }),
  el("td", { text: actorLabel(row.actor2_name, row.actor2_country) }),
  el("td", { text: row.place || "—" }),
  el("td", { text: row.country || "—" }),
  el("td", { text: row.confidence.toFixed(2) }),
  el("td", { text: row.mentions }),
  el("td", { class: "doc" }, el("a", {
    href: `#doc-${row.first_doc_id}`, text: row.doc_title || row.first_doc_id,
    on: { click: ev => { ev.preventDefault(); ev.stopPropagation(); openDocument(row.first_doc_id); } },
  })))));
  const first = page.total ? page.offset + 1 : 0;
  $("#count").textContent = `${first}–${page.offset + page.items.length} of ${page.total}`;
  $("#count").dataset.total = page.total;
  state.cursors[state.page + 1] = page.next_cursor;
  $("#prev").disabled = state.page === 0;
  $("#next").disabled = !page.next_cursor;
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    th.classList.toggle("sorted-asc", state.sort === th.dataset.sort);
    th.classList.toggle("sorted-desc", state.sort === `-${th.dataset.sort}`);
  }
  const query = filterParams();
  $("#csv").href = `/events.csv?${query}`;
  $("#geojson").href = `/events.geojson?${query}`;
}

// -- evidence ------------------------------------------------------------------------------------------------
function highlight(text, offset, spans) {
  // spans: [{start, end, cls, title}] in document offsets; text starts at `offset`
  const cuts = new Set([0, text.length]);
  const local = spans.filter(s => s && s.start !== null && s.end > s.start)
    .map(s => ({ ...s, a: Math.max(0, s.start - offset), b: Math.min(text.length, s.end - offset) }))
    .filter(s => s.a < s.b);
  for (const s of local) { cuts.add(s.a); cuts.add(s.b); }
  const points = [...cuts].sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = local.filter(s => s.a <= a && s.b >= b);
    const piece = text.slice(a, b);
    if (!covering.length) { out.push(piece); continue; }
    const inner = covering[covering.length - 1];
    out.push(el("mark", {
      class: covering.map(s => s.cls).join(" "), title: covering.map(s => s.title).filter(Boolean).join("; "),
      "data-kind": inner.kind || null,
    }, piece));
  }
  return out;
}

async function openEvidence(eventId) {
  state.selected = eventId;
  for (const tr of document.querySelectorAll("#events tbody tr"))
    tr.classList.toggle("selected", tr.dataset.eventId === eventId);
  const panel = $("#evidence-panel");
  const box = $("#evidence");
  panel.hidden = false;
  let event;
  try { event = await api(`/events/${encodeURIComponent(eventId)}`); } catch (err) {
    box.replaceChildren(el("p", { class: "error", text: err.message }));
    return;
  }
  box.replaceChildren(renderEvidence(event));
}

function renderEvidence(event) {
  const first = event.reports[0] || {};
  const spans = [
    event.actor1 && { ...event.actor1, cls: "h-actor1", title: "actor", kind: "actor1" },
    event.actor2 && { ...event.actor2, cls: "h-actor2", title: "recipient", kind: "actor2" },
    event.claimed_by && { ...event.claimed_by, cls: "h-claimed", title: "claimed by", kind: "claimed_by" },
    event.location && event.location.start !== null && { ...event.location, cls: "h-place", title: "place", kind: "place" },
    { ...event.trigger, cls: "h-trigger", title: "trigger", kind: "trigger" },
  ].filter(Boolean);
  const dateSpan = findDateSpan(first.sentence || "", event);
  if (dateSpan) spans.push({ start: event.sentence.start + dateSpan[0], end: event.sentence.start + dateSpan[1],
    cls: "h-date", title: "date", kind: "date" });
  const sentence = el("div", { class: "sentence", id: "evidence-sentence" },
    highlight(first.sentence || "", event.sentence.start, spans));
  const loc = event.location;
  const status = event.negated ? "denied: the report says it did not happen"
    : MODALITY_WORDS[event.modality] || event.modality;
  const keys = el("div", { class: "keys" },
    el("span", {}, el("b", { text: "type " }), `${event.event_type}${event.mode ? " / " + event.mode : ""}`,
      ` (${(event.family || "").replace("_", " ")}, CAMEO ${event.cameo || "—"})`),
    el("span", {}, el("b", { text: "actor " }), event.actor1 ? actorText(event.actor1) : "—"),
    el("span", {}, el("b", { text: "recipient " }), event.actor2 ? actorText(event.actor2) : "—"),
    el("span", {}, el("b", { text: "where " }), loc ? `${loc.name || loc.text}${loc.admin1 ? ", " + loc.admin1 : ""}` +
      ` ${loc.country || ""} (${loc.precision})` : "—"),
    el("span", {}, el("b", { text: "when " }), `${event.date || "—"}` +
      (event.date_source ? ` (${event.date_source === "text" ? "from the sentence" : "publication date"})` : "")),
    el("span", { class: "modality" }, el("b", { text: "status " }), status),
    el("span", { class: "confidence" }, el("b", { text: "confidence " }), confidenceWords(event.confidence)),
    el("span", {}, el("b", { text: "reports " }), String(event.mentions)));
  const quotes = (event.quotes || []).map(q => el("div", { class: "quote" },
    `${q.direct ? "“" : ""}${q.text}${q.direct ? "”" : ""}`, " — ",
    el("b", { text: q.speaker ? actorText(q.speaker) : "unattributed" })));
  if (!quotes.length && event.claimed_by)
    quotes.push(el("div", { class: "quote" }, "on the word of ", el("b", { text: actorText(event.claimed_by) })));
  const reports = el("ol", { class: "reports" }, event.reports.map(r => el("li", {},
    el("a", { href: `#doc-${r.doc_id}`, text: r.title || r.doc_id,
      on: { click: ev => { ev.preventDefault(); openDocument(r.doc_id, event.event_id); } } }),
    r.url ? el("span", {}, " · ", el("a", { href: r.url, rel: "noopener noreferrer", target: "_blank", text: r.url })) : "",
    r.date ? ` · ${r.date}` : "", r.duplicate_of ? " · a copy of an earlier document" : "",
    el("div", { class: "note", text: r.sentence || "" }))));
  return el("div", { "data-event-id": event.event_id }, sentence, keys,
    quotes.length ? el("div", {}, el("b", { text: "rests on" }), quotes) : "",
    el("div", {}, el("b", { text: "every report" }), reports));
}

function actorText(actor) {
  const codes = [actor.country, actor.sector].filter(Boolean).join("/");
  return `${actor.name || actor.text}${codes ? ` [${codes}]` : ""}`;
}

function findDateSpan(sentence, event) {
  // the record has no date span; mark the sentence's date cue when the date came from the text
  if (event.date_source !== "text") return null;
  const match = sentence.match(/\b(on |last |this |next )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|week|month|year|(January|February|March|April|May|June|July|August|September|October|November|December)( \d{1,2})?(,? \d{4})?)\b/);
  return match ? [match.index, match.index + match[0].length] : null;
}

// -- document view ------------------------------------------------------------------------------------------------
async function openDocument(docId, focusEvent) {
  const panel = $("#document-panel");
  panel.hidden = false;
  try {
    renderDocument(await api(`/documents/${encodeURIComponent(docId)}`), focusEvent);
  } catch (err) {
    $("#document").replaceChildren(el("p", { class: "error", text: err.message }));
  }
  panel.scrollIntoView({ behavior: "instant", block: "start" });
}

function renderDocument(record, focusEvent) {
  const text = record.text || "";
  const spans = [
    ...(record.entities || []).map(e => ({ ...e, cls: "m-ent", title: e.label, kind: "entity" })),
    ...(record.places || []).map(p => ({ ...p, cls: "m-place", title: `place: ${p.name || p.text} ${p.country || ""}`, kind: "place" })),
    ...(record.quotes || []).map(q => ({ ...q, cls: "m-quote", kind: "quote",
      title: `quote — ${q.speaker ? actorText(q.speaker) : "unattributed"}` })),
    ...(record.events || []).map(e => ({ ...e.trigger, cls: "m-trigger" + (e.event_id === focusEvent ? " focus" : ""),
      title: `${e.event_type}${e.mode ? "/" + e.mode : ""}`, kind: "event" })),
  ];
  const paragraphs = record.paragraphs && record.paragraphs.length ? record.paragraphs
    : [{ start: 0, end: text.length, duplicate_of: null }];
  const body = el("div", { class: "doctext" }, paragraphs.map((p, index) => {
    const dup = p.duplicate_of !== null && p.duplicate_of !== undefined;
    const content = highlight(text.slice(p.start, p.end), p.start, dup ? [] : spans);
    return el("p", { id: `para-${index}`, class: dup ? "dup" : null, "data-duplicate-of": dup ? p.duplicate_of : null },
      content, dup ? el("a", { class: "dup-link", href: `#para-${p.duplicate_of}`, text: `repeats paragraph ${p.duplicate_of + 1}`,
        on: { click: ev => { ev.preventDefault(); $(`#para-${p.duplicate_of}`).scrollIntoView({ block: "center" }); } } }) : "");
  }));
  const quotes = el("ul", { class: "quotes-list" }, (record.quotes || []).map(q => el("li", { class: "doc-quote" },
    el("b", { class: "speaker", text: q.speaker ? actorText(q.speaker) : "unattributed" }),
    q.cue ? ` (${q.cue.text}): ` : ": ", `${q.direct ? "“" : ""}${q.text}${q.direct ? "”" : ""}`)));
  const head = el("div", {}, el("b", { text: record.title || "(untitled)" }),
    record.url ? el("span", {}, " · ", el("a", { href: record.url, text: record.url, target: "_blank", rel: "noopener noreferrer" })) : "",
    ` · ${record.date || "no date"} · ${(record.events || []).length} events · ${(record.quotes || []).length} quotes`,
    record.duplicate_of ? el("div", { class: "note" }, "a copy of ", el("a", { href: "#", text: record.duplicate_of,
      on: { click: ev => { ev.preventDefault(); openDocument(record.duplicate_of); } } })) : "",
    record.error ? el("div", { class: "error", text: record.error }) : "");
  $("#document").replaceChildren(el("div", { "data-doc-id": record.doc_id }, head, body,
    quotes.childNodes.length ? el("div", {}, el("b", { text: "Quotes and their speakers" }), quotes) : ""));
}

// -- map --------------------------------------------------------------------------------------------------------
function project([lon, lat]) { return [(lon + 180) / 360 * MAP_W, (90 - lat) / 180 * MAP_H]; }

function ringPath(ring) {
  let d = "", prev = null;
  for (const point of ring) {
    const [x, y] = project(point);
    // break the ring where it jumps across the antimeridian
    d += (prev === null || Math.abs(point[0] - prev[0]) > 180 ? "M" : "L") + x.toFixed(1) + "," + y.toFixed(1);
    prev = point;
  }
  return d + "Z";
}

function drawCountries(svg) {
  if (!state.world || !window.topojson) return;
  const layer = el("svg:g", { class: "countries" });
  const features = topojson.feature(state.world, state.world.objects.countries).features;
  for (const feature of features) {
    const geometry = feature.geometry;
    if (!geometry) continue;
    const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
    const d = polygons.map(polygon => polygon.map(ringPath).join("")).join("");
    layer.append(el("svg:path", { class: "country", d }, el("svg:title", { text: feature.properties.name })));
  }
  svg.append(layer);
}

function setView(view) {
  const [w, s, e, n] = view;
  const [x0, y0] = project([w, n]);
  const [x1, y1] = project([e, s]);
  let width = Math.max(x1 - x0, 4), height = Math.max(y1 - y0, 2);
  // keep the 2:1 aspect of the frame
  if (width / height > 2) { const h = width / 2; state.vb = [x0, y0 - (h - height) / 2, width, h]; }
  else { const wd = height * 2; state.vb = [x0 - (wd - width) / 2, y0, wd, height]; }
  state.view = view;
  $("#map").setAttribute("viewBox", state.vb.join(" "));
  drawPoints();
}

function fitView() {
  const pts = [...state.points, ...state.live];
  if (!pts.length) { setView([-180, -70, 180, 85]); return; }
  const lons = pts.map(p => p.lon), lats = pts.map(p => p.lat);
  const pad = 4;
  setView([Math.max(-180, Math.min(...lons) - pad), Math.max(-90, Math.min(...lats) - pad),
    Math.min(180, Math.max(...lons) + pad), Math.min(90, Math.max(...lats) + pad)]);
}

function drawPoints() {
  const svg = $("#map");
  svg.querySelector(".points")?.remove();
  const layer = el("svg:g", { class: "points" });
  const scale = state.vb ? state.vb[2] / MAP_W : 1;  // svg units per screen-ish pixel
  const cell = 14 * scale;  // cluster points closer than ~14px
  const clusters = new Map();
  for (const p of [...state.points, ...state.live]) {
    const [x, y] = project([p.lon, p.lat]);
    const key = `${p.live ? "L" : "S"}:${Math.floor(x / cell)}:${Math.floor(y / cell)}`;
    const c = clusters.get(key) || { items: [], x: 0, y: 0, live: p.live };
    c.items.push(p); c.x += x; c.y += y;
    clusters.set(key, c);
  }
  for (const c of clusters.values()) {
    const x = c.x / c.items.length, y = c.y / c.items.length;
    const mentions = c.items.reduce((sum, p) => sum + (p.mentions || 1), 0);
    const families = {};
    for (const p of c.items) families[p.family] = (families[p.family] || 0) + 1;
    const family = Object.entries(families).sort((a, b) => b[1] - a[1])[0][0];
    const r = (4.5 + 2.5 * Math.sqrt(mentions)) * scale;
    const places = [...new Set(c.items.map(p => p.place).filter(Boolean))];
    const circle = el("svg:circle", {
      class: "point" + (c.live ? " live" : "") + (c.items.length > 1 ? " cluster" : ""), cx: x, cy: y, r,
      fill: FAMILY_COLORS[family] || "#777", "data-place": places.join("|"), "data-count": c.items.length,
      "data-mentions": mentions, "data-family": family,
      on: { click: () => clickPoints(c.items) },
    }, el("svg:title", { text: `${places.join(", ") || "?"}: ${c.items.length} event(s), ${mentions} report(s)` +
      (c.live ? " (just coded)" : "") }));
    layer.append(circle);
    if (c.items.length > 1)
      layer.append(el("svg:text", { class: "cluster-label", x, y, "font-size": 10 * scale, text: c.items.length }));
  }
  svg.append(layer);
}

function clickPoints(items) {
  const lons = items.map(p => p.lon), lats = items.map(p => p.lat);
  const pad = 0.05;
  const bbox = [Math.min(...lons) - pad, Math.min(...lats) - pad, Math.max(...lons) + pad, Math.max(...lats) + pad]
    .map(v => v.toFixed(4));
  $("#filters [name=bbox]").value = bbox.join(",");
  applyFilters();
}

async function loadMap() {
  try {
    const geo = await api(`/events.geojson?${filterParams({ limit: 20000 })}`);
    state.points = geo.features.map(f => ({ ...f.properties, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }));
  } catch (err) { state.points = []; }
  if (!state.userView) fitView(); else drawPoints();
}

// -- timeline ---------------------------------------------------------------------------------------------------
function drawTimeline(byFamilyDay) {
  const svg = $("#timeline");
  svg.replaceChildren();
  const W = 960, H = 160, left = 30, bottom = 20, top = 8;
  if (!byFamilyDay.length) { svg.append(el("svg:text", { x: W / 2, y: H / 2, "text-anchor": "middle", text: "no dated events" })); return; }
  const days = byFamilyDay.map(d => d.date);
  const t0 = Date.parse(days[0]), t1 = Date.parse(days[days.length - 1]);
  const span = Math.max(t1 - t0, 86400000);
  const x = t => left + (t - t0) / span * (W - left - 20);
  const maxTotal = Math.max(...byFamilyDay.map(d => FAMILY_ORDER.reduce((s, f) => s + (d[f] || 0), 0)));
  const y = v => (H - bottom - top) * v / maxTotal;
  const barW = Math.max(2, Math.min(24, (W - left - 20) / (span / 86400000 + 1) * 0.8));
  for (const d of byFamilyDay) {
    let base = H - bottom;
    for (const family of FAMILY_ORDER) {
      const h = y(d[family] || 0);
      if (!h) continue;
      base -= h;
      svg.append(el("svg:rect", { x: x(Date.parse(d.date)) - barW / 2, y: base, width: barW, height: h,
        fill: FAMILY_COLORS[family], class: "bar", "data-date": d.date, "data-family": family },
      el("svg:title", { text: `${d.date} ${family.replace("_", " ")}: ${d[family]}` })));
    }
  }
  svg.append(el("svg:text", { x: left, y: H - 4, text: days[0] }),
    el("svg:text", { x: W - 20, y: H - 4, "text-anchor": "end", text: days[days.length - 1] }),
    el("svg:text", { x: 2, y: top + 8, text: maxTotal }));
  // brush: drag across the timeline to set since/until
  const brush = el("svg:rect", { class: "brush", y: top, height: H - bottom - top, width: 0, x: 0, visibility: "hidden" });
  svg.append(brush);
  const toDate = px => new Date(t0 + (px - left) / (W - left - 20) * span).toISOString().slice(0, 10);
  const svgX = ev => { const box = svg.getBoundingClientRect(); return (ev.clientX - box.left) / box.width * W; };
  let start = null;
  svg.onmousedown = ev => { start = svgX(ev); brush.setAttribute("visibility", "visible"); brush.setAttribute("x", start); brush.setAttribute("width", 0); };
  svg.onmousemove = ev => { if (start === null) return; const now = svgX(ev);
    brush.setAttribute("x", Math.min(start, now)); brush.setAttribute("width", Math.abs(now - start)); };
  svg.onmouseup = ev => {
    if (start === null) return;
    const end = svgX(ev);
    const [a, b] = [Math.min(start, end), Math.max(start, end)];
    start = null;
    if (b - a < 3) { brush.setAttribute("visibility", "hidden"); return; }
    $("#filters [name=since]").value = toDate(a);
    $("#filters [name=until]").value = toDate(b);
    applyFilters();
  };
}

// -- dyad network ---------------------------------------------------------------------------------------------------
function drawNetwork(dyads) {
  const svg = $("#network");
  svg.replaceChildren();
  const family = $("#net-family").value;
  const edges = new Map();
  for (const d of dyads) {
    if (family && d.family !== family) continue;
    const key = `${d.actor1}\u0000${d.actor2}`;
    const e = edges.get(key) || { a: d.actor1, b: d.actor2, count: 0, families: {} };
    e.count += d.count; e.families[d.family] = (e.families[d.family] || 0) + d.count;
    edges.set(key, e);
  }
  const top = [...edges.values()].sort((p, q) => q.count - p.count).slice(0, 40);
  const weight = new Map();
  for (const e of top) for (const n of [e.a, e.b]) weight.set(n, (weight.get(n) || 0) + e.count);
  const nodes = [...weight.keys()].sort((p, q) => weight.get(q) - weight.get(p)).slice(0, 30);
  if (!nodes.length) { svg.append(el("svg:text", { x: 480, y: 200, "text-anchor": "middle", text: "no dyads" })); return; }
  const pos = new Map(nodes.map((n, i) => {
    const angle = 2 * Math.PI * i / nodes.length - Math.PI / 2;
    return [n, [480 + 300 * Math.cos(angle), 210 + 170 * Math.sin(angle)]];
  }));
  const maxCount = Math.max(...top.map(e => e.count));
  for (const e of top) {
    if (!pos.has(e.a) || !pos.has(e.b)) continue;
    const [[x1, y1], [x2, y2]] = [pos.get(e.a), pos.get(e.b)];
    const fam = Object.entries(e.families).sort((p, q) => q[1] - p[1])[0][0];
    svg.append(el("svg:line", { class: "edge", x1, y1, x2, y2, stroke: FAMILY_COLORS[fam] || "#888",
      "stroke-width": 1 + 5 * e.count / maxCount }, el("svg:title", { text: `${e.a} → ${e.b}: ${e.count}` })));
  }
  for (const n of nodes) {
    const [x, y] = pos.get(n);
    svg.append(el("svg:circle", { class: "node", cx: x, cy: y, r: 3 + Math.sqrt(weight.get(n)) * 2,
      on: { click: () => setFilter("actor", n) } }, el("svg:title", { text: `${n}: ${weight.get(n)}` })),
    el("svg:text", { class: "node-label", x: x + (x >= 480 ? 8 : -8), y: y + 4, "text-anchor": x >= 480 ? "start" : "end", text: n }));
  }
}

// -- coding a pasted report -------------------------------------------------------------------------------------------
async function codePasted() {
  const text = $("#paste").value;
  const status = $("#code-status");
  if (!text.trim()) { status.textContent = "paste a report first"; return; }
  const token = $("#token").value.trim();
  if (!token) { status.textContent = "enter the token (EVENTSCOPE_TOKEN) at the top to code"; status.classList.add("error"); $("#token").focus(); return; }
  status.classList.remove("error");
  status.textContent = "coding…";
  const isHtml = /^\s*<(!doctype|html|body|article|div|p)\b/i.test(text);
  const body = { [isHtml ? "html" : "text"]: text, store: $("#store").checked };
  if ($("#code-date").value) body.date = $("#code-date").value;
  try {
    const result = await api("/code", { method: "POST", body: JSON.stringify(body),
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${token}` } });
    const record = result.records[0];
    if (record.error) { status.textContent = record.error; status.classList.add("error"); return; }
    const families = {};
    for (const t of state.ontology.types) families[t.name] = t.family;
    state.live = record.events.filter(e => e.location && e.location.lat !== null).map(e => ({
      event_id: e.event_id, lon: e.location.lon, lat: e.location.lat, place: e.location.name || e.location.text,
      mentions: e.mentions, family: families[e.event_type], live: true }));
    status.textContent = `${record.events.length} events, ${record.quotes.length} quotes` +
      (result.stored ? " — stored" : body.store ? " — already stored" : "");
    $("#document-panel").hidden = false;
    renderDocument(record);
    state.userView = false;
    if (body.store) await refreshAll(); else fitView();
  } catch (err) {
    status.textContent = err.message;
    status.classList.add("error");
  }
}

function setupDrop() {
  const zone = $("#drop");
  const load = file => file.text().then(text => { $("#paste").value = text; });
  zone.addEventListener("dragover", ev => { ev.preventDefault(); zone.classList.add("over"); });
  zone.addEventListener("dragleave", () => zone.classList.remove("over"));
  zone.addEventListener("drop", ev => { ev.preventDefault(); zone.classList.remove("over");
    if (ev.dataTransfer.files[0]) load(ev.dataTransfer.files[0]); });
  $("#file").addEventListener("change", ev => { if (ev.target.files[0]) load(ev.target.files[0]); });
}

// -- startup -------------------------------------------------------------------------------------------------------------
async function loadStats() {
  try {
    const stats = await api(`/stats?${filterParams({ top: 100 })}`);
    state.dyads = stats.dyads;
    drawTimeline(stats.by_family_day);
    drawNetwork(stats.dyads);
    $("#summary").textContent = `${stats.events} events · ${stats.mentions} reports` +
      (Object.keys(state.filters).length ? " (filtered)" : "");
  } catch (err) {
    $("#summary").textContent = err.message;
  }
}

async function refreshAll() {
  await Promise.all([loadEvents(), loadMap(), loadStats()]);
  document.body.dataset.ready = "1";
}

async function init() {
  $("#token").value = sessionStorage.getItem("eventscope-token") || "";
  $("#token").addEventListener("change", () => sessionStorage.setItem("eventscope-token", $("#token").value));
  try { state.ontology = await api("/ontology"); } catch (err) { state.ontology = { types: [], families: [] }; }
  for (const t of state.ontology.types)
    $("#f-type").append(el("option", { value: t.name, title: t.definition, text: t.name }));
  for (const f of state.ontology.families) {
    const label = f.replace("_", " ");
    $("#f-family").append(el("option", { value: f, text: label }));
    $("#net-family").append(el("option", { value: f, text: label }));
    $("#legend").append(el("span", {}, el("i", { style: `background:${FAMILY_COLORS[f]}` }), label));
  }
  try { state.world = await (await fetch("/static/vendor/countries-50m.json")).json(); } catch (err) { state.world = null; }
  drawCountries($("#map"));
  $("#filters").addEventListener("submit", ev => { ev.preventDefault(); applyFilters(); });
  $("#clear-filters").addEventListener("click", () => { $("#filters").reset(); $("#filters [name=bbox]").value = "";
    state.userView = false; applyFilters(); });
  for (const th of document.querySelectorAll("#events th[data-sort]"))
    th.addEventListener("click", () => {
      const key = th.dataset.sort;
      state.sort = state.sort === `-${key}` ? key : `-${key}`;
      state.cursors = [null]; state.page = 0;
      loadEvents();
    });
  $("#prev").addEventListener("click", () => { if (state.page > 0) { state.page -= 1; loadEvents(); } });
  $("#next").addEventListener("click", () => { if (state.cursors[state.page + 1]) { state.page += 1; loadEvents(); } });
  $("#map-fit").addEventListener("click", () => { state.userView = false; fitView(); });
  $("#map-world").addEventListener("click", () => { state.userView = true; setView([-180, -70, 180, 85]); });
  $("#net-family").addEventListener("change", () => drawNetwork(state.dyads || []));
  $("#code").addEventListener("click", codePasted);
  setupDrop();
  readFilters();
  await refreshAll();
}

init();
