import { beforeAll, describe, expect, it } from 'vitest';
import '../features.ts';
import { type Community, newCommunity } from '../community/model.ts';
import { loadLocale } from '../kernel/i18n/translate.ts';
import { plainText } from '../kernel/reply.ts';
import { boardBlocks } from './board-render.ts';
import { phaseLines, sharedCampaignId, sharedPhaseOn, sharePhases } from './campaign-plan.ts';
import { coalitionActions, coalitionModals, runId } from './ids.ts';
import type { Coalition, SharedCampaign } from './model.ts';

const at = '2026-11-20T10:00:00.000Z';
const community = (id: string, name: string, over: Partial<Community> = {}): Community => ({
  ...newCommunity({ tenant: { platform: 'slack', id: `T${id}` }, id: `C${id}`, name, coordinatorId: `U${id}`, createdAt: at }),
  ...over,
});

describe('the shared campaign', () => {
  beforeAll(() => loadLocale('ru'));

  it('shares the days out evenly among its phases, every day in exactly one phase', () => {
    const phases = sharePhases(['Recruit', 'Petition', 'March'], '2026-11-20', '2027-01-14');
    expect(phases).toEqual([
      { name: 'Recruit', start: '2026-11-20', end: '2026-12-07' },
      { name: 'Petition', start: '2026-12-08', end: '2026-12-26' },
      { name: 'March', start: '2026-12-27', end: '2027-01-14' },
    ]);
    expect(sharePhases(['One'], '2026-11-20', '2026-11-24')).toEqual([{ name: 'One', start: '2026-11-20', end: '2026-11-24' }]);
    // Shorter than a campaign may be (5 days), or fewer days than phases: refused.
    expect(sharePhases(['One'], '2026-11-20', '2026-11-23')).toBeUndefined();
    expect(sharePhases(['a', 'b', 'c', 'd', 'e', 'f'], '2026-11-20', '2026-11-24')).toBeUndefined();
    expect(sharePhases([], '2026-11-20', '2027-01-14')).toBeUndefined();
  });

  it('reads the phases one per line and knows which one a day falls in', () => {
    expect(phaseLines('  Recruit  tenants \n\n Petition\r\nMarch ')).toEqual(['Recruit tenants', 'Petition', 'March']);
    const campaign = { phases: sharePhases(['Recruit', 'March'], '2026-11-20', '2026-12-19') ?? [] };
    expect(sharedPhaseOn(campaign, '2026-11-20')).toMatchObject({ name: 'Recruit' });
    expect(sharedPhaseOn(campaign, '2026-12-05')).toMatchObject({ name: 'March' });
    expect(sharedPhaseOn(campaign, '2026-11-19')).toBe('before');
    expect(sharedPhaseOn(campaign, '2026-12-20')).toBe('after');
  });

  it('decodes its modal and its button, naming the coalition, its version and the community posted to', () => {
    expect(
      coalitionModals['coalition.campaign']?.decode({ name: 'Heat', goal: '300', end: 'in 8 weeks', phases: 'a\nb' }, 'co1|4'),
    ).toEqual({
      type: 'coalition.campaign.save',
      name: 'Heat',
      goal: '300',
      end: 'in 8 weeks',
      phases: 'a\nb',
      coalitionId: 'co1',
      version: '4',
    });
    const [, action, ...args] = runId('T1', 'C1', 'co1', 5).split(':');
    expect(coalitionActions.coalition?.decode(action ?? '', args, {} as never)).toEqual({
      type: 'coalition.campaign.run',
      tenantId: 'T1',
      communityId: 'C1',
      coalitionId: 'co1',
      revision: '5',
    });
    expect(coalitionActions.coalition?.decode('other', args, {} as never)).toBeUndefined();
  });

  it('shows on the board, with each member running it or not and its shared phase', () => {
    const shared: SharedCampaign = {
      name: 'Heat by January',
      goal: '300 households sign the heating petition',
      endDate: '2027-01-14',
      phases: sharePhases(['Recruit', 'Petition', 'March'], '2026-11-20', '2027-01-14') ?? [],
      revision: 4,
      by: 'U1',
      at,
    };
    const elm = community('1', 'Elm Court', {
      campaign: { id: sharedCampaignId('co1', 4), name: shared.name, endDate: shared.endDate, phases: [] },
    });
    const oak = community('2', 'Oak Row', { campaign: { id: 'own', name: 'Own', endDate: '2027-01-01', phases: [] } });
    const ash = community('3', 'Ash Lane');
    const coalition: Coalition = {
      id: 'co1',
      name: 'Riverside',
      members: [elm, oak, ash].map((c) => ({ tenant: c.tenant, communityId: c.id, name: c.name, joinedBy: c.coordinatorId, joinedAt: at })),
      campaign: shared,
      createdAt: at,
      version: 4,
    };
    const rows = [{ community: elm, today: '2026-12-10' }, { community: oak, today: '2026-12-10' }, { community: ash }];
    const text = plainText(boardBlocks('en', coalition, rows));
    expect(text).toContain('📣 Shared campaign **Heat by January** · until 2027-01-14\n🎯 300 households sign the heating petition');
    expect(text).toContain(
      '1. Recruit · 2026-11-20 – 2026-12-07\n2. Petition · 2026-12-08 – 2026-12-26\n3. March · 2026-12-27 – 2027-01-14',
    );
    const [, elmRow = '', oakRow = '', ashRow = ''] = text.split(/\*\*(?:Elm Court|Oak Row|Ash Lane)\*\*/);
    expect(elmRow).toContain('📣 Runs the shared campaign · phase: Petition');
    expect(oakRow).toContain('📣 Not running the shared campaign yet');
    expect(ashRow).toContain('📣 Not running the shared campaign yet');
    // An earlier revision's copy is not the shared campaign as it stands now.
    const older = plainText(boardBlocks('ru', { ...coalition, campaign: { ...shared, revision: 6 } }, rows));
    expect(older).not.toContain('Ведёт общую кампанию');
    expect(older).toContain('Пока не ведёт общую кампанию');
    expect(plainText(boardBlocks('en', { ...coalition, campaign: undefined }, rows))).toContain('No shared campaign yet');
  });
});
