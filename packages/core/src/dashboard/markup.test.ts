import { describe, expect, it } from 'vitest';
// The forms `{cmd:…}` names are registered by the feature list.
import '../features.ts';
import { escapeHtml, inlineHtml, moreHtml } from './markup.ts';

describe('dashboard markup', () => {
  it('escapes every character that could open markup or an attribute', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; &#39;y&#39;');
  });

  it('keeps a catalog text’s bold and code marks, names commands as typed on the platform, and lets nothing else through', () => {
    expect(inlineHtml('**Next**: {cmd:calendar.reset}', 'slack')).toBe('<strong>Next</strong>: <code>/community calendar reset</code>');
    expect(inlineHtml('{cmd:calendar.reset}', 'discord')).toBe('<code>/community me calendar reset:True</code>');
    expect(inlineHtml('**<img src=x onerror=alert(1)>**', 'slack')).toBe('<strong>&#60;img src=x onerror=alert(1)&#62;</strong>');
  });

  it('says how many more a shortened list left out, in the language’s plural', () => {
    expect(moreHtml('en', 0)).toBe('');
    expect(moreHtml('en', 3)).toBe('<p class="more">…and 3 more.</p>');
  });
});
