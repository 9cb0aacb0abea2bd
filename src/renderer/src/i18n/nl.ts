import type { TranslationTexts } from './en';

/** Nederlandse teksten (glossary: see docs/domain.md). */
export const nl: TranslationTexts = {
  app: {
    name: 'Klankbord',
    tagline: 'Gespreksbeoordeling',
    skipToContent: 'Naar de inhoud',
  },
  nav: {
    main: 'Hoofdnavigatie',
    calls: 'Gesprekken',
    settings: 'Instellingen',
  },
  library: {
    title: 'Gesprekken',
    search: 'Gesprekken zoeken',
    searchPlaceholder: 'Zoek op titel, medewerker of klant',
    count_one: '{{count}} gesprek',
    count_other: '{{count}} gesprekken',
    columns: {
      title: 'Titel',
      agent: 'Medewerker',
      date: 'Datum',
      duration: 'Duur',
      status: 'Beoordeling',
    },
    status: {
      unreviewed: 'Niet beoordeeld',
      draft: 'Concept',
      submitted: 'Ingediend',
    },
    reviews_one: '{{count}} beoordeling',
    reviews_other: '{{count}} beoordelingen',
    unknownDate: 'Datum onbekend',
    noAgent: 'Geen medewerker',
    loading: 'Gesprekken laden…',
    noMatches: 'Geen gesprekken gevonden voor “{{search}}”.',
    empty: {
      title: 'Nog geen gesprekken',
      body: 'Importeer opnames (WAV, MP3, OGG, FLAC, M4A, WebM) met hun transcripten om te beginnen met beoordelen.',
      dragDrop: 'Sleep audio- en transcriptbestanden naar dit venster,',
      dialog: 'of druk op {{shortcut}} om bestanden te kiezen,',
      cli: 'of vanuit een terminal: {{command}}',
    },
  },
  settings: {
    title: 'Instellingen',
    language: 'Taal',
    languageSystem: 'Systeemtaal volgen ({{language}})',
    theme: 'Thema',
    themes: {
      system: 'Systeem volgen',
      light: 'Licht',
      dark: 'Donker',
    },
    about: 'Over',
    version: 'Versie',
    dataFolder: 'Gegevensmap',
    databaseFile: 'Databasebestand',
    schemaVersion: 'Versie databaseschema',
  },
  languages: {
    nl: 'Nederlands',
    en: 'English',
  },
  notice: {
    recovered:
      'Het databasebestand was beschadigd ({{reason}}). Het is opzijgezet als {{movedTo}} en Klankbord is gestart met een nieuwe, lege database. Er is niets verwijderd.',
    dismiss: 'Sluiten',
  },
  errors: {
    title: 'Er ging iets mis',
    retry: 'Opnieuw proberen',
    invalid_input: 'Het verzoek was ongeldig.',
    unknown_method: 'Deze versie van Klankbord kent die actie niet.',
    not_found: 'Het bestaat niet meer.',
    conflict: 'Het is intussen elders gewijzigd.',
    storage_failed: 'De database kon niet worden gelezen of geschreven.',
    internal: 'Er is een onverwachte fout opgetreden.',
    backend_unreachable: 'De achtergronddienst van Klankbord is niet bereikbaar.',
  },
};
