/**
 * The page's text renderer, plain JavaScript for the browser: Slack mrkdwn and Discord markdown become
 * DOM nodes (text nodes only, so nothing anyone typed can become markup), with Slack's `<!date^…>` and
 * Discord's `<t:…>` shown as the reader's local time in the page's language (Intl), Slack's `&lt;`
 * `&gt;` `&amp;` shown as the characters they stand for, and mentions as names. It expects `S.locale`,
 * `el`, `userName` and `channelName` from the page's script.
 */
export const RENDER_SCRIPT = String.raw`
function pad2(n) { return (n < 10 ? '0' : '') + n; }
function when(epoch) { return new Date(epoch * 1000); }
function dateTime(epoch, opts) { return new Intl.DateTimeFormat(S.locale, opts).format(when(epoch)); }
function relativeTime(epoch) {
  var diff = epoch - Date.now() / 1000, abs = Math.abs(diff);
  var units = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];
  var unit = units.filter(function (u) { return abs >= u[1]; })[0] || units[units.length - 1];
  return new Intl.RelativeTimeFormat(S.locale, { numeric: 'auto' }).format(Math.round(diff / unit[1]), unit[0]);
}
/** today / yesterday / tomorrow in the page's language, else the date as opts say (Slack's *_pretty tokens). */
function prettyDate(epoch, opts) {
  var a = when(epoch), b = new Date();
  var days = Math.round((new Date(a.getFullYear(), a.getMonth(), a.getDate()) - new Date(b.getFullYear(), b.getMonth(), b.getDate())) / 86400000);
  return Math.abs(days) <= 1 ? new Intl.RelativeTimeFormat(S.locale, { numeric: 'auto' }).format(days, 'day') : dateTime(epoch, opts);
}
var DATE = { year: 'numeric', month: 'long', day: 'numeric' };
var DATE_SHORT = { year: 'numeric', month: 'short', day: 'numeric' };
var DATE_LONG = { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' };
var TIME = { hour: 'numeric', minute: '2-digit' };
/** Slack's date tokens (api.slack.com/reference/surfaces/formatting#date-formatting). */
var SLACK_DATE = {
  date_num: function (e) { var d = when(e); return d.getFullYear() + '-' + pad2(d.getMonth() + 1) + '-' + pad2(d.getDate()); },
  date: function (e) { return dateTime(e, DATE); },
  date_short: function (e) { return dateTime(e, DATE_SHORT); },
  date_long: function (e) { return dateTime(e, DATE_LONG); },
  date_pretty: function (e) { return prettyDate(e, DATE); },
  date_short_pretty: function (e) { return prettyDate(e, DATE_SHORT); },
  date_long_pretty: function (e) { return prettyDate(e, DATE_LONG); },
  day_divider_pretty: function (e) { return prettyDate(e, DATE_LONG); },
  time: function (e) { return dateTime(e, TIME); },
  time_secs: function (e) { return dateTime(e, { hour: 'numeric', minute: '2-digit', second: '2-digit' }); },
  ago: relativeTime
};
/** Discord's timestamp styles (discord.com/developers/docs/reference#message-formatting-timestamp-styles). */
var DISCORD_TIME = {
  t: function (e) { return dateTime(e, TIME); },
  T: function (e) { return dateTime(e, { hour: 'numeric', minute: '2-digit', second: '2-digit' }); },
  d: function (e) { return dateTime(e, { year: 'numeric', month: '2-digit', day: '2-digit' }); },
  D: function (e) { return dateTime(e, DATE); },
  f: function (e) { return dateTime(e, { year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' }); },
  F: function (e) { return dateTime(e, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' }); },
  R: relativeTime
};
function timeNode(epoch, text) {
  var node = el('time', { datetime: when(epoch).toISOString(), 'data-epoch': String(epoch), 'data-testid': 'time', title: DISCORD_TIME.F(epoch), text: text });
  return node;
}
function unescapeSlack(s) { return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'); }
function link(href, label) {
  return /^(https?:|mailto:)/i.test(href) ? el('a', { href: href, target: '_blank', rel: 'noopener', text: label }) : document.createTextNode(label);
}
/** A URL written out in text, linked as the platforms link it: without the punctuation that ends a sentence. */
function bareLink(parent, url) {
  var end = /[.,;:!?)\]'"»]+$/.exec(url);
  var href = end ? url.slice(0, end.index) : url;
  parent.appendChild(link(href, href));
  if (end) parent.appendChild(document.createTextNode(end[0]));
}
function tag(cls, text) { return el('b', { class: cls, text: text }); }

/** One Slack <…> token: a date, a mention, a channel, a special mention or a link. */
function slackToken(inner) {
  var m = /^!date\^(-?\d+)\^([^^|]*)(?:\^([^|]*))?(?:\|([\s\S]*))?$/.exec(inner);
  if (m) {
    var epoch = Number(m[1]);
    var text = unescapeSlack(m[2]).replace(/\{(\w+)\}/g, function (all, token) { return SLACK_DATE[token] ? SLACK_DATE[token](epoch) : all; });
    return timeNode(epoch, text);
  }
  if ((m = /^@([UW][A-Z0-9]+)(?:\|([\s\S]*))?$/.exec(inner))) return tag('mention', '@' + userName(m[1], m[2] && unescapeSlack(m[2])));
  if ((m = /^#(C[A-Z0-9]+)(?:\|([\s\S]*))?$/.exec(inner))) return tag('mention', '#' + channelName(m[1], m[2] && unescapeSlack(m[2])));
  if ((m = /^!(here|channel|everyone)(?:\|[\s\S]*)?$/.exec(inner))) return tag('mention', '@' + m[1]);
  if ((m = /^!subteam\^([A-Z0-9]+)(?:\|([\s\S]*))?$/.exec(inner))) return tag('mention', m[2] ? unescapeSlack(m[2]) : '@' + m[1]);
  if ((m = /^((?:https?|mailto):[^|]*)(?:\|([\s\S]*))?$/.exec(inner))) return link(unescapeSlack(m[1]), unescapeSlack(m[2] || m[1]));
  return document.createTextNode('<' + unescapeSlack(inner) + '>');
}

var SLACK_INLINE = /<([^<>\n]+)>|\x60([^\x60\n]+)\x60|(?<![\w*])\*(?=\S)([^*\n]+?)\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]+?)_(?![\w_])|(?<![\w~])~(?=\S)([^~\n]+?)~(?![\w~])|(https?:\/\/[^\s<>|]+)/g;
var DISCORD_INLINE = /<t:(-?\d+)(?::([tTdDfFR]))?>|<@!?(\d+)>|<@&(\d+)>|<#(\d+)>|\x60([^\x60\n]+)\x60|\*\*([^\n]+?)\*\*|__([^\n]+?)__|~~([^\n]+?)~~|(?<![\w*])\*(?=\S)([^*\n]+?)\*(?![\w*])|(?<![\w_])_(?=\S)([^_\n]+?)_(?![\w_])|\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)|<(https?:\/\/[^\s<>]+)>|(https?:\/\/[^\s<>]+)/g;

/** Inline formatting of one line, appended to parent. */
function inlineInto(parent, text, flavor) {
  var re = new RegExp(flavor === 'slack' ? SLACK_INLINE : DISCORD_INLINE);
  var plain = function (s) { if (s) parent.appendChild(document.createTextNode(flavor === 'slack' ? unescapeSlack(s) : s)); };
  var at = 0, m;
  while ((m = re.exec(text))) {
    plain(text.slice(at, m.index));
    at = re.lastIndex;
    var wrap = function (tagName, inner) { var node = el(tagName); inlineInto(node, inner, flavor); parent.appendChild(node); };
    if (flavor === 'slack') {
      if (m[1] !== undefined) parent.appendChild(slackToken(m[1]));
      else if (m[2] !== undefined) parent.appendChild(el('code', { text: unescapeSlack(m[2]) }));
      else if (m[3] !== undefined) wrap('b', m[3]);
      else if (m[4] !== undefined) wrap('i', m[4]);
      else if (m[5] !== undefined) wrap('s', m[5]);
      else if (m[6] !== undefined) bareLink(parent, unescapeSlack(m[6]));
    } else {
      if (m[1] !== undefined) parent.appendChild(timeNode(Number(m[1]), (DISCORD_TIME[m[2] || 'f'])(Number(m[1]))));
      else if (m[3] !== undefined) parent.appendChild(tag('mention', '@' + userName(m[3])));
      else if (m[4] !== undefined) parent.appendChild(tag('mention', '@' + m[4]));
      else if (m[5] !== undefined) parent.appendChild(tag('mention', '#' + channelName(m[5])));
      else if (m[6] !== undefined) parent.appendChild(el('code', { text: m[6] }));
      else if (m[7] !== undefined) wrap('b', m[7]);
      else if (m[8] !== undefined) wrap('u', m[8]);
      else if (m[9] !== undefined) wrap('s', m[9]);
      else if (m[10] !== undefined) wrap('i', m[10]);
      else if (m[11] !== undefined) wrap('i', m[11]);
      else if (m[12] !== undefined) parent.appendChild(link(m[13], m[12]));
      else if (m[14]) parent.appendChild(link(m[14], m[14]));
      else bareLink(parent, m[15]);
    }
  }
  plain(text.slice(at));
}

/** A whole message text (Slack mrkdwn or Discord markdown) as a block of nodes. */
function rich(text, flavor) {
  var out = el('div', { class: 'rich' });
  String(text == null ? '' : text).split(/\x60\x60\x60/).forEach(function (part, i) {
    if (i % 2 === 1) { out.appendChild(el('pre', { text: flavor === 'slack' ? unescapeSlack(part.replace(/^\n/, '')) : part.replace(/^\w*\n/, '') })); return; }
    part.split('\n').forEach(function (line, n) {
      if (n > 0) out.appendChild(el('br'));
      var m;
      // Slack escapes a typed '>': only a raw one starts a quote.
      if ((m = /^>\s?(.*)$/.exec(line))) { var q = el('blockquote'); inlineInto(q, m[1], flavor); out.appendChild(q); return; }
      if (flavor === 'discord' && (m = /^(#{1,3}) (.*)$/.exec(line))) { var h = el('span', { class: 'md-h' + m[1].length }); inlineInto(h, m[2], flavor); out.appendChild(h); return; }
      if (flavor === 'discord' && (m = /^-# (.*)$/.exec(line))) { var sm = el('small'); inlineInto(sm, m[1], flavor); out.appendChild(sm); return; }
      if (flavor === 'discord' && (m = /^\s*[-*] (.*)$/.exec(line))) { out.appendChild(document.createTextNode('• ')); inlineInto(out, m[1], flavor); return; }
      inlineInto(out, line, flavor);
    });
  });
  return out;
}
`;
