import { describe, expect, it } from 'vitest';
import { matchRole, type Role, roleId } from './model.ts';

const role = (name: string): Role => ({
  id: roleId(name),
  name,
  responsibilities: [],
  memberIds: [],
  createdAt: '2026-01-01T00:00:00.000Z',
});
const team = ['Coordinator', 'Outreach and recruitment', 'Communications', 'Events and logistics', 'Finance and resources'].map(role);
const ru = ['Координатор', 'Лидерство и обучение', 'Привлечение', 'Коммуникации'].map(role);

describe('matchRole', () => {
  it('takes the exact name in any letter case or spacing first', () => {
    expect(matchRole(team, 'outreach AND recruitment')).toEqual({ found: team[1] });
    expect(matchRole(team, 'communications')).toEqual({ found: team[2] });
  });

  it('then the one role whose name begins with what was typed', () => {
    expect(matchRole(team, 'outreach')).toEqual({ found: team[1] });
    expect(matchRole(team, 'Events')).toEqual({ found: team[3] });
    expect(matchRole(ru, 'привл')).toEqual({ found: ru[2] });
  });

  it('then the one role with a word beginning so', () => {
    expect(matchRole(team, 'recruitment')).toEqual({ found: team[1] });
    expect(matchRole(team, 'logistics')).toEqual({ found: team[3] });
    expect(matchRole(ru, 'обучение')).toEqual({ found: ru[1] });
    expect(matchRole(ru, 'лид')).toEqual({ found: ru[1] });
  });

  it('names the roles it could be when several fit', () => {
    expect(matchRole(team, 'co')).toEqual({ several: [team[0], team[2]] });
    expect(matchRole(team, 'and')).toEqual({ several: [team[1], team[3], team[4]] });
  });

  it('finds nothing for a role that is not there', () => {
    expect(matchRole(team, 'youth work')).toEqual({ none: true });
    expect(matchRole(team, '  ')).toEqual({ none: true });
    expect(matchRole([], 'outreach')).toEqual({ none: true });
  });
});
