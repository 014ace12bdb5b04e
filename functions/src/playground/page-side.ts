import { isMessageKey, type Locale, t } from '@organizer/core';

/** Where each side starts: the same community's Slack channel and Discord channel, an admin on each. */
const SIDES = [
  'platform=slack&space=TPLAYGREEN&channel=CPLAYORGANIZE&user=UPLAYANA',
  'platform=discord&space=900000000000000001&channel=900000000000000102&user=900000000000001001',
];

/**
 * `GET /?side=1`: two playgrounds next to each other (a Slack channel left, a Discord channel right), each
 * with its own composer, so that a place linked in one and joined in the other shows its posts in both.
 */
export function sideBySidePage(locale: Locale): string {
  const l = (key: string) => {
    const full = `playground.${key}`;
    if (!isMessageKey(full)) throw new Error(`no playground text ${key}`);
    return t(locale, full);
  };
  const frames = SIDES.map(
    (query, i) =>
      `<iframe src="/?embed=1&amp;${query.replace(/&/g, '&amp;')}" title="${i === 0 ? 'Slack' : 'Discord'}" data-testid="side-${i === 0 ? 'slack' : 'discord'}"></iframe>`,
  ).join('');
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${l('title')}</title>
<style>*{box-sizing:border-box}html,body{height:100%;margin:0}body{display:flex;flex-direction:column;font:15px/1.45 system-ui,sans-serif}
header{flex:none;padding:.6rem 1.2rem;background:#3f0e40;color:#fff}header h1{margin:0;font-size:1.1rem}header p{margin:.2rem 0 0;font-size:.85rem;opacity:.9}header a{color:#fff}
main{flex:1;min-height:0;display:grid;grid-template-columns:1fr 1fr;gap:2px;background:#ccc}iframe{width:100%;height:100%;border:0;background:#fff}
@media (max-width:900px){main{grid-template-columns:1fr;grid-template-rows:1fr 1fr}}</style></head>
<body>
<header><h1>${l('title')}</h1><p>${l('side.lead')} <a href="/">${l('side.close')}</a></p></header>
<main>${frames}</main>
</body>
</html>`;
}
