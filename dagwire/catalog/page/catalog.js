/* The catalog page: reads the embedded JSON and draws lists, pages and graphs from it.
   Every piece of data goes into the DOM as text (textContent / attributes), never as markup. */
"use strict";

const DATA = JSON.parse(document.getElementById("catalog-data").textContent);
const SVG_NS = "http://www.w3.org/2000/svg";
const KIND_TITLES = {
  resource: "Resources", asset: "Assets", asset_check: "Asset checks", job: "Jobs",
  op: "Ops", sensor: "Sensors", schedule: "Schedules",
};
const VIA = {
  parameter: (n) => "parameter " + n.parameter,
  required_resource_keys: () => "required_resource_keys",
  io_manager_key: () => "IO manager",
  input_manager_key: (n) => "input manager of " + n.parameter,
};

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "class") el.className = value;
    else el.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs || {})) el.setAttribute(name, value);
  for (const child of children) el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return el;
}

/* -- the data, indexed ------------------------------------------------------------------ */

const byRef = new Map();
for (const r of DATA.resources) byRef.set("resource:" + r.key, { kind: "resource", name: r.key, item: r });
for (const d of DATA.definitions) byRef.set(d.ref, { kind: d.kind, name: d.name, item: d });
const problemsByRef = new Map();
for (const p of DATA.problems) {
  for (const ref of new Set(["resource:" + p.key, ...p.refs])) {
    if (!problemsByRef.has(ref)) problemsByRef.set(ref, []);
    problemsByRef.get(ref).push(p);
  }
}

function hrefOf(ref) {
  const at = ref.indexOf(":");
  return "#" + ref.slice(0, at) + "/" + encodeURIComponent(ref.slice(at + 1));
}

function refLink(ref, label) {
  if (!byRef.has(ref)) return h("span", { class: "muted" }, label || ref.slice(ref.indexOf(":") + 1));
  return h("a", { href: hrefOf(ref), "data-ref": ref }, label || ref.slice(ref.indexOf(":") + 1));
}

function badge(kind, text) {
  return h("span", { class: "badge " + kind }, text || kind.replace("_", " "));
}

function where(location) {
  return location ? h("span", { class: "mono muted" }, location.file + ":" + location.line) : "";
}

/* -- the side list ---------------------------------------------------------------------- */

function searchText(kind, item) {
  const parts = [kind, item.key || item.name, item.class || "", item.description || ""];
  for (const f of item.fields || []) parts.push(f.name);
  for (const u of item.users || []) parts.push(u.name);
  for (const n of item.needs || []) parts.push(n.key);
  return parts.join(" ").toLowerCase();
}

function sideEntries() {
  const groups = [["resource", DATA.resources.map((r) => ({
    ref: "resource:" + r.key, label: r.key, sub: r.class.split(".").pop(), item: r }))]];
  for (const kind of ["asset", "asset_check", "job", "sensor", "schedule", "op"]) {
    groups.push([kind, DATA.definitions.filter((d) => d.kind === kind).map((d) => ({
      ref: d.ref, label: d.name, sub: kind === "schedule" ? d.cron : (d.group || ""), item: d }))]);
  }
  return groups;
}

function drawSide() {
  const query = document.getElementById("search").value.trim().toLowerCase();
  const lists = document.getElementById("lists");
  lists.replaceChildren();
  for (const [kind, entries] of sideEntries()) {
    const shown = entries.filter((e) => !query || searchText(kind, e.item).includes(query));
    if (!entries.length || (query && !shown.length)) continue;
    const items = shown.map((e) => h("li", {}, h("a",
      { href: hrefOf(e.ref), "data-ref": e.ref, class: e.ref === currentRef() ? "current" : null },
      h("span", {}, e.label), h("span", { class: "sub" }, e.sub || ""),
      problemsByRef.has(e.ref) ? h("span", { class: "flag", title: "has problems" }, "!") : null)));
    lists.append(h("div", { class: "group", "data-kind": kind },
      h("h3", {}, KIND_TITLES[kind] + " (" + shown.length + ")"), h("ul", {}, items)));
  }
  if (!lists.children.length) lists.append(h("div", { class: "empty" }, "Nothing matches."));
}

/* -- graphs: layered left-to-right layout, drawn as SVG ------------------------------------ */

function layout(graph) {
  const ids = graph.nodes.map((n) => n.id);
  const preds = new Map(ids.map((id) => [id, []]));
  for (const e of graph.edges) if (preds.has(e.to) && preds.has(e.from)) preds.get(e.to).push(e.from);
  const layer = new Map();
  const depth = (id, seen) => {
    if (layer.has(id)) return layer.get(id);
    if (seen.has(id)) return 0;  // a cycle: cut it here
    seen.add(id);
    const value = preds.get(id).reduce((m, p) => Math.max(m, depth(p, seen) + 1), 0);
    layer.set(id, value);
    return value;
  };
  ids.forEach((id) => depth(id, new Set()));
  const columns = [];
  for (const id of ids) (columns[layer.get(id)] ||= []).push(id);
  const row = new Map();
  columns.forEach((col) => col.forEach((id, i) => row.set(id, i)));
  for (let sweep = 0; sweep < 3; sweep++) {
    for (const col of columns.slice(1)) {
      const weight = (id) => { const p = preds.get(id); return p.length ? p.reduce((s, q) => s + row.get(q), 0) / p.length : row.get(id); };
      col.sort((a, b) => weight(a) - weight(b));
      col.forEach((id, i) => row.set(id, i));
    }
  }
  return { columns, layer, row };
}

function drawGraph(graph, current, label) {
  const box = h("div", { class: "graph", "data-graph": label });
  if (!graph || !graph.nodes.length) { box.append(h("div", { class: "empty" }, "Nothing to draw.")); return box; }
  const { columns, layer, row } = layout(graph);
  const width = (n) => Math.max(96, 16 + 7.4 * n.label.length);
  const colWidth = columns.map((col) => Math.max(...col.map((id) => width(graph.nodes.find((n) => n.id === id)))));
  const H = 34, GAP_X = 64, GAP_Y = 18, PAD = 12;
  const xOf = [];
  colWidth.reduce((x, w, i) => { xOf[i] = x; return x + w + GAP_X; }, PAD);
  const tallest = Math.max(...columns.map((c) => c.length));
  const pos = new Map();
  for (const n of graph.nodes) {
    const c = layer.get(n.id);
    const offset = (tallest - columns[c].length) * (H + GAP_Y) / 2;
    pos.set(n.id, { x: xOf[c], y: PAD + offset + row.get(n.id) * (H + GAP_Y), w: width(n) });
  }
  const W = xOf[xOf.length - 1] + colWidth[colWidth.length - 1] + PAD;
  const Ht = PAD * 2 + tallest * H + (tallest - 1) * GAP_Y;
  const root = svg("svg", { width: W, height: Ht, viewBox: `0 0 ${W} ${Ht}`, role: "img", "aria-label": label });
  const marker = svg("marker", { id: "arrow-" + label.replace(/\W/g, "_"), viewBox: "0 0 10 10", refX: 9, refY: 5,
    markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" }, svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#94a3b8" }));
  root.append(svg("defs", {}, marker));
  for (const e of graph.edges) {
    const a = pos.get(e.from), b = pos.get(e.to);
    if (!a || !b) continue;
    const x1 = a.x + a.w, y1 = a.y + H / 2, x2 = b.x - 2, y2 = b.y + H / 2, mid = (x1 + x2) / 2;
    root.append(svg("path", { class: "edge", "data-from": e.from, "data-to": e.to,
      d: `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}`, "marker-end": `url(#${marker.id})` }));
  }
  for (const n of graph.nodes) {
    const p = pos.get(n.id);
    const linked = n.ref && byRef.has(n.ref);
    const g = svg("g", { class: "node" + (linked ? " linked" : " external") + (n.ref === current ? " current" : ""),
      "data-id": n.id, transform: `translate(${p.x},${p.y})` },
      svg("rect", { width: p.w, height: H, rx: 6 }),
      svg("text", { x: 10, y: H / 2 + 4.5 }, n.label));
    if (linked) {
      g.addEventListener("click", () => { location.hash = hrefOf(n.ref); });
      g.append(svg("title", {}, n.ref));
    }
    root.append(g);
  }
  box.append(root);
  return box;
}

/* -- pages ------------------------------------------------------------------------------- */

function valueCell(value) {
  if (!value) return h("td", { class: "value muted" }, "");
  const td = h("td", { class: "value", "data-kind": value.kind });
  if (value.kind === "env") {
    td.append(value.text, " ", badge(value.env.set ? "env-set" : "env-unset", value.env.set ? "set" : "not set"));
  } else if (value.kind === "masked") {
    td.append(value.text, " ", badge("masked", "secret"));
  } else if (value.kind === "launch" || value.kind === "unset" || value.kind === "default") {
    td.append(h("span", { class: "muted" }, value.text + (value.kind === "default" ? "  (default)" : "")));
  } else {
    td.append(value.text);
  }
  return td;
}

function fieldsTable(fields, withValue) {
  const described = fields.some((f) => f.description);
  const head = h("tr", {}, h("th", {}, "field"), h("th", {}, "type"),
    withValue ? h("th", {}, "value") : null, h("th", {}, "default"),
    described ? h("th", {}, "description") : null);
  const rows = [head];
  for (const f of fields) {
    const required = f.required === null ? "" : "required";
    rows.push(h("tr", { "data-field": f.name }, h("td", { class: "mono" }, f.name),
      h("td", { class: "type muted" }, f.type || ""),
      withValue ? valueCell(f.value) : null,
      f.default ? valueCell(f.default) : h("td", { class: "muted" }, required),
      described ? h("td", {}, f.description || "") : null));
    const nested = f.value && f.value.resource;
    if (nested) {
      rows.push(h("tr", { class: "nested" }, h("td", { colspan: 3 + (withValue ? 1 : 0) + (described ? 1 : 0) },
        h("div", { class: "meta" }, "nested ", badge("resource"), " ", h("code", {}, nested.class),
          nested.partial ? [" ", badge("partial", "configure_at_launch")] : null,
          nested.shares ? [" · the same object as ", refLink("resource:" + nested.shares, nested.shares)] : null),
        fieldsTable(nested.fields, true))));
    }
  }
  return h("table", {}, rows);
}

function needsTable(needs) {
  if (!needs.length) return h("p", { class: "muted" }, "No resources.");
  return h("table", {}, h("tr", {}, h("th", {}, "resource"), h("th", {}, "how"), h("th", {}, "annotated")),
    needs.map((n) => h("tr", {}, h("td", {}, refLink("resource:" + n.key, n.key)),
      h("td", {}, (VIA[n.via] || (() => n.via))(n)), h("td", { class: "mono muted" }, n.expects || ""))));
}

function problemList(ref) {
  const found = problemsByRef.get(ref) || [];
  return found.length ? [h("h2", {}, "Problems"), h("ul", { class: "problems" }, found.map((p) => h("li", { "data-problem": p.kind }, p.message)))] : [];
}

function header(kind, name, item) {
  return [h("h1", {}, badge(kind), h("span", { id: "title" }, name)),
    item.location ? h("div", { class: "meta" }, "defined at ", where(item.location)) : null,
    item.description ? h("div", { class: "description" }, item.description) : null];
}

function resourcePage(r) {
  const out = header("resource", r.key, r);
  out.splice(1, 0, h("div", { class: "meta" }, {
    function: "resource function ", object: "object of class " }[r.kind] || "class ", h("code", {}, r.class),
    r.partial ? [" ", badge("partial", "configure_at_launch")] : null));
  out.push(...problemList("resource:" + r.key));
  if (r.nested_in.length) {
    out.push(h("h2", {}, "Nested in"), h("p", {}, r.nested_in.map((n) => [refLink("resource:" + n.key, n.key), h("code", {}, "." + n.field), " "])));
  }
  out.push(h("h2", {}, "Config"), r.fields.length ? fieldsTable(r.fields, true) : h("p", { class: "muted" }, "No config fields."));
  if (r.launch_config.length) {
    out.push(h("h2", {}, "Launch config"), h("table", {}, r.launch_config.map((c) =>
      h("tr", {}, h("td", {}, refLink("job:" + c.job, c.job)), valueCell(c.config)))));
  }
  if (r.needs.length) out.push(h("h2", {}, "Needs"), needsTable(r.needs));
  out.push(h("h2", {}, "Used by (" + r.users.length + ")"));
  if (!r.users.length) out.push(h("p", { class: "muted" }, "Nothing uses this resource."));
  else out.push(drawGraph(usersGraph(r), "resource:" + r.key, "users of " + r.key), h("p"),h("table", { id: "users" }, h("tr", {}, h("th", {}, "kind"), h("th", {}, "name"), h("th", {}, "how"), h("th", {}, "jobs"), h("th", {}, "defined at")),
    r.users.map((u) => h("tr", { "data-user": u.ref }, h("td", {}, badge(u.kind)), h("td", {}, refLink(u.ref, u.name)),
      h("td", {}, (VIA[u.via] || (() => u.via))(u)), h("td", { class: "chips" }, u.jobs.map((j) => refLink("job:" + j, j))),
      h("td", {}, where(u.location))))));
  return out;
}

function usersGraph(r) {
  /* the resource, what uses it, and the jobs its ops run in */
  const self = "resource:" + r.key;
  const nodes = [{ id: self, label: r.key, ref: self }];
  const edges = [];
  const add = (id, label, ref) => { if (!nodes.some((n) => n.id === id)) nodes.push({ id, label, ref }); };
  for (const n of r.nested_in) { add("resource:" + n.key, n.key + "." + n.field, "resource:" + n.key); edges.push({ from: self, to: "resource:" + n.key }); }
  for (const u of r.users) {
    add(u.ref, u.kind.replace("_", " ") + " " + u.name, u.ref);
    edges.push({ from: self, to: u.ref });
    for (const j of u.jobs) { add("job:" + j, "job " + j, "job:" + j); edges.push({ from: u.ref, to: "job:" + j }); }
  }
  return { nodes, edges };
}

function definitionPage(d) {
  const out = header(d.kind, d.name, d);
  const facts = [];
  if (d.group) facts.push(["group", d.group]);
  if (d.asset) facts.push(["checks asset", refLink("asset:" + d.asset, d.asset)]);
  if (d.job) facts.push(["starts job", refLink("job:" + d.job, d.job)]);
  if (d.cron) facts.push(["cron", h("code", {}, d.cron)]);
  if (d.jobs && d.jobs.length) facts.push(["runs in", h("span", { class: "chips" }, d.jobs.map((j) => refLink("job:" + j, j)))]);
  if (d.kind === "asset") {
    facts.push(["upstream", d.upstream.length ? h("span", { class: "chips" }, d.upstream.map((u) => refLink("asset:" + u, u))) : "none"]);
    const down = DATA.definitions.filter((o) => o.kind === "asset" && o.upstream.includes(d.name)).map((o) => o.name);
    facts.push(["downstream", down.length ? h("span", { class: "chips" }, down.map((u) => refLink("asset:" + u, u))) : "none"]);
  }
  if (!d.complete) facts.push(["note", "some of what this needs could not be read from source"]);
  if (facts.length) out.push(h("table", { class: "facts" }, facts.map(([k, v]) => h("tr", {}, h("th", {}, k), h("td", {}, v)))));
  out.push(...problemList(d.ref));
  if (d.kind !== "job") out.push(h("h2", {}, "Resources"), needsTable(d.needs));
  if (d.config) {
    out.push(h("h2", {}, "Config"), h("div", { class: "meta" }, d.config.class ? h("code", {}, d.config.class) : "config_schema"),
      d.config.fields.length ? fieldsTable(d.config.fields, false) : h("p", { class: "muted" }, "No fields."));
  }
  if (d.kind === "job") {
    out.push(h("h2", {}, d.job_kind === "ops" ? "Op graph" : "Assets"), drawGraph(d.graph, null, "job " + d.name));
    if (d.run_config) out.push(h("h2", {}, "Run config"), h("table", {}, h("tr", {}, valueCell(d.run_config))));
  }
  if (d.kind === "asset") out.push(h("h2", {}, "Asset graph"), drawGraph(DATA.asset_graph, d.ref, "asset graph"));
  return out;
}

function overview() {
  const count = (kind) => DATA.definitions.filter((d) => d.kind === kind).length;
  const cards = [["resources", DATA.resources.length], ["assets", count("asset")], ["jobs", count("job")],
    ["sensors", count("sensor")], ["schedules", count("schedule")], ["problems", DATA.problems.length]];
  const out = [h("h1", {}, "Resources of ", h("code", { id: "title" }, DATA.source)),
    h("div", { class: "cards" }, cards.map(([l, n]) => h("div", { class: "card" + (l === "problems" && n ? " bad" : "") }, h("div", { class: "n" }, n), h("div", { class: "l" }, l))))];
  out.push(h("h2", {}, "Problems"));
  out.push(DATA.problems.length ? h("ul", { class: "problems" }, DATA.problems.map((p) => h("li", { "data-problem": p.kind }, p.message)))
    : h("p", { class: "ok" }, "No problems: every key that is needed is bound, with a fitting class."));
  out.push(h("h2", {}, "Resources"), h("table", {}, h("tr", {}, h("th", {}, "key"), h("th", {}, "class"), h("th", {}, "config"), h("th", {}, "used by")),
    DATA.resources.map((r) => h("tr", {}, h("td", {}, refLink("resource:" + r.key, r.key)), h("td", { class: "mono" }, r.class.split(".").pop()),
      h("td", { class: "mono muted" }, r.fields.map((f) => f.name + " = " + (f.value ? f.value.text : "")).join(", ")),
      h("td", { class: "chips" }, r.users.map((u) => refLink(u.ref, u.name)))))));
  out.push(h("h2", {}, "Asset graph"), drawGraph(DATA.asset_graph, null, "asset graph"));
  if (!DATA.complete) out.push(h("p", { class: "muted" }, "Some definitions could not be read completely from source; unused keys are not reported."));
  return out;
}

/* -- routing ----------------------------------------------------------------------------- */

function currentRef() {
  const m = /^#([a-z_]+)\/(.*)$/.exec(location.hash);
  return m ? m[1] + ":" + decodeURIComponent(m[2]) : null;
}

function route() {
  const ref = currentRef();
  const found = ref && byRef.get(ref);
  const main = document.getElementById("main");
  let content;
  if (!found) content = overview();
  else if (found.kind === "resource") content = resourcePage(found.item);
  else content = definitionPage(found.item);
  main.replaceChildren(...content.filter(Boolean));
  main.setAttribute("data-page", found ? ref : "overview");
  main.scrollTop = 0;
  drawSide();
  document.title = (found ? found.name + " · " : "") + "Resources of " + DATA.source;
}

document.getElementById("source").textContent = DATA.source;
document.getElementById("mode").textContent = DATA.mode === "static" ? "from source" : "loaded";
document.getElementById("counts").textContent = DATA.resources.length + " resources · " +
  DATA.definitions.length + " definitions · " + DATA.problems.length + " problems";
document.getElementById("search").addEventListener("input", drawSide);
document.getElementById("search").addEventListener("keydown", (event) => {
  if (event.key !== "Enter") return;
  const first = document.querySelector("#lists a");
  if (first) location.hash = first.getAttribute("href");
});
window.addEventListener("hashchange", route);
route();
