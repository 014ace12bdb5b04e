import { type Locale, locales, type MessageKey, t } from '@organizer/core';
import { en } from '@organizer/core/catalogs';
import { world } from './world.ts';

/** The page's own words, in every language (the page switches without a reload). */
function labels(): Record<string, Record<string, string>> {
  const keys = (Object.keys(en) as MessageKey[]).filter((k) => k.startsWith('playground.'));
  return Object.fromEntries(
    locales.map((locale) => [locale, Object.fromEntries(keys.map((k) => [k.slice('playground.'.length), t(locale, k)]))]),
  );
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1c1d;background:#f8f8f8}
header{padding:.8rem 1.2rem;background:#3f0e40;color:#fff}header h1{margin:0;font-size:1.2rem}header p{margin:.2rem 0 0;opacity:.85;font-size:.85rem}
body.discord header{background:#313338}
main{display:grid;grid-template-columns:230px 1fr 340px;height:calc(100vh - 74px)}
aside.scene{padding:1rem;background:#fff;border-right:1px solid #ddd}aside.scene label{display:block;margin-bottom:.8rem;font-size:.8rem;font-weight:600;color:#555}
aside.scene select{display:block;width:100%;margin-top:.25rem;padding:.35rem;font:inherit}
section.chat{display:flex;flex-direction:column;min-width:0}
#log{flex:1;overflow:auto;padding:1rem}
.msg{background:#fff;border:1px solid #e4e4e4;border-radius:8px;padding:.6rem .8rem;margin-bottom:.7rem;max-width:46rem}
.msg .who{font-weight:700;font-size:.85rem;margin-bottom:.2rem}.msg.mine{background:#eef5ff}
.msg .note{font-size:.75rem;color:#777;margin-top:.3rem}
.msg.error{border-color:#e01e5a;color:#a00}
.blk-header{font-size:1.05rem;font-weight:700;margin:.3rem 0}.blk-context{font-size:.8rem;color:#616061;margin:.3rem 0}
.blk-section{margin:.3rem 0;white-space:normal}hr{border:0;border-top:1px solid #eee}
.buttons{display:flex;flex-wrap:wrap;gap:.4rem;margin-top:.4rem}
button{font:inherit;cursor:pointer;border:1px solid #bbb;background:#fff;border-radius:5px;padding:.3rem .7rem}
button.primary{background:#007a5a;color:#fff;border-color:#007a5a}body.discord button.primary{background:#5865f2;border-color:#5865f2}
code{background:#f1f1f1;border-radius:3px;padding:0 .2rem;font-size:.9em}blockquote{margin:.2rem 0;padding-left:.6rem;border-left:3px solid #ddd}
.embed{border-left:4px solid #5865f2;background:#f2f3f5;padding:.4rem .6rem;margin-top:.3rem;border-radius:4px}
form.compose{display:flex;gap:.5rem;padding:.7rem 1rem;border-top:1px solid #ddd;background:#fff}
form.compose span{align-self:center;font-weight:600}form.compose input{flex:1;padding:.5rem;font:inherit}
.chips{padding:0 1rem .6rem;background:#fff;font-size:.8rem}.chips button{font-size:.8rem;padding:.1rem .5rem;margin:.1rem}
aside.calls{background:#fff;border-left:1px solid #ddd;overflow:auto;padding:1rem}aside.calls h2{font-size:.9rem;margin:0 0 .6rem}
.call{border-bottom:1px solid #eee;padding:.4rem 0;font-size:.8rem}.call b{font-family:ui-monospace,monospace}.call .msg{margin:.3rem 0 0;font-size:.85rem}
#modal{position:fixed;inset:0;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center}
#modal[hidden]{display:none}#modal form{background:#fff;border-radius:8px;width:min(34rem,94vw);max-height:90vh;overflow:auto;padding:1rem 1.2rem}
#modal h2{margin:0 0 .8rem;font-size:1.1rem}#modal label{display:block;font-weight:600;margin:.6rem 0 .2rem}
#modal .hint{font-weight:400;font-size:.8rem;color:#666}#modal input,#modal textarea,#modal select{width:100%;padding:.4rem;font:inherit}
#modal textarea{min-height:5rem}#modal .error{color:#e01e5a;font-size:.8rem}#modal .actions{display:flex;justify-content:flex-end;gap:.5rem;margin-top:1rem}
`;

/**
 * The page's script, plain JavaScript for the browser. It builds nothing itself: the server signs each
 * request for the playground's tenants, and the page sends it to the app's real routes.
 */
const SCRIPT = String.raw`
var D = JSON.parse(document.getElementById('data').textContent);
var S = { platform: 'slack', locale: D.locale, since: 0, pending: {} };
var $ = function (id) { return document.getElementById(id); };
var emptyWrap = $('empty-wrap');
function L(key, vars) {
  var text = (D.labels[S.locale] || D.labels.en)[key] || key;
  Object.keys(vars || {}).forEach(function (k) { text = text.split('{' + k + '}').join(vars[k]); });
  return text;
}
function el(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) {
    if (k === 'html') node.innerHTML = attrs[k];
    else if (k === 'text') node.textContent = attrs[k];
    else if (k.indexOf('on') === 0) node.addEventListener(k.slice(2), attrs[k]);
    else node.setAttribute(k, attrs[k]);
  });
  (children || []).forEach(function (c) { if (c) node.appendChild(c); });
  return node;
}
function esc(s) { return String(s == null ? '' : s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
function platform() { return D.world[S.platform]; }
function space() { var id = $('space').value; return platform().spaces.filter(function (s) { return s.id === id; })[0] || platform().spaces[0]; }
function userName(id) { var u = platform().users.filter(function (x) { return x.id === id; })[0]; return u ? u.name : id; }
function channelName(id) { var c = space().channels.filter(function (x) { return x.id === id; })[0]; return c ? c.name : id; }

function inline(html) {
  return html
    .replace(/&lt;@!?([A-Z0-9]+)(\|[^&]*)?&gt;/g, function (_, id) { return '<b>@' + esc(userName(id)) + '</b>'; })
    .replace(/&lt;#([A-Z0-9]+)(\|([^&]*))?&gt;/g, function (_, id, __, name) { return '<b>#' + esc(name || channelName(id)) + '</b>'; })
    .replace(/&lt;(https?:[^|&]+)\|([^&]+)&gt;/g, '<a href="$1" target="_blank">$2</a>')
    .replace(/&lt;(https?:[^&]+)&gt;/g, '<a href="$1" target="_blank">$1</a>');
}
function mrkdwn(text) {
  var h = esc(text);
  h = inline(h)
    .replace(/\x60([^\x60]+)\x60/g, '<code>$1</code>')
    .replace(/(^|[\s(])\*([^*\n]+)\*/g, '$1<b>$2</b>')
    .replace(/(^|[\s(])_([^_\n]+)_/g, '$1<i>$2</i>')
    .replace(/(^|[\s(])~([^~\n]+)~/g, '$1<s>$2</s>')
    .replace(/^&gt; ?(.*)$/gm, '<blockquote>$1</blockquote>');
  return h.replace(/\n/g, '<br>');
}
function markdown(text) {
  var h = esc(text);
  h = inline(h)
    .replace(/\x60([^\x60]+)\x60/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>')
    .replace(/(^|[\s(])[*_]([^*_\n]+)[*_]/g, '$1<i>$2</i>')
    .replace(/^#{1,3} (.*)$/gm, '<b>$1</b>')
    .replace(/^-# (.*)$/gm, '<small>$1</small>')
    .replace(/^&gt; ?(.*)$/gm, '<blockquote>$1</blockquote>');
  return h.replace(/\n/g, '<br>');
}

function button(label, id, primary, messageId) {
  return el('button', { type: 'button', class: primary ? 'primary' : '', 'data-action': id, text: label, onclick: function () {
    send({ kind: 'click', actionId: id, label: label, messageId: messageId });
  } });
}
function slackBlocks(blocks, text, messageId) {
  var out = el('div', {});
  if (!blocks || !blocks.length) { out.appendChild(el('div', { class: 'blk-section', html: mrkdwn(text || '') })); return out; }
  blocks.forEach(function (b) {
    if (b.type === 'header') out.appendChild(el('div', { class: 'blk-header', text: b.text && b.text.text }));
    else if (b.type === 'section') out.appendChild(el('div', { class: 'blk-section', html: b.text && b.text.type === 'mrkdwn' ? mrkdwn(b.text.text) : esc(b.text && b.text.text) }));
    else if (b.type === 'context') out.appendChild(el('div', { class: 'blk-context', html: (b.elements || []).map(function (e) { return e.type === 'mrkdwn' ? mrkdwn(e.text) : esc(e.text); }).join(' ') }));
    else if (b.type === 'divider') out.appendChild(el('hr'));
    else if (b.type === 'actions') out.appendChild(el('div', { class: 'buttons' }, (b.elements || []).filter(function (e) { return e.type === 'button'; }).map(function (e) {
      return button(e.text && e.text.text, e.action_id, e.style === 'primary', messageId);
    })));
  });
  return out;
}
function discordMessage(data, messageId) {
  var out = el('div', {});
  if (data.content) out.appendChild(el('div', { class: 'blk-section', html: markdown(data.content) }));
  (data.embeds || []).forEach(function (e) {
    out.appendChild(el('div', { class: 'embed', html: (e.title ? '<b>' + esc(e.title) + '</b><br>' : '') + markdown(e.description || '') + (e.fields || []).map(function (f) { return '<br><b>' + esc(f.name) + '</b><br>' + markdown(f.value); }).join('') }));
  });
  (data.components || []).forEach(function (row) {
    out.appendChild(el('div', { class: 'buttons' }, (row.components || []).filter(function (c) { return c.type === 2; }).map(function (c) {
      return button(c.label, c.custom_id, c.style === 1, messageId);
    })));
  });
  return out;
}
function messageBody(m) { return S.platform === 'slack' ? slackBlocks(m.blocks, m.text, m.id) : discordMessage(m, m.id); }
function addMessage(who, body, note, cls) {
  var node = el('div', { class: 'msg ' + (cls || ''), 'data-testid': cls === 'mine' ? 'sent' : 'message' }, [el('div', { class: 'who', text: who }), body]);
  if (note) node.appendChild(el('div', { class: 'note', text: note }));
  $('log').appendChild(node);
  $('log').scrollTop = $('log').scrollHeight;
  return node;
}
function botSays(m, ephemeral, note) { return addMessage('Organizer', messageBody(m), ephemeral ? L('onlyYou') : note, ''); }

function openModal(modal) {
  var form = el('form', { 'data-testid': 'modal' });
  var slack = S.platform === 'slack';
  form.appendChild(el('h2', { text: slack ? modal.title && modal.title.text : modal.title }));
  var fields = [];
  if (slack) {
    (modal.blocks || []).filter(function (b) { return b.type === 'input'; }).forEach(function (b) {
      var e = b.element || {};
      fields.push({ id: b.block_id, label: b.label && b.label.text, hint: b.hint && b.hint.text, multiline: e.multiline, value: e.initial_value || (e.initial_option && e.initial_option.value) || '',
        placeholder: e.placeholder && e.placeholder.text, options: e.type === 'static_select' ? (e.options || []).map(function (o) { return { label: o.text.text, value: o.value }; }) : null, required: !b.optional });
    });
  } else {
    (modal.components || []).forEach(function (c) {
      var inner = c.type === 18 ? c.component : (c.components || [])[0];
      if (!inner) return;
      fields.push({ id: inner.custom_id, label: c.type === 18 ? c.label : inner.label, hint: c.description, multiline: inner.style === 2, value: inner.value || ((inner.options || []).filter(function (o) { return o.default; })[0] || {}).value || '',
        placeholder: inner.placeholder, options: inner.type === 3 ? inner.options : null, required: inner.required });
    });
  }
  fields.forEach(function (f) {
    var input = f.options
      ? el('select', { name: f.id }, [el('option', { value: '', text: '—' })].concat(f.options.map(function (o) { var opt = el('option', { value: o.value, text: o.label }); if (o.value === f.value) opt.selected = true; return opt; })))
      : el(f.multiline ? 'textarea' : 'input', { name: f.id, placeholder: f.placeholder || '' });
    if (!f.options) input.value = f.value;
    form.appendChild(el('label', { for: 'f-' + f.id, html: esc(f.label) + (f.hint ? ' <span class="hint">' + esc(f.hint) + '</span>' : '') }));
    input.id = 'f-' + f.id;
    form.appendChild(input);
    form.appendChild(el('div', { class: 'error', 'data-error': f.id }));
  });
  form.appendChild(el('div', { class: 'actions' }, [
    el('button', { type: 'button', text: L('cancel'), onclick: closeModal }),
    el('button', { type: 'submit', class: 'primary', 'data-testid': 'modal-submit', text: slack ? (modal.submit && modal.submit.text) || 'Submit' : 'Submit' })
  ]));
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var values = {};
    fields.forEach(function (f) { values[f.id] = form.elements[f.id].value; });
    send({ kind: 'submit', modal: modal, values: values });
  });
  S.modal = modal;
  var host = $('modal');
  host.innerHTML = '';
  host.appendChild(form);
  host.hidden = false;
  var first = form.querySelector('input,textarea,select');
  if (first) first.focus();
}
function closeModal() { $('modal').hidden = true; $('modal').innerHTML = ''; S.modal = null; }
function modalErrors(errors) {
  Object.keys(errors).forEach(function (id) { var n = document.querySelector('[data-error="' + id + '"]'); if (n) n.textContent = errors[id]; });
}

function scene() { return { platform: S.platform, space: $('space').value, channel: $('channel').value, user: $('user').value, locale: S.locale }; }
async function send(act) {
  if (act.kind === 'command') addMessage(userName($('user').value), el('div', { text: '/community ' + act.text }), '', 'mine');
  var signed = await (await fetch('/playground/request', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scene: scene(), act: act }) })).json();
  var res = await fetch(signed.url, { method: 'POST', headers: signed.headers, body: signed.body });
  var text = await res.text();
  var body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = { text: text }; }
  if (res.status !== 200) addMessage('Organizer', el('div', { text: L('failed', { status: res.status }) }), '', 'error');
  else if (S.platform === 'slack') slackAnswer(act, body);
  else discordAnswer(act, body, JSON.parse(signed.body));
  await pull();
}
function slackAnswer(act, body) {
  if (act.kind === 'submit') {
    if (body && body.response_action === 'errors') return modalErrors(body.errors || {});
    if (body && body.response_action === 'update') return openModal(body.view);
    return closeModal();
  }
  if (body && (body.text || body.blocks)) botSays(body, body.response_type !== 'in_channel');
}
function discordAnswer(act, body, interaction) {
  if (!body) return;
  if (act.kind === 'submit' && body.type !== 9) closeModal();
  if (body.type === 9) return openModal(body.data);
  if (body.type === 4) return botSays(body.data || {}, ((body.data || {}).flags & 64) !== 0);
  if (body.type === 5) S.pending[interaction.token] = botSays({ content: L('thinking') }, true);
}

function isHere(channel) { return channel === $('channel').value; }
function showCall(call) {
  var entry = el('div', { class: 'call', 'data-testid': 'call' }, [el('b', { text: call.method })]);
  var b = call.body || {};
  if (call.platform === 'slack') {
    if (/^views\.(open|push|update)$/.test(call.method)) openModal(b.view);
    else if (call.method === 'chat.postMessage' || call.method === 'response_url' || call.method === 'chat.postEphemeral') {
      var here = call.method === 'response_url' || isHere(b.channel);
      if (here && (call.method !== 'chat.postEphemeral' || b.user === $('user').value)) {
        botSays(b, call.method !== 'chat.postMessage' && b.response_type !== 'in_channel', b.thread_ts ? L('thread') : '');
      } else if (!here) {
        var ch = String(b.channel || '');
        var dm = /^D/.test(ch) ? 'U' + ch.slice(1) : /^U/.test(ch) ? ch : null;
        entry.appendChild(el('div', { class: 'msg' }, [el('div', { class: 'who', text: dm ? L('dm', { name: userName(dm) }) : '#' + channelName(ch) }), slackBlocks(b.blocks, b.text)]));
      }
    } else entry.appendChild(el('div', { text: Object.keys(b).slice(0, 4).map(function (k) { return k + '=' + JSON.stringify(b[k]).slice(0, 40); }).join(' ') }));
  } else {
    var m = /^(POST|PATCH) \/(channels|webhooks)\/([^/]+)\/([^/]+)(\/messages\/@original)?/.exec(call.method);
    if (m && m[2] === 'webhooks') {
      var pending = S.pending[m[4]];
      var node = discordMessage(b, b.id);
      if (pending && m[5]) { pending.replaceChild(node, pending.children[1]); delete S.pending[m[4]]; }
      else botSays(b, (b.flags & 64) !== 0);
    } else if (m && m[2] === 'channels' && m[4] === 'messages' && !/\/threads$/.test(call.method)) {
      if (isHere(m[3])) botSays(b, false);
      else entry.appendChild(el('div', { class: 'msg' }, [el('div', { class: 'who', text: /^dm-/.test(m[3]) ? L('dm', { name: userName(m[3].slice(3)) }) : '#' + channelName(m[3]) }), discordMessage(b)]));
    }
  }
  $('calls-list').appendChild(entry);
  $('calls-empty').hidden = true;
}
async function pull(quiet) {
  var got = await (await fetch('/playground/calls?since=' + S.since)).json();
  got.calls.forEach(function (call) { S.since = Math.max(S.since, call.n); if (!quiet && call.platform === S.platform) showCall(call); });
}

function fill(select, items, label) {
  var keep = select.value;
  select.innerHTML = '';
  items.forEach(function (i) { select.appendChild(el('option', { value: i.id, text: label(i) })); });
  if (items.some(function (i) { return i.id === keep; })) select.value = keep;
}
function relabel() {
  document.documentElement.lang = S.locale;
  document.querySelectorAll('[data-label]').forEach(function (n) { n.textContent = L(n.getAttribute('data-label'), { platform: S.platform === 'slack' ? 'Slack' : 'Discord' }); });
  $('command').placeholder = L('placeholder');
  $('empty').innerHTML = mrkdwn(L('empty'));
}
function reset() { $('log').innerHTML = ''; $('log').appendChild(emptyWrap); $('calls-list').innerHTML = ''; $('calls-empty').hidden = false; closeModal(); }
function changed(level) {
  if (level === 'platform') {
    S.platform = $('platform').value;
    document.body.className = S.platform;
    fill($('space'), platform().spaces, function (s) { return s.name; });
    fill($('user'), platform().users, function (u) { return u.name; });
  }
  if (level !== 'user') fill($('channel'), space().channels, function (c) { return '#' + c.name; });
  if (level !== 'user') reset();
  relabel();
}
$('platform').addEventListener('change', function () { changed('platform'); });
$('space').addEventListener('change', function () { changed('space'); });
$('channel').addEventListener('change', function () { changed('channel'); });
$('user').addEventListener('change', function () { changed('user'); });
$('language').value = S.locale;
$('language').addEventListener('change', function () { S.locale = $('language').value; relabel(); });
$('compose').addEventListener('submit', function (ev) {
  ev.preventDefault();
  var text = $('command').value.replace(/^\/?community\s*/, '').trim();
  $('command').value = '';
  send({ kind: 'command', text: text });
});
document.querySelectorAll('[data-try]').forEach(function (b) { b.addEventListener('click', function () { send({ kind: 'command', text: b.getAttribute('data-try') }); }); });
changed('platform');
// Calls made before this page was opened are not this page's.
pull(true);
`;

/** `GET /`: the playground page, in the browser's language (switchable on the page). */
export function playgroundPage(locale: Locale): string {
  const data = JSON.stringify({ locale, labels: labels(), world }).replace(/</g, '\\u003c');
  const l = (key: string) => t(locale, `playground.${key}` as MessageKey);
  const tries = ['help', 'setup Green Street Tenants', 'status', 'story questions', 'roles'];
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${l('title')}</title><style>${STYLE}</style></head>
<body class="slack">
<header><h1 data-label="title">${l('title')}</h1><p data-label="lead">${l('lead')}</p></header>
<main>
<aside class="scene">
<label><span data-label="platform">${l('platform')}</span><select id="platform"><option value="slack">Slack</option><option value="discord">Discord</option></select></label>
<label><span data-label="space">${l('space')}</span><select id="space"></select></label>
<label><span data-label="channel">${l('channel')}</span><select id="channel"></select></label>
<label><span data-label="user">${l('user')}</span><select id="user"></select></label>
<label><span data-label="language">${l('language')}</span><select id="language">${locales.map((code) => `<option value="${code}">${code === 'ru' ? 'Русский' : 'English'}</option>`).join('')}</select></label>
</aside>
<section class="chat">
<div id="log"><div id="empty-wrap" class="msg"><div id="empty"></div></div></div>
<div class="chips"><span data-label="try">${l('try')}</span> ${tries.map((c) => `<button type="button" data-try="${c}">${c}</button>`).join(' ')}</div>
<form class="compose" id="compose"><span>/community</span><input id="command" autocomplete="off" data-testid="command"><button class="primary" data-label="send">${l('send')}</button></form>
</section>
<aside class="calls" data-testid="calls"><h2 data-label="calls">${l('calls')}</h2><p id="calls-empty" data-label="calls.empty">${l('calls.empty')}</p><div id="calls-list"></div></aside>
</main>
<div id="modal" hidden></div>
<script type="application/json" id="data">${data}</script>
<script>${SCRIPT}</script>
</body>
</html>`;
}
