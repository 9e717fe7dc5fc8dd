// Renders the panels of the shipped Grafana dashboard (connector/src/assembly/etc/tdconnect-grafana-dashboard.json)
// to one HTML page, WITHOUT Grafana: each panel's PromQL targets are run against Prometheus' HTTP API
// (query_range) and drawn with uPlot at the panel's grid position. Grafana is not installable on the machines this
// project runs on; this page is how docs/images/dashboard.png was made (headless Chromium screenshot of it).
//
//   node render-dashboard.mjs <dashboard.json> <prometheus URL> <minutes> <uPlot dir> > dashboard.html
//   chromium --headless --no-sandbox --disable-gpu --window-size=1600,1180 --screenshot=dashboard.png dashboard.html
import { readFileSync } from 'node:fs';

const [dashboardFile, prometheus, minutesArg, uplotDir] = process.argv.slice(2);
const dashboard = JSON.parse(readFileSync(dashboardFile, 'utf8'));
const end = Math.floor(Date.now() / 1000);
const start = end - Number(minutesArg) * 60;
const step = Math.max(5, Math.floor((end - start) / 240));
const WIDTH = 1600;
const UNIT_W = WIDTH / 24;
const UNIT_H = 30;

// Every variable at "All", as the dashboard opens.
const expand = expr => expr.replace(/\$\{?(sink|source)\}?/g, '.*');

async function range(expr) {
  const url = `${prometheus}/api/v1/query_range?query=${encodeURIComponent(expand(expr))}&start=${start}&end=${end}&step=${step}`;
  const answer = await (await fetch(url)).json();
  if (answer.status !== 'success') {
    throw new Error(`Prometheus refused ${expr}: ${JSON.stringify(answer)}`);
  }
  return answer.data.result;
}

const legend = (format, labels) => format.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name) => labels[name] ?? '');

const panels = [];
for (const panel of dashboard.panels) {
  const box = { x: panel.gridPos.x * UNIT_W, y: panel.gridPos.y * UNIT_H, w: panel.gridPos.w * UNIT_W, h: panel.gridPos.h * UNIT_H };
  if (panel.type === 'row') {
    panels.push({ row: true, title: panel.title, box });
    continue;
  }
  const series = [];
  for (const target of panel.targets) {
    for (const result of await range(target.expr)) {
      series.push({ label: legend(target.legendFormat, result.metric), values: result.values });
    }
  }
  panels.push({ title: panel.title, unit: panel.fieldConfig?.defaults?.unit ?? '', box, series });
}
const times = [];
for (let t = start; t <= end; t += step) times.push(t);

const height = Math.max(...panels.map(p => p.box.y + p.box.h)) + 60;
const css = readFileSync(`${uplotDir}/dist/uPlot.min.css`, 'utf8');
const js = readFileSync(`${uplotDir}/dist/uPlot.iife.min.js`, 'utf8');
process.stdout.write(`<!doctype html><html><head><meta charset="utf-8"><style>${css}
body { margin: 0; background: #111217; color: #ccccdc; font: 12px Inter, Helvetica, Arial, sans-serif; width: ${WIDTH}px; height: ${height}px; position: relative; }
.head { height: 40px; line-height: 40px; padding: 0 12px; font-size: 15px; }
.head small { color: #8e8e9e; font-size: 11px; margin-left: 12px; }
.panel { position: absolute; box-sizing: border-box; padding: 4px; }
.panel .frame { background: #181b1f; border: 1px solid #2c3235; border-radius: 2px; height: 100%; box-sizing: border-box; padding: 4px 6px; overflow: hidden; }
.panel h3 { margin: 0 0 2px; font-size: 13px; font-weight: 500; color: #ccccdc; }
.row { position: absolute; font-size: 14px; font-weight: 500; padding: 6px 8px; box-sizing: border-box; }
.uplot .u-legend { font-size: 11px; } .u-legend .u-marker { width: 10px; height: 3px; }
.empty { color: #8e8e9e; padding: 40px; text-align: center; }
</style><script>${js}</script></head><body>
<div class="head">tdconnect <small>etc/tdconnect-grafana-dashboard.json, last ${minutesArg} min: each panel's PromQL queries run against Prometheus and drawn with uPlot — not rendered by Grafana</small></div>
<script>
const panels = ${JSON.stringify(panels)};
const times = ${JSON.stringify(times)};
const colours = ['#73bf69', '#f2cc0c', '#8ab8ff', '#ff780a', '#f2495c', '#5794f2', '#b877d9', '#705da0'];
const units = { ms: v => v == null ? '' : v >= 1000 ? (v / 1000).toFixed(1) + ' s' : v.toFixed(0) + ' ms',
  ops: v => v == null ? '' : v >= 1000 ? (v / 1000).toFixed(1) + 'k/s' : v.toFixed(v < 10 ? 2 : 0) + '/s',
  Bps: v => v == null ? '' : v >= 1e6 ? (v / 1e6).toFixed(1) + ' MB/s' : v >= 1e3 ? (v / 1e3).toFixed(0) + ' kB/s' : v.toFixed(0) + ' B/s',
  short: v => v == null ? '' : v >= 1000 ? (v / 1000).toFixed(1) + 'k' : v.toFixed(0) };
for (const p of panels) {
  const div = document.createElement('div');
  if (p.row) {
    div.className = 'row';
    Object.assign(div.style, { left: p.box.x + 'px', top: 40 + p.box.y + 'px', width: p.box.w + 'px' });
    div.textContent = '\u25be ' + p.title;
    document.body.appendChild(div);
    continue;
  }
  div.className = 'panel';
  Object.assign(div.style, { left: p.box.x + 'px', top: 40 + p.box.y + 'px', width: p.box.w + 'px', height: p.box.h + 'px' });
  const frame = document.createElement('div');
  frame.className = 'frame';
  frame.innerHTML = '<h3></h3>';
  frame.querySelector('h3').textContent = p.title;
  div.appendChild(frame);
  document.body.appendChild(div);
  if (p.series.length === 0) {
    frame.insertAdjacentHTML('beforeend', '<div class="empty">No data</div>');
    continue;
  }
  const data = [times];
  for (const s of p.series) {
    const byTime = new Map(s.values.map(([t, v]) => [Math.round(t), Number(v)]));
    data.push(times.map(t => byTime.has(t) && isFinite(byTime.get(t)) ? byTime.get(t) : null));
  }
  const format = units[p.unit] || (v => v == null ? '' : String(v));
  new uPlot({ width: p.box.w - 22, height: p.box.h - 78, cursor: { show: false },
    legend: { show: true, live: false },
    scales: { y: { range: (u, min, max) => [Math.min(0, min), max > 0 ? max * 1.1 : 1] } },
    axes: [{ stroke: '#8e8e9e', grid: { stroke: '#2c3235' }, ticks: { stroke: '#2c3235' } },
           { stroke: '#8e8e9e', grid: { stroke: '#2c3235' }, ticks: { stroke: '#2c3235' }, size: 60,
             values: (u, vals) => vals.map(format) }],
    series: [{}].concat(p.series.map((s, i) => ({ label: s.label, stroke: colours[i % colours.length], width: 1.5,
      fill: colours[i % colours.length] + '1a', value: (u, v) => format(v) }))) }, data, frame);
}
</script></body></html>`);
