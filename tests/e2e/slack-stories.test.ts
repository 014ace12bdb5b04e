import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../support/app.ts';
import { slackText } from '../support/http.ts';
import { blockAction, slashCommand, viewSubmission } from '../support/slack.ts';
import { allItems } from '../support/table.ts';

type TestApp = Awaited<ReturnType<typeof startTestApp>>;
const COORDINATOR = 'U2147483697';
const SECRET = 'I have never told anyone about the night the river flooded our flat';

describe('Slack: stage 1 stories, shared, reflected on and retold', () => {
  let t: TestApp;
  let ts = 1_700_000_000;
  const responses: string[] = [];
  beforeAll(async () => {
    t = await startTestApp('e2e-slack-stories', { LOG_LEVEL: 'error' });
    // chat.postMessage answers with a message ts, as Slack does; threads hang off it.
    t.recorder.on('chat.postMessage', (call) => ({ body: { ok: true, channel: call.body.channel, ts: `${ts++}.000100` } }));
  });
  afterAll(() => t.stop());

  /** Sends a request; keeps every HTTP answer to check privacy at the end. */
  const send = async (req: Request) => {
    const res = await t.app.request(req);
    const text = await res.text();
    responses.push(text);
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const lastCall = (suffix: string) => t.recorder.callsTo(suffix).at(-1);
  const as = (user: string) => ({ channel_id: 'C1', user_id: user });

  it('lets the coordinator write the questions, vision, story of us and story of now', async () => {
    await send(slashCommand('setup Green Street Tenants', as(COORDINATOR)));
    await send(
      viewSubmission(
        'story',
        { goal: 'Warm flats', who: 'Tenants of 12 Green St', how: 'Together', when: 'By winter', vision: 'Every flat warm' },
        { channel: 'C1' },
      ),
    );
    await send(viewSubmission('story.us', { experiences: 'We all froze last winter', values: 'Dignity and care' }, { channel: 'C1' }));
    await send(viewSubmission('story.now', { challenge: 'Heating fails in November', ask: 'Come on Thursday' }, { channel: 'C1' }));
    const community = (await allItems(t.db, t.tableName)).find((i) => i.entity === 'Community') as any;
    expect(community.stories.us).toMatchObject({ version: 1, parts: { values: 'Dignity and care' }, authorId: COORDINATOR });
    expect(community.stories.now.version).toBe(1);
    expect(community.storyVersion).toBe(1);
  });

  it('opens the story of self modal with the method’s prompts for any member', async () => {
    await send(slashCommand('story self', as('U2')));
    const view = JSON.parse(String(lastCall('views.open')?.body.view));
    expect(view.callback_id).toBe('story.self');
    expect(view.blocks.map((b: any) => b.block_id)).toEqual(['challenge', 'choice', 'outcome', 'lesson', 'calling']);
    expect(view.blocks[0].hint.text).toContain('tested you');
  });

  it('refuses the story of us to a member who is not a leader', async () => {
    const res = await send(slashCommand('story us', as('U2')));
    expect(slackText(res.body)).toContain('Only leaders');
  });

  it('saves two members’ stories of self, private by default, and completes stage 1 when N is reached', async () => {
    await send(
      viewSubmission('story.self', { challenge: 'Our boiler broke', calling: 'I want no child cold' }, { channel: 'C1', user: 'U2' }),
    );
    expect(String(lastCall('chat.postEphemeral')?.body.text)).toContain('Only you can see');
    await send(viewSubmission('story.self', { challenge: SECRET }, { channel: 'C1', user: 'U3' }));
    expect(slackText((await send(slashCommand('story needed 2', as('U2')))).body)).toContain('Only the coordinator');
    expect(slackText((await send(slashCommand('story needed 2', as(COORDINATOR)))).body)).toContain('2 members');
    const status = await send(slashCommand('status', as(COORDINATOR)));
    expect(slackText(status.body).split('\n')[0]).toContain('Every flat warm');
    expect(slackText(status.body)).toContain('*Story*: done');
  });

  it('shares a story of self only when its author clicks Share, with a Reflect button', async () => {
    t.recorder.reset();
    await send(blockAction('story:share:self', { user: 'U2', channel: 'C1' }));
    const post = lastCall('chat.postMessage');
    expect(post?.body.channel).toBe('C1');
    expect(String(post?.body.text)).toContain('Our boiler broke');
    const blocks = JSON.parse(String(post?.body.blocks));
    expect(blocks.at(-1).elements[0].action_id).toBe('story:reflect:self:U2');
    expect(String(lastCall('chat.postEphemeral')?.body.text)).toContain('Shared in <#C1>');
  });

  it('takes a reflection in a modal and posts it in the story’s thread, attributed, and tells the author', async () => {
    const shared = t.recorder.callsTo('chat.postMessage').at(-1);
    const messageTs = `${ts - 1}.000100`;
    expect(shared).toBeDefined();
    t.recorder.reset();
    await send(blockAction('story:reflect:self:U2', { user: 'U4', channel: 'C1', messageTs }));
    const view = JSON.parse(String(lastCall('views.open')?.body.view));
    expect(view.callback_id).toBe('reflect');
    const { state } = JSON.parse(view.private_metadata);
    await send(viewSubmission('reflect', { stoodOut: 'The boiler', value: 'Care for children' }, { channel: 'C1', user: 'U4', state }));
    // Two deliveries of one commit: the thread reply and the author's DM, in either order.
    const posts = t.recorder.callsTo('chat.postMessage');
    const thread = posts.find((c) => c.body.thread_ts);
    const dm = posts.find((c) => !c.body.thread_ts);
    expect(thread?.body).toMatchObject({ channel: 'C1', thread_ts: messageTs });
    expect(String(thread?.body.text)).toContain('<@U4>');
    expect(String(thread?.body.text)).toContain('Care for children');
    expect(dm?.body.channel).toBe('U2');
    expect(String(dm?.body.text)).toContain('reflected on your story of self');
  });

  it('adds a retelling as version 2 in the same thread, and lists both versions in history', async () => {
    const messageTs = String(t.recorder.callsTo('chat.postMessage').find((c) => c.body.thread_ts)?.body.thread_ts);
    t.recorder.reset();
    await send(
      viewSubmission('story.self', { challenge: 'Our boiler broke, twice', calling: 'No child cold' }, { channel: 'C1', user: 'U2' }),
    );
    expect(lastCall('chat.postMessage')?.body).toMatchObject({ channel: 'C1', thread_ts: messageTs });
    expect(String(lastCall('chat.postMessage')?.body.text)).toContain('version 2');
    const history = await send(slashCommand('story history self', as('U2')));
    expect(slackText(history.body)).toMatch(/v2 .*\n.*v1 /);
    const first = await send(slashCommand('story history self 1', as('U2')));
    expect(slackText(first.body)).toContain('Our boiler broke');
    expect(slackText(first.body)).not.toContain('twice');
  });

  it('never shows an unshared story of self to anyone else', async () => {
    expect(slackText((await send(slashCommand('story history self', as('U4')))).body)).toContain('no versions');
    expect(slackText((await send(slashCommand('story history self 1', as('U4')))).body)).toContain('no version 1');
    // A forged Reflect button for a story that was never shared leads nowhere.
    t.recorder.reset();
    await send(blockAction('story:reflect:self:U3', { user: 'U4', channel: 'C1', messageTs: '1700000000.000100' }));
    expect(t.recorder.callsTo('views.open')).toEqual([]);
    expect(String(lastCall('chat.postEphemeral')?.body.text)).toContain('no longer shared');
    expect(t.recorder.calls.some((c) => JSON.stringify(c.body).includes(SECRET))).toBe(false);
    const toOthers = responses.filter((r) => r.includes(SECRET));
    expect(toOthers).toEqual([]);
  });

  it('deletes a member’s own story of self with all its versions', async () => {
    const res = await send(slashCommand('story delete', as('U3')));
    expect(slackText(res.body)).toContain('with its 1 version.');
    const items = await allItems(t.db, t.tableName);
    expect(items.some((i) => String(i.sk).includes('#U3'))).toBe(false);
    const community = items.find((i) => i.entity === 'Community') as any;
    expect([...community.selfAuthors]).toEqual(['U2']);
  });

  it('coaches: what is written, what is missing, and buttons to write', async () => {
    const coach = await send(slashCommand('story', as('U5')));
    const text = slackText(coach.body);
    expect(text).toContain('✅');
    expect(text).toContain('Stories of self: 1 of 2 (yours: not yet)');
    expect(text).toContain('Example:');
    const actions = coach.body.blocks.find((b: any) => b.type === 'actions');
    expect(actions.elements.map((e: any) => e.action_id)).toEqual([
      'story:open:questions',
      'story:open:self',
      'story:open:us',
      'story:open:now',
    ]);
    t.recorder.reset();
    await send(blockAction('story:open:self', { user: 'U5', channel: 'C1' }));
    expect(JSON.parse(String(lastCall('views.open')?.body.view)).callback_id).toBe('story.self');
  });
});
