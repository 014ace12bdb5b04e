import { describe, expect, it } from 'vitest';
import { commandFromWords } from '../features.ts';

const slack = (text: string) => {
  const [word = '', ...rest] = text.split(/\s+/);
  return commandFromWords(word, rest, rest.join(' ').trim());
};

describe('link words (Slack)', () => {
  it('reads a code for another place, linking with one, unlinking and one’s own accounts', () => {
    expect(slack('link')).toEqual({ type: 'link.invite' });
    expect(slack('link K7QX2-M9DTR')).toEqual({ type: 'link.join', code: 'K7QX2-M9DTR' });
    expect(slack('link k7qx2 m9dtr')).toEqual({ type: 'link.join', code: 'k7qx2 m9dtr' });
    expect(slack('unlink')).toEqual({ type: 'link.remove' });
    expect(slack('link me')).toEqual({ type: 'link.me' });
    expect(slack('link me K7QX2-M9DTR')).toEqual({ type: 'link.me', code: 'K7QX2-M9DTR' });
    expect(slack('link me dm discord')).toEqual({ type: 'link.me', dm: 'discord' });
  });
});
