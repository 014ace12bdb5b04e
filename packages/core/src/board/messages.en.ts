/** English texts of the living board in the home channel (merged into `en.ts`). */
export const boardEn = {
  'board.forbidden': 'Only leaders (the coordinator, role leads and admins) can put up the board in the channel.',
  'board.started':
    'The seven-stage board is being posted in <#{channel}> and pinned there (where I may pin). From now on it changes in place whenever progress does.',
  'board.redrawn': 'The board in <#{channel}> is already up, so I am redrawing it in place rather than posting another.',
  'board.stopped': 'The board in <#{channel}> is no longer updated and is being unpinned. {cmd:board} puts up a new one.',
  'board.none': 'There is no board to stop. {cmd:board} puts one up in <#{channel}>.',
  'board.footer': '📌 This board changes in place as the community moves. {cmd:status} shows it to you alone.',
  'help.about.board': 'post the seven-stage board in the channel, pinned and kept up to date',
  'help.about.board.off': 'stop updating the board in the channel and unpin it',
};
