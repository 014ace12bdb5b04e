/**
 * The page's Slack Home tab and pictures, plain JavaScript for the browser (function declarations only:
 * it runs before the page's script, whose `S`, `$` and `el` it uses when called).
 *
 * Home: opening the tab sends the signed `app_home_opened` Slack sends; what Organizer publishes
 * (`views.publish`) is kept per person and drawn here; its buttons send Slack's Home `block_actions`.
 * Pictures: files Organizer uploads (Slack's shared files, Discord's attachments) shown inline with their alt text.
 */
export const HOME_SCRIPT = String.raw`
function onHome() { return S.platform === 'slack' && S.tab === 'home'; }
/** Which tab shows: the channel (with its composer) or the chosen person's Home. */
function showTab(tab) {
  S.tab = S.platform === 'slack' ? tab : 'channel';
  var home = onHome();
  $('tabs').hidden = S.platform !== 'slack';
  $('tab-channel').textContent = '#' + channelName($('channel').value);
  $('tab-channel').setAttribute('aria-selected', String(!home));
  $('tab-home').setAttribute('aria-selected', String(home));
  ['log', 'compose'].forEach(function (id) { $(id).hidden = home; });
  document.querySelector('.chips').hidden = home;
  if (home) $('suggest').hidden = true;
  $('home').hidden = !home;
  if (home) { drawHome(); openHome(); }
}
/** Opening the Home tab is an event Slack sends every time; Organizer answers it by publishing the view. */
function openHome() {
  var kept = S.homes[$('user').value];
  send({ kind: 'home', viewId: kept ? kept.id : undefined });
}
function drawHome() {
  var host = $('home');
  host.innerHTML = '';
  var user = $('user').value;
  var view = S.homes[user];
  host.appendChild(el('div', { class: 'who', text: L('home.title', { name: userName(user) }) }));
  if (!view) { host.appendChild(el('p', { class: 'blk-context', 'data-testid': 'home-empty', text: L('home.empty') })); return; }
  host.appendChild(el('div', { class: 'msg', 'data-testid': 'home-view' }, [slackBlocks(view, { home: true, viewId: view.id })]));
}
/** A views.publish that reached the sandbox: the person's Home is replaced as a whole, as on Slack. */
function homePublished(body, answer, entry) {
  entry.appendChild(el('div', { text: L('home.published', { name: userName(body.user_id) }) }));
  var view = Object.assign({}, body.view || {}, { id: answer && answer.view ? answer.view.id : undefined });
  S.homes[body.user_id] = view;
  if (onHome() && body.user_id === $('user').value) drawHome();
}
/** Pictures shown inline (a chart's PNG) with their text alternative; other files by their name. */
function pictures(out, list) {
  (list || []).forEach(function (f) {
    if (/^image\//.test(f.type || '')) out.appendChild(el('figure', { class: 'picture' }, [
      el('img', { src: f.url, alt: f.alt || f.name || '', 'data-testid': 'picture', loading: 'eager' }),
      f.alt ? el('figcaption', { text: f.alt }) : null
    ]));
    else out.appendChild(el('div', { class: 'blk-context' }, [link(f.url, f.name || f.url)]));
  });
}
/** Slack's shared files (files.completeUploadExternal's answer) and Discord's attachments, in one shape. */
function slackFiles(files) {
  return (files || []).map(function (f) { return { url: f.url_private, name: f.name || f.title, alt: f.alt_txt, type: f.mimetype }; });
}
function discordFiles(attachments) {
  return (attachments || []).map(function (a) { return { url: a.url, name: a.filename, alt: a.description, type: a.content_type }; });
}
`;

/** The styles of the Home tab, the pictures and the side-by-side view. */
export const HOME_STYLE = `
.tabs{flex:none;display:flex;gap:.2rem;padding:.4rem 1rem 0;background:#fff;border-bottom:1px solid #ddd}.tabs[hidden]{display:none}
.tabs button{border:0;border-bottom:3px solid transparent;border-radius:0;background:none;font-weight:600}.tabs button[aria-selected=true]{border-bottom-color:#3f0e40}
#home{flex:1;min-height:0;overflow:auto;padding:1rem}#home[hidden],#log[hidden],form.compose[hidden],.chips[hidden]{display:none}
figure.picture{margin:.4rem 0}figure.picture img{display:block;max-width:100%;height:auto;border:1px solid #e4e4e4;border-radius:6px;background:#fff}
figure.picture figcaption{font-size:.75rem;color:#616061;margin-top:.2rem}
header a{color:#fff}body.embed header{display:none}
`;
