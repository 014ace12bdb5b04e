/** Where a community's living board sits: its channel, its message once posted, and who put it up when. */
export interface Board {
  readonly channelId: string;
  /** Set once the worker posted it (Slack `ts`, Discord message id). */
  readonly messageId?: string;
  /** When a leader asked for it: names this board, so a job for an older one changes nothing. */
  readonly since: string;
  readonly by: string;
}
