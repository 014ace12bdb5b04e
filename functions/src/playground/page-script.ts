/**
 * The page's script, plain JavaScript for the browser. It builds nothing itself: the server signs each
 * request for the playground's tenants, and the page sends it to the app's real routes. Every message
 * shown keeps the id its platform gave it (`data-key`: Slack's channel and ts, Discord's message id), so
 * buttons on it carry that id and edits and deletions the app makes redraw it where it is.
 */
export const PAGE_SCRIPT = String.raw`
var D = JSON.parse(document.getElementById('data').textContent);
var S = { platform: 'slack', locale: D.locale, since: 0, pending: {}, originals: {}, mentions: [], serial: 0, busy: 0, groups: {}, threads: {}, homes: {}, tab: 'channel' };
var $ = function (id) { return document.getElementById(id); };
var emptyWrap = $('empty-wrap');
function L(key, vars) {
  var text = (D.labels[S.locale] || D.labels.en)[key] || D.labels.en[key] || key;
  Object.keys(vars || {}).forEach(function (k) { text = text.split('{' + k + '}').join(vars[k]); });
  return text;
}
function el(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) {
    if (k === 'text') node.textContent = attrs[k];
    else if (k.indexOf('on') === 0) node.addEventListener(k.slice(2), attrs[k]);
    else node.setAttribute(k, attrs[k]);
  });
  (children || []).forEach(function (c) { if (c) node.appendChild(c); });
  return node;
}
function platform() { return D.world[S.platform]; }
function space() { var id = $('space').value; return platform().spaces.filter(function (s) { return s.id === id; })[0] || platform().spaces[0]; }
function userName(id, fallback) { var u = platform().users.filter(function (x) { return x.id === id; })[0]; return u ? u.name : fallback || id; }
function channelName(id, fallback) {
  var c = [].concat.apply([], platform().spaces.map(function (s) { return s.channels; })).filter(function (x) { return x.id === id; })[0];
  return c ? c.name : fallback || id;
}
function dmOf(channel) { return platform().users.filter(function (u) { return u.dm === channel || u.id === channel; })[0]; }
function flavor() { return S.platform === 'slack' ? 'slack' : 'discord'; }
/** An id for a message the platform gives the page no id for (an answer to the request itself). */
function localId() {
  S.serial += 1;
  return S.platform === 'slack' ? Math.floor(Date.now() / 1000) + '.' + String(900000 + S.serial) : String(Date.now()) + String(100000 + S.serial);
}
function keyOf(channel, id) { return S.platform === 'slack' ? channel + '/' + id : String(id); }
function nodesOf(key) { return Array.prototype.slice.call(document.querySelectorAll('[data-key="' + CSS.escape(key) + '"]')); }

function button(label, id, primary, ref) {
  return el('button', { type: 'button', class: primary ? 'primary' : '', 'data-action': id, text: label, onclick: function () {
    // A Home is only ever shown to its own person: its buttons are theirs.
    if (ref.home) return send({ kind: 'click', home: true, viewId: ref.viewId, actionId: id, label: label });
    // A button in someone else's DM is theirs to press: the platform would never show it to anyone else.
    var owner = dmOf(ref.channel);
    if (owner && owner.id !== $('user').value) return notice(L('notYours', { name: owner.name }));
    send({ kind: 'click', actionId: id, label: label, messageId: ref.id, channelId: ref.channel, ephemeral: ref.ephemeral }, ref);
  } });
}
function slackText(t) { return t ? (t.type === 'mrkdwn' ? rich(t.text, 'slack') : el('span', { text: t.text })) : null; }
function slackBlocks(m, ref) {
  var out = el('div', { class: 'body' });
  var blocks = m.blocks || [];
  if (!blocks.length) { out.appendChild(rich(m.text || '', 'slack')); pictures(out, slackFiles(m.files)); return out; }
  blocks.forEach(function (b) {
    if (b.type === 'header') out.appendChild(el('div', { class: 'blk-header', text: b.text && b.text.text }));
    else if (b.type === 'section') {
      var sec = el('div', { class: 'blk-section' }, [slackText(b.text)]);
      (b.fields || []).forEach(function (f) { sec.appendChild(el('div', { class: 'field' }, [slackText(f)])); });
      if (b.accessory && b.accessory.type === 'button') sec.appendChild(el('div', { class: 'buttons' }, [button(b.accessory.text.text, b.accessory.action_id, b.accessory.style === 'primary', ref)]));
      out.appendChild(sec);
    } else if (b.type === 'context') out.appendChild(el('div', { class: 'blk-context' }, (b.elements || []).map(function (e) { return e.type === 'image' ? null : slackText(e); })));
    else if (b.type === 'divider') out.appendChild(el('hr'));
    else if (b.type === 'image') pictures(out, [{ url: b.image_url, alt: b.alt_text, type: 'image/png' }]);
    else if (b.type === 'actions') out.appendChild(el('div', { class: 'buttons' }, (b.elements || []).filter(function (e) { return e.type === 'button'; }).map(function (e) {
      return button(e.text && e.text.text, e.action_id, e.style === 'primary', ref);
    })));
  });
  pictures(out, slackFiles(m.files));
  return out;
}
function discordMessage(m, ref) {
  var out = el('div', { class: 'body' });
  if (m.content) out.appendChild(el('div', { class: 'blk-section' }, [rich(m.content, 'discord')]));
  (m.embeds || []).forEach(function (e) {
    var embed = el('div', { class: 'embed' });
    if (e.title) embed.appendChild(el('div', { class: 'blk-header' }, [rich(e.title, 'discord')]));
    if (e.description) embed.appendChild(rich(e.description, 'discord'));
    (e.fields || []).forEach(function (f) { embed.appendChild(el('div', { class: 'field' }, [el('b', { text: f.name }), rich(f.value, 'discord')])); });
    if (e.footer && e.footer.text) embed.appendChild(el('div', { class: 'blk-context', text: e.footer.text }));
    out.appendChild(embed);
  });
  pictures(out, discordFiles(m.attachments));
  (m.components || []).forEach(function (row) {
    out.appendChild(el('div', { class: 'buttons' }, (row.components || []).filter(function (c) { return c.type === 2 && c.custom_id; }).map(function (c) {
      return button(c.label, c.custom_id, c.style === 1, ref);
    })));
  });
  return out;
}
function messageBody(m, ref) { return S.platform === 'slack' ? slackBlocks(m, ref) : discordMessage(m, ref); }

/** A message on the page; ref = { id, channel, ephemeral } as the platform knows it. */
function showMessage(m, ref, note, into) {
  var node = el('div', { class: 'msg', 'data-testid': into ? 'elsewhere' : 'message', 'data-key': keyOf(ref.channel, ref.id) }, [
    el('div', { class: 'who', text: into ? into.title : 'Organizer' }), messageBody(m, ref)
  ]);
  node.ref = ref;
  if (ref.ephemeral || note) node.appendChild(el('div', { class: 'note', text: ref.ephemeral ? L('onlyYou') : note }));
  if (into) into.host.appendChild(node);
  else { $('log').appendChild(node); $('log').scrollTop = $('log').scrollHeight; }
  return node;
}
/** The platform edited a message: it is redrawn where it is, marked as edited. */
function redraw(key, m) {
  var nodes = nodesOf(key);
  nodes.forEach(function (node) {
    var merged = Object.assign({}, node.message || {}, m);
    node.message = merged;
    node.replaceChild(messageBody(merged, node.ref), node.querySelector('.body'));
    if (!node.querySelector('.edited')) node.querySelector('.who').appendChild(el('span', { class: 'edited', text: ' ' + L('edited') }));
  });
  return nodes.length > 0;
}
function removeMessage(key) { nodesOf(key).forEach(function (n) { n.remove(); }); }
function botSays(m, ref, note, into) { var node = showMessage(m, ref, note, into); node.message = m; return node; }
function mine(text) {
  $('log').appendChild(el('div', { class: 'msg mine', 'data-testid': 'sent' }, [el('div', { class: 'who', text: userName($('user').value) }), el('div', { text: '/community ' + text })]));
  $('log').scrollTop = $('log').scrollHeight;
}
function notice(text) {
  $('log').appendChild(el('div', { class: 'msg error', 'data-testid': 'message' }, [el('div', { text: text })]));
  $('log').scrollTop = $('log').scrollHeight;
}
function failed(status) { notice(L('failed', { status: status })); }

/**
 * Slack's pickers as the browser's own: a date, a time, a date and time (the reader's local time, sent
 * back as the instant Slack sends), checkboxes and a members picker as lists to choose several from.
 */
function slackPicker(e) {
  if (e.type === 'datepicker') return { input: 'date', value: e.initial_date || '' };
  if (e.type === 'timepicker') return { input: 'time', value: e.initial_time || '' };
  if (e.type === 'datetimepicker') {
    var d = e.initial_date_time ? when(e.initial_date_time) : null;
    return { input: 'datetime-local', value: d ? d.getFullYear() + '-' + pad2(d.getMonth() + 1) + '-' + pad2(d.getDate()) + 'T' + pad2(d.getHours()) + ':' + pad2(d.getMinutes()) : '' };
  }
  if (e.type === 'checkboxes')
    return { multiple: true, options: (e.options || []).map(function (o) { return { label: o.text.text, value: o.value }; }), value: (e.initial_options || []).map(function (o) { return o.value; }).join(',') };
  if (e.type === 'multi_users_select')
    return { multiple: true, options: platform().users.map(function (u) { return { label: u.name, value: u.id }; }), value: (e.initial_users || []).join(',') };
  return null;
}
/** A field's answer as text: several choices joined by commas, a date and time as its instant in seconds. */
function fieldValue(f, input) {
  if (f.multiple) return Array.prototype.slice.call(input.selectedOptions).map(function (o) { return o.value; }).join(',');
  if (f.input === 'datetime-local') return input.value ? String(Math.floor(new Date(input.value).getTime() / 1000)) : '';
  return input.value;
}
function openModal(modal) {
  var form = el('form', { 'data-testid': 'modal' });
  var slack = S.platform === 'slack';
  form.appendChild(el('h2', { text: slack ? modal.title && modal.title.text : modal.title }));
  var fields = [];
  if (slack) {
    (modal.blocks || []).forEach(function (b) {
      if (b.type !== 'input') { if (b.type === 'section' || b.type === 'context') form.appendChild(slackBlocks({ blocks: [b] }, {})); return; }
      var e = b.element || {};
      var picker = slackPicker(e);
      fields.push({ id: b.block_id, label: b.label && b.label.text, hint: b.hint && b.hint.text, multiline: e.multiline, value: picker ? picker.value : e.initial_value || (e.initial_option && e.initial_option.value) || '',
        placeholder: e.placeholder && e.placeholder.text, options: picker ? picker.options || null : e.type === 'static_select' ? (e.options || []).map(function (o) { return { label: o.text.text, value: o.value }; }) : null,
        input: picker && picker.input, multiple: picker && picker.multiple, required: !b.optional });
    });
  } else {
    (modal.components || []).forEach(function (c) {
      if (c.type === 10) { form.appendChild(rich(c.content, 'discord')); return; }
      var inner = c.type === 18 ? c.component : (c.components || [])[0];
      if (!inner) return;
      fields.push({ id: inner.custom_id, label: c.type === 18 ? c.label : inner.label, hint: c.description, multiline: inner.style === 2, value: inner.value || ((inner.options || []).filter(function (o) { return o.default; })[0] || {}).value || '',
        placeholder: inner.placeholder, options: inner.type === 3 ? inner.options : null, required: inner.required });
    });
  }
  fields.forEach(function (f) {
    var chosen = String(f.value).split(',');
    var input = f.options
      ? el('select', f.multiple ? { name: f.id, multiple: 'multiple' } : { name: f.id }, (f.multiple ? [] : [el('option', { value: '', text: '—' })]).concat(f.options.map(function (o) { var opt = el('option', { value: o.value, text: o.label }); if (f.multiple ? chosen.indexOf(o.value) >= 0 : o.value === f.value) opt.selected = true; return opt; })))
      : el(f.multiline ? 'textarea' : 'input', f.input ? { name: f.id, type: f.input } : { name: f.id, placeholder: f.placeholder || '' });
    if (!f.options) input.value = f.value;
    form.appendChild(el('label', { for: 'f-' + f.id }, [document.createTextNode(f.label || ''), f.hint ? el('span', { class: 'hint', text: ' ' + f.hint }) : null]));
    input.id = 'f-' + f.id;
    form.appendChild(input);
    form.appendChild(el('div', { class: 'error', 'data-error': f.id }));
  });
  // Slack draws the view's own submit and close; Discord draws its buttons in the reader's language.
  var submit = slack ? (modal.submit && modal.submit.text) || L('submit') : L('submit');
  var close = slack ? (modal.close && modal.close.text) || L('cancel') : L('cancel');
  form.appendChild(el('div', { class: 'actions' }, [
    el('button', { type: 'button', 'data-testid': 'modal-close', text: close, onclick: closeModal }),
    el('button', { type: 'submit', class: 'primary', 'data-testid': 'modal-submit', text: submit })
  ]));
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var values = {};
    fields.forEach(function (f) { values[f.id] = fieldValue(f, form.elements[f.id]); });
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
  Object.keys(errors).forEach(function (id) { var n = document.querySelector('[data-error="' + CSS.escape(id) + '"]'); if (n) n.textContent = errors[id]; });
}

function scene() { return { platform: S.platform, space: $('space').value, channel: $('channel').value, user: $('user').value, locale: S.locale }; }
async function send(act, ref) {
  S.busy += 1;
  try { await sendNow(act, ref); } finally { S.busy -= 1; }
}
async function sendNow(act, ref) {
  if (act.kind === 'command') mine(act.text);
  await S.reading;
  var asked = await fetch('/playground/request', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scene: scene(), act: act }) });
  if (asked.status !== 200) return failed(asked.status);
  var signed = await asked.json();
  var res = await fetch(signed.url, { method: 'POST', headers: signed.headers, body: signed.body });
  var text = await res.text();
  var body = null;
  try { body = text ? JSON.parse(text) : null; } catch (e) { body = { text: text }; }
  if (res.status !== 200) failed(res.status);
  else if (S.platform === 'slack') slackAnswer(act, body);
  else discordAnswer(act, body, JSON.parse(signed.body), ref);
  await pull();
}
function slackAnswer(act, body) {
  if (act.kind === 'submit') {
    if (body && body.response_action === 'errors') return modalErrors(body.errors || {});
    if (body && (body.response_action === 'update' || body.response_action === 'push')) return openModal(body.view);
    return closeModal();
  }
  if (body && (body.text || body.blocks)) botSays(body, { id: localId(), channel: $('channel').value, ephemeral: body.response_type !== 'in_channel' });
}
function discordAnswer(act, body, interaction, ref) {
  if (!body) return;
  if (act.kind === 'submit' && body.type !== 9) closeModal();
  var data = body.data || {};
  if (body.type === 9) return openModal(data);
  if (body.type === 4) {
    var id = localId();
    S.originals[interaction.token] = keyOf(null, id);
    return botSays(data, { id: id, channel: interaction.channel_id, ephemeral: (data.flags & 64) !== 0 });
  }
  if (body.type === 5) {
    var wait = localId();
    S.originals[interaction.token] = keyOf(null, wait);
    S.pending[interaction.token] = botSays({ content: L('thinking') }, { id: wait, channel: interaction.channel_id, ephemeral: ((data.flags || 0) & 64) !== 0 });
  }
  // A button's UPDATE_MESSAGE (7) redraws the message it sits on; DEFERRED_UPDATE_MESSAGE (6) redraws it later.
  if ((body.type === 7 || body.type === 6) && ref) {
    S.originals[interaction.token] = keyOf(ref.channel, ref.id);
    if (body.type === 7) redraw(keyOf(ref.channel, ref.id), data);
  }
}

function here(channel) { return channel === $('channel').value; }
/** Where a message elsewhere went, for the side panel: someone's DM, a thread, another channel. */
function placeTitle(channel) {
  var dm = dmOf(channel);
  if (dm) return L('dm', { name: dm.name });
  if (S.groups[channel]) return L('dm', { name: S.groups[channel] });
  if (S.threads[channel]) return L('thread') + ': ' + S.threads[channel];
  return '#' + channelName(channel);
}
function elsewhere(entry, channel) { return { host: entry, title: placeTitle(channel) }; }
function summary(b) {
  return Object.keys(b).slice(0, 4).map(function (k) { return k + '=' + JSON.stringify(b[k]).slice(0, 40); }).join(' ');
}
function showSlackCall(call, entry) {
  var b = call.body || {}, a = call.answer || {};
  if (/^views\.(open|push|update)$/.test(call.method)) return openModal(b.view);
  if (call.method === 'chat.update') { if (!redraw(keyOf(b.channel, b.ts), b)) entry.appendChild(el('div', { text: summary(b) })); return; }
  if (call.method === 'chat.delete') return removeMessage(keyOf(b.channel, b.ts));
  // A group DM is named after the people it was opened with.
  if (call.method === 'conversations.open' && a.channel && /,/.test(String(b.users))) {
    S.groups[a.channel.id] = String(b.users).split(',').map(function (id) { return userName(id); }).join(', ');
  }
  if (call.method === 'response_url') {
    var target = call.target;
    if (target && b.delete_original) return removeMessage(keyOf(target.channel, target.ts));
    if (target && b.replace_original && redraw(keyOf(target.channel, target.ts), b)) return;
    return botSays(b, { id: localId(), channel: target ? target.channel : $('channel').value, ephemeral: b.response_type !== 'in_channel' });
  }
  if (call.method === 'views.publish') return homePublished(b, a, entry);
  // Files shared into a conversation: a message with the comment and the pictures, where it was shared.
  if (call.method === 'files.completeUploadExternal') {
    var shared = { id: localId(), channel: b.channel_id, ephemeral: false };
    var files = { text: b.initial_comment || '', files: a.files };
    if (here(shared.channel)) botSays(files, shared);
    else botSays(files, shared, '', elsewhere(entry, shared.channel));
    return;
  }
  if (call.method === 'chat.postEphemeral') {
    if (here(b.channel) && b.user === $('user').value) botSays(b, { id: a.message_ts || localId(), channel: b.channel, ephemeral: true });
    return;
  }
  if (call.method === 'chat.postMessage') {
    var ref = { id: a.ts, channel: a.channel || b.channel, ephemeral: false };
    if (here(ref.channel)) botSays(b, ref, b.thread_ts ? L('thread') : '');
    else botSays(b, ref, b.thread_ts ? L('thread') : '', elsewhere(entry, ref.channel));
    return;
  }
  entry.appendChild(el('div', { text: summary(b) }));
}
function showDiscordCall(call, entry) {
  var b = call.body || {}, a = call.answer || {};
  var w = /^(POST|PATCH|DELETE) \/webhooks\/[^/]+\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(call.method);
  var c = /^(POST|PATCH|DELETE) \/channels\/([^/]+)\/messages(?:\/([^/]+))?(\/threads)?$/.exec(call.method);
  if (w) {
    var verb = w[1], token = w[2], edited = w[3];
    var original = edited === '@original' ? S.originals[token] : edited ? keyOf(null, edited) : null;
    var pending = S.pending[token];
    if (verb === 'DELETE') { if (original) removeMessage(original); return; }
    if (verb === 'PATCH') {
      if (pending && edited === '@original') {
        delete S.pending[token];
        pending.message = {};
        redraw(original, b);
        var mark = pending.querySelector('.edited');
        if (mark) mark.remove();
      } else if (original) redraw(original, b);
      return;
    }
    // A follow-up: the first one after a deferred answer takes the "thinking" message's place.
    if (pending) { delete S.pending[token]; pending.remove(); }
    return botSays(b, { id: a.id || localId(), channel: a.channel_id, ephemeral: (b.flags & 64) !== 0 });
  }
  // A thread of its own (not started from a message): what is posted there is titled with its name.
  if (/^POST \/channels\/[^/]+\/threads$/.test(call.method) && a.id) S.threads[a.id] = b.name || a.id;
  if (!c || c[4]) { if (!/^GET /.test(call.method) && !c) entry.appendChild(el('div', { text: summary(b) })); return; }
  var channel = c[2], id = c[3];
  if (c[1] === 'PATCH' && id) { if (!redraw(keyOf(channel, id), b)) entry.appendChild(el('div', { text: summary(b) })); return; }
  if (c[1] === 'DELETE' && id) return removeMessage(keyOf(channel, id));
  if (c[1] !== 'POST' || id) return;
  var ref = { id: a.id, channel: channel, ephemeral: false };
  // A thread started from a message has that message's id as its channel.
  var threadOf = nodesOf(keyOf(null, channel)).filter(function (n) { return n.getAttribute('data-testid') === 'message'; })[0];
  if (here(channel) || threadOf) botSays(b, ref, threadOf ? L('thread') : '');
  else botSays(b, ref, '', elsewhere(entry, channel));
}
function showCall(call) {
  var entry = el('div', { class: 'call', 'data-testid': 'call' }, [el('b', { text: call.method })]);
  $('calls-list').appendChild(entry);
  $('calls-empty').hidden = true;
  if (call.platform === 'slack') showSlackCall(call, entry); else showDiscordCall(call, entry);
}
/** Reads the calls made since the last read, one read at a time, so each is shown once and in order. */
function pull(quiet) {
  S.reading = (S.reading || Promise.resolve()).then(async function () {
    var got = await (await fetch('/playground/calls?since=' + S.since)).json();
    got.calls.forEach(function (call) { S.since = Math.max(S.since, call.n); if (!quiet && call.platform === S.platform) showCall(call); });
  }).catch(function () {});
  return S.reading;
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
  $('empty').innerHTML = '';
  $('empty').appendChild(rich(L('empty'), 'slack'));
}
function reset() { $('log').innerHTML = ''; $('log').appendChild(emptyWrap); $('calls-list').innerHTML = ''; $('calls-empty').hidden = false; closeModal(); S.pending = {}; S.originals = {}; }
function changed(level) {
  if (level === 'platform') {
    S.platform = $('platform').value;
    document.body.className = S.platform + (EMBED ? ' embed' : '');
    fill($('space'), platform().spaces, function (s) { return s.name; });
    fill($('user'), platform().users, function (u) { return u.name; });
  }
  if (level !== 'user') fill($('channel'), space().channels, function (c) { return '#' + c.name; });
  if (level !== 'user') reset();
  relabel();
  showTab(level === 'platform' ? 'channel' : S.tab);
}

/** Suggestions for the @person or #channel being typed; picking one is what makes it a mention. */
function typedWord() {
  var input = $('command');
  var before = input.value.slice(0, input.selectionStart == null ? input.value.length : input.selectionStart);
  var m = /(^|\s)([@#])([^\s@#]*)$/.exec(before);
  return m ? { sigil: m[2], prefix: m[3].toLowerCase(), start: before.length - m[3].length - 1, end: before.length } : null;
}
function suggest() {
  var box = $('suggest');
  box.innerHTML = '';
  var word = typedWord();
  var items = !word ? [] : (word.sigil === '@' ? platform().users : space().channels).filter(function (x) { return x.name.toLowerCase().indexOf(word.prefix) === 0; });
  box.hidden = items.length === 0;
  items.forEach(function (x) {
    box.appendChild(el('button', { type: 'button', 'data-testid': 'suggestion', text: word.sigil + x.name, onclick: function () {
      var input = $('command');
      var text = word.sigil + x.name + ' ';
      input.value = input.value.slice(0, word.start) + text + input.value.slice(word.end);
      S.mentions.push(x.id);
      input.focus();
      input.setSelectionRange(word.start + text.length, word.start + text.length);
      suggest();
    } }));
  });
}

$('tab-channel').addEventListener('click', function () { showTab('channel'); });
$('tab-home').addEventListener('click', function () { showTab('home'); });
// A link can choose the platform, workspace, channel and person (the side-by-side view does).
var PRESET = new URLSearchParams(location.search);
var EMBED = PRESET.get('embed') === '1';
function preset(id) { var v = PRESET.get(id); if (v && Array.prototype.some.call($(id).options, function (o) { return o.value === v; })) $(id).value = v; }
$('platform').addEventListener('change', function () { changed('platform'); });
$('space').addEventListener('change', function () { changed('space'); });
$('channel').addEventListener('change', function () { changed('channel'); });
$('user').addEventListener('change', function () { changed('user'); });
$('language').value = S.locale;
$('language').addEventListener('change', function () { S.locale = $('language').value; relabel(); if (onHome()) drawHome(); });
$('command').addEventListener('input', suggest);
$('compose').addEventListener('submit', function (ev) {
  ev.preventDefault();
  var text = $('command').value.replace(/^\/?community\s*/, '').trim();
  var mentions = S.mentions.slice();
  $('command').value = '';
  S.mentions = [];
  suggest();
  send({ kind: 'command', text: text, mentions: mentions });
});
document.querySelectorAll('[data-try]').forEach(function (b) { b.addEventListener('click', function () { send({ kind: 'command', text: b.getAttribute('data-try') }); }); });
preset('platform');
changed('platform');
preset('space');
changed('space');
preset('channel');
preset('user');
changed('channel');
// Calls made before this page was opened are not this page's.
pull(true);
// What the app sends later (reminders, redeliveries, a tick's posts) shows up too; while a request is on
// its way its answer is read first, so a follow-up never arrives before the answer it follows.
setInterval(function () { if (!S.busy) pull(); }, 1500);
`;
