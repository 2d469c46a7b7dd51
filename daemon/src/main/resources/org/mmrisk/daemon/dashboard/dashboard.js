// The dashboard page: polls /api/state every 500 ms and redraws. Every number shown carries its raw value in a
// data-value attribute (the JSON number as JavaScript prints it), so a reader of the page gets the served value.
'use strict';
const POLL_MS = 500;
const STATES = ['NORMAL', 'WIDEN', 'REDUCE_ONLY', 'HALT'];
const GREEKS = [['index', 'index (USD)'], ['delta', 'delta (coins)'], ['deltaUsd', 'delta (USD)'],
  ['gamma', 'gamma (coins/USD)'], ['vega', 'vega (USD/vol pt)'], ['theta', 'theta (USD/day)'],
  ['realizedPnlUsd', 'realized P&L (USD)'], ['unrealizedPnlUsd', 'unrealized P&L (USD)']];
const EXPIRY_MEASURES = [['vega', 'vega'], ['timeWeightedVega', 'time-wtd vega'], ['riskReversal25', 'RR25'],
  ['butterfly25', 'BF25'], ['rho', 'rho'], ['basisDelta', 'basis delta']];
const HEATMAPS = ['heat', 'strikes', 'vegaGrid', 'gammaGrid'];
const charts = {};

function el(tag, attrs, text) {
  const e = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
  if (text !== undefined) e.textContent = text;
  return e;
}
function fmt(v) {
  if (v === null || v === undefined) return '–';
  const a = Math.abs(v);
  if (a !== 0 && (a < 1e-3 || a >= 1e9)) return v.toExponential(3);
  return v.toLocaleString('en-US', { maximumFractionDigits: a < 1 ? 6 : 2 });
}
function setNum(id, v) {
  const e = document.getElementById(id);
  if (!e) return;
  e.dataset.value = v === null || v === undefined ? '' : String(v);
  e.textContent = fmt(v);
}
function counter(state, label) {
  const c = state.counters.find(x => x.label === label);
  return c ? c.value : null;
}
function chart(id, type, options) {
  if (!charts[id]) {
    charts[id] = new Chart(document.getElementById(id), { type: type, data: { labels: [], datasets: [] },
      options: Object.assign({ animation: false, maintainAspectRatio: false, plugins: { legend: { display: type === 'line' } } }, options || {}) });
  }
  return charts[id];
}
function setChart(c, labels, datasets) {
  c.data.labels = labels;
  c.data.datasets = datasets;
  c.update('none');
}
function rows(table, header, lines) {
  table.replaceChildren();
  const h = table.insertRow();
  header.forEach(t => h.appendChild(el('th', {}, t)));
  lines.forEach(cells => {
    const r = table.insertRow();
    cells.forEach(c => {
      const td = r.insertCell();
      if (typeof c === 'number' || c === null) { td.className = 'num'; td.dataset.value = c === null ? '' : String(c); td.textContent = fmt(c); }
      else td.textContent = c === undefined ? '' : String(c);
    });
  });
}

function underlyingBlock(u) {
  let block = document.getElementById('u-' + u);
  if (block) return block;
  block = el('div', { id: 'u-' + u, class: 'underlying', 'data-underlying': u });
  block.appendChild(el('h2', {}, u));
  const risk = el('section');
  risk.appendChild(el('h3', {}, 'Quoting state'));
  const ladder = el('div', { id: u + '-ladder', class: 'ladder' });
  STATES.forEach(s => ladder.appendChild(el('span', { class: s }, s)));
  risk.appendChild(ladder);
  risk.appendChild(el('h3', {}, 'Greeks and P&L'));
  const greeks = el('table', { class: 'numbers' });
  GREEKS.forEach(([f, name]) => { const r = greeks.insertRow(); r.insertCell().textContent = name; r.insertCell().id = u + '-' + f; });
  risk.appendChild(greeks);
  block.appendChild(risk);
  const panels = [['limits', 'Limit utilization (1 = at the limit)', true], ['margin', 'Margin and liquidation', false],
    ['heat', 'Expiry heatmap', false], ['strikes', 'Option position by expiry × strike (contracts)', false],
    ['vegaGrid', 'Vega by expiry × strike (USD per vol point, position-weighted)', false],
    ['gammaGrid', 'Gamma by expiry × strike (per USD, position-weighted)', false], ['skews', 'Latest quote skews per instrument', true],
    ['scenario', 'Scenario P&L grid', true]];
  panels.forEach(([key, title, hasChart]) => {
    const s = el('section');
    s.appendChild(el('h3', {}, title));
    if (hasChart) { const d = el('div', { class: 'chart' }); d.appendChild(el('canvas', { id: u + '-' + key + '-chart' })); s.appendChild(d); }
    const wrap = el('div', { class: 'scroll' });
    wrap.appendChild(el('table', { id: u + '-' + key, class: HEATMAPS.includes(key) ? 'heat numbers' : 'numbers' }));
    s.appendChild(wrap);
    s.appendChild(el('p', { id: u + '-' + key + '-note', class: 'missing' }));
    block.appendChild(s);
  });
  document.getElementById('underlyings').appendChild(block);
  return block;
}

function drawUnderlying(u, d, ladderAt) {
  underlyingBlock(u);
  const snap = d.snapshot || {};
  const ladder = document.getElementById(u + '-ladder');
  ladder.dataset.state = snap.state || '';
  [...ladder.children].forEach(s => {
    s.classList.toggle('active', s.classList.contains(snap.state));
    if (ladderAt) s.textContent = s.className.split(' ')[0] + (ladderAt[s.classList[0]] ? ' ≥ ' + ladderAt[s.classList[0]] : '');
  });
  GREEKS.forEach(([f]) => setNum(u + '-' + f, snap[f] === undefined ? null : snap[f]));

  const limits = Object.entries(d.limitUtilization || {});
  // each bar coloured by the ladder rung its utilization alone would put quoting on
  const rung = x => !ladderAt ? '#2e7fc0' : x >= ladderAt.HALT ? '#c0302e' : x >= ladderAt.REDUCE_ONLY ? '#e0662e' : x >= ladderAt.WIDEN ? '#d8a21c' : '#2e9e5b';
  setChart(chart(u + '-limits-chart', 'bar', { indexAxis: 'y', scales: { x: { min: 0, suggestedMax: ladderAt ? ladderAt.HALT : 1 } } }),
    limits.map(l => l[0]), [{ label: 'utilization', data: limits.map(l => l[1]), backgroundColor: limits.map(l => rung(l[1])) }]);
  rows(document.getElementById(u + '-limits'), ['limit', 'utilization'], limits.map(l => [l[0], l[1]]));
  document.getElementById(u + '-limits-note').textContent = limits.length ? '' : 'no limit set that a snapshot can measure';

  const m = d.marginStatus;
  rows(document.getElementById(u + '-margin'), ['', 'value'], [
    ['initial utilization', snap.initialUtilization ?? null], ['maintenance utilization', snap.maintenanceUtilization ?? null],
    ['liquidation move down', snap.liquidationDownMove ?? null], ['liquidation move up', snap.liquidationUpMove ?? null]]
    .concat(m ? [['equity (' + m.currency + ')', m.equity], ['initial margin', m.initial], ['maintenance margin', m.maintenance],
      ['worst scenario loss', m.worstLoss], ['liquidation index down', m.downIndex], ['liquidation index up', m.upIndex]] : []));
  document.getElementById(u + '-margin-note').textContent = m ? '' : 'no margin status published yet';

  const expiries = snap.expiries || [];
  rows(document.getElementById(u + '-heat'), ['expiry'].concat(EXPIRY_MEASURES.map(x => x[1])),
    expiries.map(e => [e.expiry ? e.expiry.substring(0, 10) : 'perpetual'].concat(EXPIRY_MEASURES.map(x => e[x[0]]))));
  heat(document.getElementById(u + '-heat'));
  document.getElementById(u + '-heat-note').textContent = 'By expiry, as the risk snapshot publishes it.';
  const grid = d.strikeGrid;
  strikeTable(u, 'strikes', grid, 'quantity', 'no option position');
  // the dashboard's own Black-76 at each option's mark IV: the engine publishes its smile-consistent Greeks only summed
  const own = grid && grid.unpriced ? grid.unpriced + ' option position(s) without a mark IV left out; ' : '';
  strikeTable(u, 'vegaGrid', grid, 'vega', own + 'Black-76 at the venue\'s mark IV, computed here; can differ slightly from the engine\'s vega.');
  strikeTable(u, 'gammaGrid', grid, 'gamma', own + 'Black-76 at the venue\'s mark IV, computed here; the engine\'s gamma adds the smile\'s slope.');

  const quotes = d.quotes || [];
  // options skew in vol points, futures and perpetuals in price: one axis each
  setChart(chart(u + '-skews-chart', 'bar', { plugins: { legend: { display: true } },
    scales: { y: { position: 'left', title: { display: true, text: 'vol pts' } }, y1: { position: 'right', title: { display: true, text: 'price' }, grid: { drawOnChartArea: false } } } }),
    quotes.map(q => String(q.instrumentId)),
    [{ label: 'option shift (vol pts)', yAxisID: 'y', data: quotes.map(q => q.kind === 'OPTION' ? q.shiftVol : null), backgroundColor: '#2e7fc0' },
     { label: 'future shift (price)', yAxisID: 'y1', data: quotes.map(q => q.kind === 'OPTION' ? null : q.shift), backgroundColor: '#d8a21c' }]);
  rows(document.getElementById(u + '-skews'), ['instrument', 'kind', 'state', 'shift', 'shift vol', 'bid spread×', 'ask spread×', 'bid size×', 'ask size×'],
    quotes.map(q => [String(q.instrumentId), q.kind, q.state, q.shift, q.shiftVol, q.bidSpreadMult, q.askSpreadMult, q.bidSizeMult, q.askSizeMult]));

  const g = d.scenarioGrid;
  const note = document.getElementById(u + '-scenario-note');
  if (g) {
    const regular = g.points.filter(p => !p.extended);
    const moves = [...new Set(regular.map(p => p.move))].sort((a, b) => a - b);
    const vols = [...new Set(regular.map(p => p.vol))];
    const colors = ['#2e7fc0', '#2e9e5b', '#c0302e', '#d8a21c', '#7a4fc0'];
    setChart(chart(u + '-scenario-chart', 'line'), moves.map(x => (x * 100).toFixed(0) + '%'),
      vols.map((v, i) => ({ label: 'vol ' + v, borderColor: colors[i % colors.length], data: moves.map(x => {
        const p = regular.find(q => q.move === x && q.vol === v); return p ? p.pnl : null; }) })));
    rows(document.getElementById(u + '-scenario'), ['worst loss (' + g.currency + ')', 'worst point'],
      [[g.worstLoss, String(g.worstPoint)]]);
    note.textContent = '';
  } else {
    note.textContent = 'no scenario grid published yet';
  }
}

function strikeTable(u, key, grid, figure, note) {
  const table = document.getElementById(u + '-' + key);
  rows(table, ['expiry'].concat(grid ? grid.strikes.map(String) : []),
    grid ? grid.expiries.map((e, i) => [e.substring(0, 10)].concat(grid[figure][i])) : []);
  if (figure === 'quantity') heat(table); else signedHeat(table);
  document.getElementById(u + '-' + key + '-note').textContent = grid && grid.expiries.length ? (figure === 'quantity' ? '' : note) : 'no option position';
}

function signedHeat(table) {
  // one scale over the whole grid, blue long and red short, by |value| relative to the grid's largest |value|
  const cells = [...table.rows].slice(1).flatMap(r => [...r.cells].slice(1));
  const max = Math.max(0, ...cells.map(c => Math.abs(Number(c.dataset.value)) || 0)) || 1;
  cells.forEach(c => {
    const v = Number(c.dataset.value) || 0;
    c.classList.add('cell');
    c.style.background = (v < 0 ? 'rgba(192,48,46,' : 'rgba(46,127,192,') + (Math.abs(v) / max * 0.8).toFixed(3) + ')';
  });
}

function heat(table) {
  // colour each column by |value| relative to its largest |value|: the heatmap
  const body = [...table.rows].slice(1);
  for (let c = 1; body.length && c < body[0].cells.length; c++) {
    const vals = body.map(r => Math.abs(Number(r.cells[c].dataset.value)) || 0);
    const max = Math.max(...vals) || 1;
    body.forEach((r, i) => { r.cells[c].classList.add('cell'); r.cells[c].style.background = 'rgba(46,127,192,' + (vals[i] / max * 0.8).toFixed(3) + ')'; });
  }
}

function draw(state) {
  const outputs = Object.values(state.outputs).reduce((a, b) => a + b, 0);
  setNum('outputs-read', outputs);
  document.body.dataset.detailRead = String(state.detailMessagesRead);
  const t = counter(state, 'engine: time (ns since epoch)');
  document.getElementById('engine-time').textContent = t ? new Date(t / 1e6).toISOString() : '–';
  setNum('quotes-emitted', counter(state, 'engine: quotesEmitted'));
  setNum('alerts-emitted', counter(state, 'engine: alertsEmitted'));
  setNum('ring-lag', counter(state, 'engine: lag behind ingress (events)'));
  const l = state.ladder;
  const ladderAt = l ? { WIDEN: l.widenAt, REDUCE_ONLY: l.reduceOnlyAt, HALT: l.haltAt } : null;
  Object.entries(state.underlyings).forEach(([u, d]) => drawUnderlying(u, d, ladderAt));

  const lat = state.latency.tickToQuote;
  setChart(chart('latency-chart', 'bar'), lat.quantiles.map(q => 'p' + q.quantile * 100),
    [{ label: 'tick-to-quote (µs)', data: lat.quantiles.map(q => q.seconds === null ? null : q.seconds * 1e6), backgroundColor: '#7a4fc0' }]);
  rows(document.getElementById('latency-table'), ['', 'samples'].concat(lat.quantiles.map(q => 'p' + q.quantile * 100 + ' (µs)')),
    ['tickToQuote', 'tickToIngress'].map(k => [k, state.latency[k].count]
      .concat(state.latency[k].quantiles.map(q => q.seconds === null ? null : q.seconds * 1e6))));
  rows(document.getElementById('alerts'), ['time', 'code', 'underlying', 'instrument', 'value', 'threshold', 'state'],
    state.alerts.slice().reverse().map(a => [a.time, a.code, a.underlying, String(a.instrumentId), a.value, a.threshold, a.state]));
  rows(document.getElementById('hedges'), ['time', 'underlying', 'instrument', 'side', 'quantity', 'delta before', 'delta target'],
    state.hedges.slice().reverse().map(h => [h.time, h.underlying, String(h.instrumentId), h.side, h.quantity, h.deltaBefore, h.deltaTarget]));
  rows(document.getElementById('counters'), ['counter', 'value'], state.counters.map(c => [c.label, c.value]));
}

async function poll() {
  const status = document.getElementById('status');
  try {
    const response = await fetch('api/state', { cache: 'no-store' });
    draw(await response.json());
    status.textContent = 'live ' + new Date().toLocaleTimeString();
    status.className = 'live';
  } catch (e) {
    status.textContent = 'no data: ' + e;
    status.className = 'stale';
  }
  document.body.dataset.polls = String(Number(document.body.dataset.polls || 0) + 1);
  setTimeout(poll, POLL_MS);
}
poll();
