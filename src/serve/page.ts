/**
 * The page `kiyan serve` answers at GET /: paste Arabic text, submit, and see the HTML
 * format's highlighted view and entity table (POST /view renders them). Self-contained:
 * inline style and script, nothing fetched but /view on the same server.
 */
import { CSS, legendItem } from '../format/html.js';

const PAGE_CSS = `
form{display:grid;gap:.6rem;padding:1rem 1.25rem;border-bottom:1px solid var(--line)}
textarea{width:100%;min-height:9rem;font:inherit;line-height:1.7;padding:.5rem .75rem;border:1px solid var(--line);border-radius:.5rem;background:var(--bg);color:var(--fg);resize:vertical}
.row{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;align-items:center}
button{font:inherit;font-size:1rem;padding:.3rem 1.4rem;border-radius:.4rem;border:1px solid var(--per-b);background:var(--per-b);color:#fff;cursor:pointer}
button[disabled]{opacity:.6;cursor:progress}
#status{color:var(--muted);font-size:.95rem}
#status.error{color:#b3261e}
/* The view's heading names the input file; a pasted text has none. */
section.doc>h2{display:none}
`;

const SCRIPT = `
const form = document.getElementById('form');
const text = document.getElementById('text');
const orgs = document.getElementById('orgs');
const go = document.getElementById('go');
const status = document.getElementById('status');
const result = document.getElementById('result');
function say(msg, isError) {
  status.textContent = msg;
  status.className = isError ? 'error' : '';
}
form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  if (!text.value.trim()) return say('الصق نصًا أولًا (paste some text first)', true);
  go.disabled = true;
  say('…');
  try {
    const res = await fetch('/view', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: text.value, descriptiveOrgs: orgs.checked }),
    });
    if (!res.ok) {
      let msg = res.status + ' ' + res.statusText;
      try { msg = (await res.json()).error || msg; } catch (e) {}
      say(msg, true);
      return;
    }
    result.innerHTML = await res.text();
    say('');
  } catch (e) {
    say(String(e), true);
  } finally {
    go.disabled = false;
  }
});
`;

export const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src data:; form-action 'none'; base-uri 'none'";

export function servePage(): string {
  const legend = (['PER', 'LOC', 'ORG'] as const).map((t) => legendItem(t)).join('');
  return `<!DOCTYPE html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kiyan">
<title>kiyan كيان</title>
<style>${CSS}${PAGE_CSS}</style>
</head>
<body>
<header class="page">
<h1>الكيانات المسماة <span class="summary" lang="en" dir="ltr">kiyan: people, places and organisations in Arabic text</span></h1>
<ul class="legend" aria-label="legend">${legend}</ul>
</header>
<form id="form">
<label for="text">النص <span class="summary" lang="en" dir="ltr">(paste Arabic text)</span></label>
<textarea id="text" name="text" dir="rtl" lang="ar"></textarea>
<div class="row">
<button id="go" type="submit">استخرج <span lang="en" dir="ltr">(extract)</span></button>
<label><input id="orgs" type="checkbox"> المنظمات الوصفية <span class="summary" lang="en" dir="ltr">(descriptive organisations)</span></label>
<span id="status" role="status" aria-live="polite"></span>
</div>
</form>
<main id="result"></main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}
