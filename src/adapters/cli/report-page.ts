// Report page (pure, no I/O): ReportData -> one self-contained HTML file with Chart.js inlined (no CDN, no
// network: a Content-Security-Policy forbids every fetch), so it opens offline and can be mailed around.
import type { ReportData, Topic } from '../../app/report-data.js';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that is safe inside a <script> element (no "</script>", no HTML comment openers). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)}%`);

function topicTable(id: string, topics: Topic[], empty: string): string {
  if (!topics.length) return `<p class="empty" id="${id}">${escapeHtml(empty)}</p>`;
  const rows = topics
    .map(
      (t) =>
        `<tr><td class="topic">${escapeHtml(t.topic)}</td><td class="n">${t.count}</td><td>${t.examples.map((e) => `<div>“${escapeHtml(e)}”</div>`).join('')}</td></tr>`,
    )
    .join('');
  return `<table id="${id}"><thead><tr><th>Topic</th><th>Questions</th><th>Examples</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1a202c}
header{background:#1f2937;color:#fff;padding:20px 32px}header h1{margin:0 0 4px;font-size:22px}header p{margin:0;color:#cbd5e0}
main{padding:24px 32px;display:grid;grid-template-columns:repeat(auto-fit,minmax(460px,1fr));gap:20px}
section{background:#fff;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.08);padding:16px 20px}
section.wide{grid-column:1/-1}h2{font-size:16px;margin:0 0 12px}
.kpis{display:flex;gap:16px;flex-wrap:wrap}.kpi{background:#fff;border-radius:8px;padding:12px 20px;box-shadow:0 1px 3px rgba(0,0,0,.08);min-width:130px}
.kpi b{display:block;font-size:26px}.kpi span{color:#4a5568}
.chart{position:relative;height:260px}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #edf2f7;vertical-align:top}
td.n{text-align:right;width:80px}td.topic{font-weight:600;width:180px}.empty{color:#718096}
ul.never{columns:2;margin:0;padding-left:18px}`;

/** The chart set-up that runs in the page: draws every chart from the embedded figures, without animation. */
const CHARTS = `
(function () {
  var d = JSON.parse(document.getElementById('report-data').textContent);
  Chart.defaults.animation = false;
  Chart.defaults.maintainAspectRatio = false;
  Chart.defaults.datasets.bar.maxBarThickness = 48;
  var colours = { discord: '#5865f2', chat: '#38a169', cli: '#dd6b20', up: '#38a169', down: '#e53e3e', line: '#2b6cb0', bar: '#805ad5' };
  var days = d.byDay.map(function (x) { return x.day; });
  var drawn = 0;
  function chart(id, config) { new Chart(document.getElementById(id), config); drawn++; }
  chart('chart-per-day', { type: 'bar', data: { labels: days, datasets: ['discord', 'chat', 'cli'].map(function (s) {
    return { label: s, data: d.byDay.map(function (x) { return x[s]; }), backgroundColor: colours[s] }; }) },
    options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } } });
  chart('chart-answered', { type: 'line', data: { labels: days, datasets: [{ label: 'answered %', borderColor: colours.line, backgroundColor: colours.line,
    data: d.byDay.map(function (x) { return x.total ? Math.round(100 * x.answered / x.total) : null; }), spanGaps: true }] },
    options: { scales: { y: { min: 0, max: 100 } } } });
  function votes(id, rows) {
    chart(id, { type: 'bar', data: { labels: rows.map(function (r) { return r.name; }), datasets: [
      { label: 'up votes', data: rows.map(function (r) { return r.up; }), backgroundColor: colours.up },
      { label: 'down votes', data: rows.map(function (r) { return r.down; }), backgroundColor: colours.down }] },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } } });
  }
  votes('chart-by-intent', d.feedback.byIntent);
  votes('chart-by-role', d.feedback.byRole.slice(0, 12));
  chart('chart-cited', { type: 'bar', data: { labels: d.sections.mostCited.map(function (s) { return s.label.length > 60 ? '…' + s.label.slice(-59) : s.label; }),
    datasets: [{ label: 'questions citing it', data: d.sections.mostCited.map(function (s) { return s.count; }), backgroundColor: colours.bar }] },
    options: { indexAxis: 'y', scales: { x: { beginAtZero: true, ticks: { precision: 0 } } } } });
  document.body.dataset.chartsDrawn = String(drawn);
})();`;

/** The whole page; `chartJs` is the source of Chart.js's UMD build, inlined as is. */
export function renderReportPage(data: ReportData, chartJs: string): string {
  const kpi = (figure: string, value: string, label: string) => `<div class="kpi"><b data-figure="${figure}">${value}</b><span>${label}</span></div>`;
  const never = data.sections.neverCited;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Career advisor — questions report</title><style>${STYLE}</style></head>
<body>
<header><h1>Career advisor — what people asked</h1>
<p>Last ${data.days} days, generated ${escapeHtml(data.generatedAt.slice(0, 16).replace('T', ' '))} UTC. Users are pseudonymous; no user appears here.</p></header>
<main>
<section class="wide"><div class="kpis">
${kpi('questions', String(data.questions), 'questions')}
${kpi('answered', String(data.answered), 'answered')}
${kpi('answered-rate', percent(data.answeredRate), 'answered rate')}
${kpi('up', String(data.feedback.up), 'up votes (helpful)')}
${kpi('down', String(data.feedback.down), 'down votes (not helpful)')}
${kpi('never-cited', String(never.length), `of ${data.sections.total} sections never cited`)}
</div></section>
<section><h2>Questions per day, by surface</h2><div class="chart"><canvas id="chart-per-day"></canvas></div></section>
<section><h2>Answered rate per day</h2><div class="chart"><canvas id="chart-answered"></canvas></div></section>
<section><h2>Votes by intent (up / down)</h2><div class="chart"><canvas id="chart-by-intent"></canvas></div></section>
<section><h2>Votes by role (up / down)</h2><div class="chart"><canvas id="chart-by-role"></canvas></div></section>
<section class="wide"><h2>Unanswered questions, by topic</h2>${topicTable('unanswered', data.unanswered, 'Every question was answered.')}</section>
<section class="wide"><h2>Questions voted down, by topic</h2>${topicTable('downvoted', data.downvoted, 'No answer was voted down.')}</section>
<section class="wide"><h2>Most cited sections</h2><div class="chart"><canvas id="chart-cited"></canvas></div></section>
<section class="wide"><h2>Sections never cited (${never.length})</h2>${
    never.length
      ? `<ul class="never" id="never-cited">${never.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>`
      : '<p class="empty" id="never-cited">Every section was cited at least once.</p>'
  }</section>
</main>
<script type="application/json" id="report-data">${scriptJson(data)}</script>
<script>${chartJs.replace(/<\/script/gi, '<\\/script')}</script>
<script>${CHARTS}</script>
</body></html>
`;
}
