/** English texts; the shape every other language must match (see nl.ts). */
export const en = {
  app: {
    name: 'Klankbord',
    tagline: 'Call review',
    skipToContent: 'Skip to content',
  },
  nav: {
    main: 'Main navigation',
    calls: 'Calls',
    settings: 'Settings',
  },
  library: {
    title: 'Calls',
    search: 'Search calls',
    searchPlaceholder: 'Search by title, agent or customer',
    count_one: '{{count}} call',
    count_other: '{{count}} calls',
    columns: {
      title: 'Title',
      agent: 'Agent',
      date: 'Date',
      duration: 'Duration',
      status: 'Review',
    },
    status: {
      unreviewed: 'Not reviewed',
      draft: 'Draft',
      submitted: 'Submitted',
    },
    reviews_one: '{{count}} review',
    reviews_other: '{{count}} reviews',
    unknownDate: 'Unknown date',
    noAgent: 'No agent',
    loading: 'Loading calls…',
    noMatches: 'No calls match “{{search}}”.',
    empty: {
      title: 'No calls yet',
      body: 'Import recordings (WAV, MP3, OGG, FLAC, M4A, WebM) together with their transcripts to start reviewing.',
      dragDrop: 'Drag audio and transcript files onto this window,',
      dialog: 'or press {{shortcut}} to choose files,',
      cli: 'or from a terminal: {{command}}',
    },
  },
  settings: {
    title: 'Settings',
    language: 'Language',
    languageSystem: 'Follow the system ({{language}})',
    theme: 'Theme',
    themes: {
      system: 'Follow the system',
      light: 'Light',
      dark: 'Dark',
    },
    about: 'About',
    version: 'Version',
    dataFolder: 'Data folder',
    databaseFile: 'Database file',
    schemaVersion: 'Database schema version',
  },
  languages: {
    nl: 'Nederlands',
    en: 'English',
  },
  notice: {
    recovered:
      'The database file was damaged ({{reason}}). It was moved aside to {{movedTo}} and Klankbord started with a new, empty database. Nothing was deleted.',
    dismiss: 'Dismiss',
  },
  errors: {
    title: 'Something went wrong',
    retry: 'Try again',
    invalid_input: 'The request was not valid.',
    unknown_method: 'This version of Klankbord does not know that action.',
    not_found: 'It no longer exists.',
    conflict: 'It was changed elsewhere in the meantime.',
    storage_failed: 'The database could not be read or written.',
    internal: 'An unexpected error occurred.',
    backend_unreachable: 'Klankbord’s background service cannot be reached.',
  },
} as const;

type Texts<T> = { readonly [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
/** Every language provides exactly these keys. */
export type TranslationTexts = Texts<typeof en>;
