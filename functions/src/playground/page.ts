import { isMessageKey, type Locale, locales, type MessageKey, t } from '@organizer/core';
import { en } from '@organizer/core/catalogs';
import { HOME_SCRIPT, HOME_STYLE } from './page-home.ts';
import { RENDER_SCRIPT } from './page-render.ts';
import { PAGE_SCRIPT } from './page-script.ts';
import { world } from './world.ts';

/** The page's own words, in every language (the page switches without a reload). */
function labels(): Record<string, Record<string, string>> {
  const keys = Object.keys(en).filter((k): k is MessageKey => isMessageKey(k) && k.startsWith('playground.'));
  return Object.fromEntries(
    locales.map((locale) => [locale, Object.fromEntries(keys.map((k) => [k.slice('playground.'.length), t(locale, k)]))]),
  );
}

const STYLE = `
*{box-sizing:border-box}html,body{height:100%}body{margin:0;display:flex;flex-direction:column;overflow:hidden;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d1c1d;background:#f8f8f8}
header{flex:none;padding:.8rem 1.2rem;background:#3f0e40;color:#fff}header h1{margin:0;font-size:1.2rem}header p{margin:.2rem 0 0;opacity:.85;font-size:.85rem}
body.discord header{background:#313338}
main{flex:1;min-height:0;display:grid;grid-template-columns:230px minmax(0,1fr) 340px;grid-template-rows:minmax(0,1fr)}
aside.scene{overflow:auto;padding:1rem;background:#fff;border-right:1px solid #ddd}aside.scene label{display:block;margin-bottom:.8rem;font-size:.8rem;font-weight:600;color:#555}
aside.scene select{display:block;width:100%;margin-top:.25rem;padding:.35rem;font:inherit}
section.chat{display:flex;flex-direction:column;min-width:0;min-height:0;overflow:hidden}
#log{flex:1;min-height:0;overflow:auto;padding:1rem}
.msg{background:#fff;border:1px solid #e4e4e4;border-radius:8px;padding:.6rem .8rem;margin-bottom:.7rem;max-width:46rem}
.msg .who{font-weight:700;font-size:.85rem;margin-bottom:.2rem}.msg.mine{background:#eef5ff}
.msg .note{font-size:.75rem;color:#777;margin-top:.3rem}.msg .edited{font-weight:400;font-size:.75rem;color:#777}
.mention{background:#e8f1fb;color:#1264a3;border-radius:3px;padding:0 .15rem;font-weight:600}time{border-bottom:1px dotted #999}
pre{background:#f6f6f6;border:1px solid #e4e4e4;border-radius:4px;padding:.4rem;white-space:pre-wrap;margin:.3rem 0}
.md-h1{font-size:1.3rem;font-weight:700}.md-h2{font-size:1.15rem;font-weight:700}.md-h3{font-weight:700}.field{margin:.2rem 0}
.msg.error{border-color:#e01e5a;color:#a00}
.blk-header{font-size:1.05rem;font-weight:700;margin:.3rem 0}.blk-context{font-size:.8rem;color:#616061;margin:.3rem 0}
.blk-section{margin:.3rem 0;white-space:normal}hr{border:0;border-top:1px solid #eee}
.buttons{display:flex;flex-wrap:wrap;gap:.4rem;margin-top:.4rem}
button{font:inherit;cursor:pointer;border:1px solid #bbb;background:#fff;border-radius:5px;padding:.3rem .7rem}
button.primary{background:#007a5a;color:#fff;border-color:#007a5a}body.discord button.primary{background:#5865f2;border-color:#5865f2}
code{background:#f1f1f1;border-radius:3px;padding:0 .2rem;font-size:.9em}blockquote{margin:.2rem 0;padding-left:.6rem;border-left:3px solid #ddd}
.embed{border-left:4px solid #5865f2;background:#f2f3f5;padding:.4rem .6rem;margin-top:.3rem;border-radius:4px}
.suggest{display:flex;flex-wrap:wrap;gap:.3rem;padding:.4rem 1rem;background:#fff;border-top:1px solid #eee}.suggest[hidden]{display:none}
form.compose{flex:none;display:flex;gap:.5rem;padding:.7rem 1rem;border-top:1px solid #ddd;background:#fff}
form.compose span{align-self:center;font-weight:600}form.compose input{flex:1;padding:.5rem;font:inherit}
.chips{flex:none;padding:0 1rem .6rem;background:#fff;font-size:.8rem}.chips button{font-size:.8rem;padding:.1rem .5rem;margin:.1rem}
aside.calls{background:#fff;border-left:1px solid #ddd;overflow:auto;padding:1rem}aside.calls h2{font-size:.9rem;margin:0 0 .6rem}
.call{border-bottom:1px solid #eee;padding:.4rem 0;font-size:.8rem}.call b{font-family:ui-monospace,monospace;overflow-wrap:anywhere}.call>div{overflow-wrap:anywhere}.call .msg{margin:.3rem 0 0;font-size:.85rem}
#modal{position:fixed;inset:0;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center}
#modal[hidden]{display:none}#modal form{background:#fff;border-radius:8px;width:min(34rem,94vw);max-height:90vh;overflow:auto;padding:1rem 1.2rem}
#modal h2{margin:0 0 .8rem;font-size:1.1rem}#modal label{display:block;font-weight:600;margin:.6rem 0 .2rem}
#modal .hint{font-weight:400;font-size:.8rem;color:#666}#modal input,#modal textarea,#modal select{width:100%;padding:.4rem;font:inherit}
#modal textarea{min-height:5rem}
@media (max-width:900px){main{grid-template-columns:minmax(0,1fr);grid-template-rows:auto minmax(0,1fr)}aside.calls{display:none}
aside.scene{display:flex;flex-wrap:wrap;gap:.5rem;border-right:0;border-bottom:1px solid #ddd;padding:.5rem}aside.scene label{margin:0}}#modal .error{color:#e01e5a;font-size:.8rem}#modal .actions{display:flex;justify-content:flex-end;gap:.5rem;margin-top:1rem}
`;

/** `GET /`: the playground page, in the browser's language (switchable on the page). */
export function playgroundPage(locale: Locale): string {
  const data = JSON.stringify({ locale, labels: labels(), world }).replace(/</g, '\\u003c');
  const l = (key: string) => {
    const full = `playground.${key}`;
    if (!isMessageKey(full)) throw new Error(`no playground text ${key}`);
    return t(locale, full);
  };
  const tries = ['help', 'setup Green Street Tenants', 'status', 'story questions', 'roles'];
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${l('title')}</title><style>${STYLE}${HOME_STYLE}</style></head>
<body class="slack">
<header><h1 data-label="title">${l('title')}</h1><p><span data-label="lead">${l('lead')}</span> <a href="/?side=1" target="_top" data-testid="side-link" data-label="side.open">${l('side.open')}</a></p></header>
<main>
<aside class="scene">
<label><span data-label="platform">${l('platform')}</span><select id="platform"><option value="slack">Slack</option><option value="discord">Discord</option></select></label>
<label><span data-label="space">${l('space')}</span><select id="space"></select></label>
<label><span data-label="channel">${l('channel')}</span><select id="channel"></select></label>
<label><span data-label="user">${l('user')}</span><select id="user"></select></label>
<label><span data-label="language">${l('language')}</span><select id="language">${locales.map((code) => `<option value="${code}">${code === 'ru' ? 'Русский' : 'English'}</option>`).join('')}</select></label>
</aside>
<section class="chat">
<div class="tabs" id="tabs" role="tablist"><button type="button" role="tab" id="tab-channel" data-testid="tab-channel"></button><button type="button" role="tab" id="tab-home" data-testid="tab-home" data-label="home.tab">${l('home.tab')}</button></div>
<div id="home" data-testid="home" hidden></div>
<div id="log"><div id="empty-wrap" class="msg"><div id="empty"></div></div></div>
<div class="chips"><span data-label="try">${l('try')}</span> ${tries.map((c) => `<button type="button" data-try="${c}">${c}</button>`).join(' ')}</div>
<div id="suggest" class="suggest" data-testid="suggestions" hidden></div>
<form class="compose" id="compose"><span>/community</span><input id="command" autocomplete="off" data-testid="command"><button class="primary" data-label="send">${l('send')}</button></form>
</section>
<aside class="calls" data-testid="calls"><h2 data-label="calls">${l('calls')}</h2><p id="calls-empty" data-label="calls.empty">${l('calls.empty')}</p><div id="calls-list"></div></aside>
</main>
<div id="modal" hidden></div>
<script type="application/json" id="data">${data}</script>
<script>${RENDER_SCRIPT}${HOME_SCRIPT}${PAGE_SCRIPT}</script>
</body>
</html>`;
}
