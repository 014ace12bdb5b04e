/** The export feature's messages in English (the reference set of its keys). */
export const exportEn = {
  'cmd.export.description': 'All the community’s data as files in your direct messages (leaders)',
  'export.forbidden': 'Only leaders (the coordinator, role leads and workspace admins) can export the community’s data.',
  'export.started': 'Preparing the export: the files will arrive in your direct messages in a moment.',
  'export.failed': 'The export did not go through. If no files arrive within the hour, run {cmd:export} again.',
  'export.ready.one': 'Here is everything “{community}” has in Organizer: {count} file.',
  'export.ready.few':
    'Here is everything “{community}” has in Organizer: {count} files (one JSON with it all, and a CSV per kind of record).',
  'export.ready.many':
    'Here is everything “{community}” has in Organizer: {count} files (one JSON with it all, and a CSV per kind of record).',
  'export.ready.other':
    'Here is everything “{community}” has in Organizer: {count} files (one JSON with it all, and a CSV per kind of record).',
  'export.progress': 'Preparing your export of “{community}”…',
  'export.done.one': 'Export of “{community}” sent: {count} file: {list}.',
  'export.done.few': 'Export of “{community}” sent: {count} files: {list}.',
  'export.done.many': 'Export of “{community}” sent: {count} files: {list}.',
  'export.done.other': 'Export of “{community}” sent: {count} files: {list}.',
  'help.about.export': 'all the data as files, sent to you',
} as const;
