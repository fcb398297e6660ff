/* nazif serve: the page.  Every string from the corpus is put in the page
 * with textContent (never as markup); the data comes from the JSON API
 * (/api/search, /api/doc/ID, /api/stats) of the same server. */
'use strict';

const main = document.getElementById('main');

function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') e.textContent = v;
      else if (k === 'class') e.className = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? '' : String(v));
    }
  }
  for (const kid of kids) {
    if (kid === null || kid === undefined || kid === false) continue;
    e.append(kid instanceof Node ? kid : document.createTextNode(String(kid)));
  }
  return e;
}

const fmt = new Intl.NumberFormat('ar-EG');
const num = (n) => fmt.format(n);

async function getJSON(url) {
  const r = await fetch(url, {headers: {Accept: 'application/json'}});
  let body = null;
  try { body = await r.json(); } catch (e) { body = {error: 'bad answer from the server (' + r.status + ')'}; }
  return {status: r.status, body};
}

/* text with marks [[start, end], ...] in code points -> a fragment */
function marked(text, marks) {
  const cps = Array.from(text || '');
  const f = document.createDocumentFragment();
  let at = 0;
  for (const [s, e] of (marks || [])) {
    if (s > at) f.append(cps.slice(at, s).join(''));
    f.append(el('mark', {class: 'hit'}, cps.slice(s, e).join('')));
    at = e;
  }
  if (at < cps.length) f.append(cps.slice(at).join(''));
  return f;
}

function setActive(name) {
  for (const a of document.querySelectorAll('nav a[data-nav]'))
    a.classList.toggle('active', a.dataset.nav === name);
}

function go(url) {
  history.pushState(null, '', url);
  route();
}

document.addEventListener('click', (ev) => {
  const a = ev.target.closest && ev.target.closest('a[data-local]');
  if (!a || ev.ctrlKey || ev.metaKey || ev.shiftKey || ev.button !== 0) return;
  ev.preventDefault();
  go(a.getAttribute('href'));
});
window.addEventListener('popstate', route);

/* ---- search ---------------------------------------------------------------- */

function searchForm(q) {
  const input = el('input', {type: 'search', name: 'q', id: 'q', value: q || '', autocomplete: 'off',
    placeholder: 'ابحث: كلمة، "عبارة بين علامتي تنصيص"، بادئة*، OR، NOT', 'aria-label': 'البحث'});
  const form = el('form', {class: 'search', role: 'search', action: '/',
    onsubmit: (ev) => {
      ev.preventDefault();
      const v = input.value.trim();
      if (v) go('/?q=' + encodeURIComponent(v));
    }},
  input, el('button', {type: 'submit', id: 'go'}, 'ابحث'));
  return form;
}

async function viewSearch(params) {
  setActive('search');
  const q = params.get('q') || '';
  const page = Math.max(1, parseInt(params.get('page') || '1', 10) || 1);
  main.replaceChildren(searchForm(q));
  document.title = q ? q + ' — نظيف' : 'نظيف — بحث في الأرشيف';
  if (!q) {
    main.append(el('p', {class: 'hint'},
      'يجد البحث الكلمة كيفما كُتبت: بالتشكيل أو بالتطويل أو مقطّعة بالنقاط (التـ.ـوتر) أو بألف أو ياء أخرى. ',
      el('a', {href: '/corpus', 'data-local': true}, 'أرقام المدوّنة')));
    return;
  }
  const status = el('p', {class: 'status', id: 'status'}, '…');
  main.append(status);
  const {status: code, body} = await getJSON('/api/search?q=' + encodeURIComponent(q) + '&page=' + page);
  if (body.error) {
    status.replaceChildren(el('span', {class: 'error', id: 'error'}, body.error));
    return;
  }
  status.replaceChildren(body.total ?
    `${num(body.total)} وثيقة — الصفحة ${num(body.page)} — ${num(body.took_ms)} م.ث` :
    'لا وثيقة تطابق البحث');
  const list = el('ol', {class: 'results', id: 'results', start: (body.page - 1) * body.size + 1});
  for (const r of body.results) {
    const href = '/doc?id=' + encodeURIComponent(r.id) + '&q=' + encodeURIComponent(q);
    list.append(el('li', {class: 'result'},
      el('a', {class: 'title', href, 'data-local': true},
        r.title ? marked(r.title, r.title_marks) : el('span', {class: 'muted'}, r.id)),
      el('p', {class: 'snippet'}, marked(r.snippet, r.snippet_marks)),
      el('p', {class: 'meta'}, el('bdi', {}, r.id), ' | ', el('bdi', {}, r.source || ''),
        ' | ', 'BM25 ' + r.score.toPrecision(3))));
  }
  main.append(list);
  const pages = Math.ceil(body.total / body.size);
  if (pages > 1) {
    const nav = el('nav', {class: 'pages', 'aria-label': 'الصفحات'});
    const link = (p, label) => el('a', {href: '/?q=' + encodeURIComponent(q) + '&page=' + p, 'data-local': true,
      class: p === page ? 'current' : null}, label);
    if (page > 1) nav.append(link(page - 1, 'السابقة'));
    for (let p = Math.max(1, page - 4); p <= Math.min(pages, page + 4, 1000); p++) nav.append(link(p, num(p)));
    if (page < Math.min(pages, 1000)) nav.append(link(page + 1, 'التالية'));
    main.append(nav);
  }
}

/* ---- one document -------------------------------------------------------------- */

const KIND_LABEL = {edit: 'تصحيح', suspect: 'مشتبه', drop: 'سطر محذوف'};

function changeTitle(c) {
  if (c.kind === 'drop') return `${c.rule}: ${c.evidence}`;
  return `${c.rule}: ${c.original} ← ${c.replacement}\n${c.evidence}`;
}

/* the text with each change in place; side: 'orig' or 'clean' */
function renderText(doc, side, showDropped, onPick) {
  const cps = Array.from(doc.text);
  const pre = el('div', {class: 'text ' + side, dir: 'auto'});
  let at = 0;
  for (const c of doc.changes) {
    if (c.cp < at) continue; /* inside a dropped line, shown with it */
    if (c.cp > at) pre.append(cps.slice(at, c.cp).join(''));
    const orig = cps.slice(c.cp, c.cp + c.cp_len).join('');
    let node = null;
    if (c.kind === 'drop') {
      if (side === 'orig' || showDropped)
        node = el('del', {class: 'drop', title: changeTitle(c), tabindex: 0}, orig);
    } else if (c.kind === 'edit') {
      node = el('mark', {class: 'edit rule-' + c.rule, title: changeTitle(c), tabindex: 0},
        side === 'orig' ? orig : c.replacement);
    } else {
      node = el('mark', {class: 'suspect', title: changeTitle(c), tabindex: 0}, orig);
    }
    if (node) {
      node.addEventListener('click', () => onPick(c));
      node.addEventListener('keydown', (ev) => { if (ev.key === 'Enter') onPick(c); });
      pre.append(node);
    }
    at = c.cp + c.cp_len;
  }
  if (at < cps.length) pre.append(cps.slice(at).join(''));
  return pre;
}

async function viewDoc(params) {
  setActive('');
  const id = params.get('id') || '';
  const q = params.get('q') || '';
  main.replaceChildren(searchForm(q));
  const status = el('p', {class: 'status'}, '…');
  main.append(status);
  const {body} = await getJSON('/api/doc/' + encodeURIComponent(id));
  if (body.error) {
    status.replaceChildren(el('span', {class: 'error', id: 'error'}, body.error));
    return;
  }
  document.title = (body.title || body.id) + ' — نظيف';
  status.remove();
  let mode = window.matchMedia('(min-width: 900px)').matches ? 'both' : 'clean';
  let showDropped = true;
  const detail = el('div', {class: 'detail', id: 'detail', role: 'status'},
    'اختر تصحيحاً أو سطراً محذوفاً لترى سببه.');
  const pick = (c) => {
    detail.replaceChildren(
      el('strong', {}, (KIND_LABEL[c.kind] || c.kind) + ' | ' + c.rule), ' ',
      c.kind === 'drop' ? '' : el('span', {}, el('bdi', {class: 'orig'}, c.original), ' ← ',
        el('bdi', {class: 'repl'}, c.replacement)),
      el('div', {class: 'evidence', lang: 'en', dir: 'ltr'}, c.evidence),
      el('div', {class: 'muted'}, `السطر ${num(c.line)} | البايت ${c.offset}+${c.length}`));
  };
  const panes = el('div', {class: 'panes'});
  const draw = () => {
    panes.className = 'panes ' + mode;
    panes.replaceChildren();
    if (mode !== 'clean') panes.append(el('section', {class: 'pane'}, el('h3', {}, 'كما ورد'),
      renderText(body, 'orig', showDropped, pick)));
    if (mode !== 'orig') panes.append(el('section', {class: 'pane'}, el('h3', {}, 'بعد التنظيف'),
      renderText(body, 'clean', showDropped, pick)));
    for (const b of toggles.querySelectorAll('button[data-mode]'))
      b.setAttribute('aria-pressed', String(b.dataset.mode === mode));
  };
  const toggles = el('div', {class: 'toggles'},
    el('button', {'data-mode': 'both', onclick: () => { mode = 'both'; draw(); }}, 'جنباً إلى جنب'),
    el('button', {'data-mode': 'orig', onclick: () => { mode = 'orig'; draw(); }}, 'كما ورد'),
    el('button', {'data-mode': 'clean', onclick: () => { mode = 'clean'; draw(); }}, 'بعد التنظيف'),
    el('label', {}, el('input', {type: 'checkbox', checked: true,
      onchange: (ev) => { showDropped = ev.target.checked; draw(); }}), ' أظهر الأسطر المحذوفة'));
  const counts = `${num(body.edits)} تصحيح | ${num(body.dropped_lines)} سطر محذوف | ${num(body.suspects)} مشتبه`;
  main.append(...[
    el('h2', {class: 'doctitle', dir: 'auto'}, body.title || body.id),
    el('p', {class: 'meta'}, el('bdi', {}, body.id), ' | ', el('bdi', {}, body.source || ''), ' | ', counts, ' | ',
      el('a', {href: '/api/doc/' + encodeURIComponent(body.id), id: 'raw'}, 'JSON')),
    body.truncated ? el('p', {class: 'error'}, 'الوثيقة طويلة: يُعرض أول ميغابايت منها.') : null,
    toggles, detail, panes].filter(Boolean));
  draw();
  if (body.changes.length) {
    const rows = body.changes.map((c) => el('tr', {class: c.kind, onclick: () => pick(c)},
      el('td', {}, num(c.line)), el('td', {}, KIND_LABEL[c.kind] || c.kind), el('td', {lang: 'en'}, c.rule),
      el('td', {}, el('bdi', {}, c.original)), el('td', {}, el('bdi', {}, c.replacement)),
      el('td', {lang: 'en', dir: 'ltr', class: 'evidence'}, c.evidence)));
    main.append(el('h3', {}, 'كل التغييرات'), el('div', {class: 'scroll'}, el('table', {class: 'changes', id: 'changes'},
      el('thead', {}, el('tr', {}, ...['السطر', 'النوع', 'القاعدة', 'الأصل', 'البديل', 'الدليل'].map((h) => el('th', {}, h)))),
      el('tbody', {}, ...rows))));
  }
}

/* ---- the corpus ------------------------------------------------------------------ */

function barChart(entries) {
  const NS = 'http://www.w3.org/2000/svg';
  const max = Math.max(1, ...entries.map((e) => e[1]));
  const rowH = 26, labelW = 110, width = 560, valW = 70;
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${Math.max(1, entries.length) * rowH}`);
  svg.setAttribute('class', 'chart');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', 'التصحيحات حسب القاعدة');
  entries.forEach(([name, n, label], i) => {
    const y = i * rowH;
    const w = Math.max(2, (width - labelW - valW) * n / max);
    const t = document.createElementNS(NS, 'text');
    t.setAttribute('x', String(width - 4));
    t.setAttribute('y', String(y + 17));
    t.setAttribute('text-anchor', 'end');
    t.textContent = label || name;
    const r = document.createElementNS(NS, 'rect');
    r.setAttribute('x', String(width - labelW - w));
    r.setAttribute('y', String(y + 4));
    r.setAttribute('width', String(w));
    r.setAttribute('height', String(rowH - 8));
    r.setAttribute('rx', '3');
    const tt = document.createElementNS(NS, 'title');
    tt.textContent = `${name}: ${n}`;
    r.append(tt);
    const v = document.createElementNS(NS, 'text');
    v.setAttribute('x', String(width - labelW - w - 6));
    v.setAttribute('y', String(y + 17));
    v.setAttribute('text-anchor', 'end');
    v.setAttribute('class', 'val');
    v.textContent = num(n);
    svg.append(t, r, v);
  });
  return svg;
}

let statsTimer = null;

async function viewCorpus() {
  setActive('corpus');
  document.title = 'المدوّنة — نظيف';
  const {body} = await getJSON('/api/stats');
  if (location.pathname !== '/corpus') return;
  main.replaceChildren(el('h2', {}, 'المدوّنة'));
  if (body.error) main.append(el('p', {class: 'error'}, body.error));
  if (!body.ready) {
    main.append(el('p', {class: 'status', id: 'progress'},
      `تُحسب الأرقام: ${num(body.documents_read)} من ${num(body.documents)} وثيقة…`));
    clearTimeout(statsTimer);
    statsTimer = setTimeout(() => { if (location.pathname === '/corpus') viewCorpus(); }, 1000);
  }
  const card = (label, n) => el('div', {class: 'card'}, el('div', {class: 'n'}, num(n)), el('div', {}, label));
  main.append(el('div', {class: 'cards', id: 'cards'},
    card('وثيقة', body.documents), card('كلمة', body.words), card('سطر', body.lines),
    card('وثيقة فيها تصحيح', body.documents_restored), card('سطر محذوف (أثاث الصفحة)', body.lines_dropped),
    card('كلمة مشتبه بها', body.suspects)));
  const rules = Object.entries(body.by_rule).sort((a, b) => b[1] - a[1]);
  main.append(el('h3', {}, 'التصحيحات حسب القاعدة'),
    rules.length ? barChart(rules) : el('p', {class: 'muted'}, 'لا تصحيح.'));
  if (body.top_restored.length) {
    main.append(el('h3', {}, 'أكثر الكلمات المستعادة (ما كان يُخفى)'),
      el('div', {class: 'scroll'}, el('table', {class: 'toplist', id: 'top'},
        el('thead', {}, el('tr', {}, el('th', {}, 'الكلمة'), el('th', {}, 'مثال كما كُتبت'), el('th', {}, 'المرات'))),
        el('tbody', {}, ...body.top_restored.map((w) => el('tr', {},
          el('td', {}, el('a', {href: '/?q=' + encodeURIComponent('"' + w.word.replace(/"/g, '""') + '"'), 'data-local': true}, w.word)),
          el('td', {}, el('bdi', {}, w.example)), el('td', {}, num(w.count))))))));
  }
  const reasons = Object.entries(body.dropped_by_reason).sort((a, b) => b[1] - a[1]);
  if (reasons.length) {
    main.append(el('h3', {}, 'الأسطر المحذوفة حسب السبب'),
      el('ul', {class: 'reasons'}, ...reasons.map(([r, n]) => el('li', {}, el('bdi', {lang: 'en', dir: 'ltr'}, r), ' — ', num(n)))));
  }
  if (body.ready) main.append(el('p', {class: 'muted'}, `حُسبت في ${num(body.seconds)} ثانية عند تشغيل الخادم.`));
}

function route() {
  clearTimeout(statsTimer);
  const params = new URLSearchParams(location.search);
  if (location.pathname === '/doc') viewDoc(params);
  else if (location.pathname === '/corpus') viewCorpus();
  else viewSearch(params);
}

route();
