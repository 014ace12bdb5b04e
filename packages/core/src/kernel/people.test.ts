import { describe, expect, it } from 'vitest';
import { parseNextArgs } from '../debrief/parse.ts';
import { parseOneOnOneArgs } from '../oneonones/parse.ts';
import { parseAssignArgs } from '../roles/parse.ts';
import { parseTaskArgs } from '../tasks/parse.ts';
import { MENTIONS, matchPeople, type Person, personArg } from './people.ts';

describe('personArg', () => {
  it('reads every mention form Slack (with should_escape) and Discord send', () => {
    expect(personArg('<@U0B2|ben>')).toEqual({ userId: 'U0B2' });
    expect(personArg('<@U0B2>')).toEqual({ userId: 'U0B2' });
    expect(personArg('<@W0ENT42|ana>')).toEqual({ userId: 'W0ENT42' });
    expect(personArg('<@123456789012345678>')).toEqual({ userId: '123456789012345678' });
    expect(personArg('<@!123456789012345678>')).toEqual({ userId: '123456789012345678' });
  });

  it('keeps a typed @name (or, where only a person can stand, a bare name) to look up', () => {
    expect(personArg('@ben')).toEqual({ userName: 'ben' });
    expect(personArg('@Ben.Carter')).toEqual({ userName: 'Ben.Carter' });
    expect(personArg('ben')).toEqual({});
    expect(personArg('ben', true)).toEqual({ userName: 'ben' });
    expect(personArg('<#C123|general>')).toEqual({});
    expect(personArg('<@B123>')).toEqual({});
    expect(personArg('@')).toEqual({});
    expect(personArg(undefined)).toEqual({});
  });

  it('finds every mention in a list', () => {
    expect([...'<@U1|a>, <@W2> and <@!33>'.matchAll(MENTIONS)].map((m) => m[1])).toEqual(['U1', 'W2', '33']);
  });
});

describe('the command parsers', () => {
  it('give an id for a mention and a name for a typed @name', () => {
    expect(parseAssignArgs('assign', ['<@U0B2|ben>', 'outreach', 'lead'])).toEqual({
      type: 'assign',
      userId: 'U0B2',
      role: 'outreach',
      lead: true,
    });
    expect(parseAssignArgs('unassign', ['@ben', 'Outreach', 'and', 'recruitment'])).toEqual({
      type: 'unassign',
      userName: 'ben',
      role: 'Outreach and recruitment',
    });
    expect(parseTaskArgs(['@ben', 'print', 'flyers', 'by', 'friday'])).toMatchObject({
      type: 'task',
      userName: 'ben',
      what: 'print flyers',
      due: 'by friday',
    });
    expect(parseTaskArgs(['<@W9>', 'print'])).toMatchObject({ userId: 'W9', what: 'print' });
    expect(parseNextArgs(['2', '@ben', 'by', 'friday'])).toEqual({ type: 'next.assign', ref: '2', userName: 'ben', due: 'friday' });
    expect(parseOneOnOneArgs(['log', '@Chloé', 'share'])).toEqual({ type: 'oneonone.open', userName: 'Chloé', share: true });
  });
});

const ben: Person = { id: 'U1', handle: 'ben', names: ['Ben', 'Ben Carter'] };
const benK: Person = { id: 'U2', handle: 'ben.k', names: ['Benjamin Kowalski'] };
const ana: Person = { id: 'U3', handle: 'ana', names: ['Ана', 'Ana Lima'] };

describe('matchPeople', () => {
  it('takes the one person whose handle, display or real name is exactly what was typed, in any letter case', () => {
    expect(matchPeople([ben, benK, ana], '@BEN')).toEqual({ found: ben });
    expect(matchPeople([ben, benK, ana], 'ben carter')).toEqual({ found: ben });
    expect(matchPeople([ben, benK, ana], 'ана')).toEqual({ found: ana });
  });

  it('offers the ones it could be when nobody is exactly that, or several are', () => {
    expect(matchPeople([ben, benK, ana], 'benj')).toEqual({ several: [benK] });
    expect(matchPeople([ben, { ...benK, names: ['Ben'] }], 'ben')).toEqual({ several: [ben, { ...benK, names: ['Ben'] }] });
    expect(matchPeople([ben, benK, ana], 'be')).toEqual({ several: [ben, benK] });
  });

  it('finds nobody for a name nobody has', () => {
    expect(matchPeople([ben, benK, ana], 'zoe')).toEqual({ none: true });
    expect(matchPeople([], 'ben')).toEqual({ none: true });
    expect(matchPeople([ben], '@')).toEqual({ none: true });
  });
});
