/*
 * Texts of routine reviews travelling to the lead: the lead's invitations and imports on the Team screen, and a
 * reviewer's "Export my reviews" on the Reviews screen. Kept apart from en.ts and nl.ts and included in both under
 * `teamExchange`.
 */
export const teamExchangeTexts = {
  en: {
    title: 'Reviews from the team',
    intro:
      'Invite each reviewer once: the invitation gives them a key of their own and names the calls you already have, which they never send again. Their review packages are signed with that key. Import as many as you like: a package imported twice adds nothing, a changed review comes in as a new revision.',
    reviewerName: 'Reviewer’s name',
    invite: 'Write invitation',
    invited: 'Invited: {{names}}',
    importReviews: 'Import review packages…',
    importedReviews: 'From {{name}}: {{added}} new reviews, {{revised}} changed (new revision), {{calls}} new calls.',
    importedSame: 'Nothing new: this package was imported before.',
    importedInvitation: 'Invitation from {{name}} accepted: you can now export your reviews to them.',
    exportTitle: 'Export my reviews',
    exportIntro:
      'Your submitted routine reviews as a package for your lead, signed with the key of their invitation. Calls your lead already has are never sent again.',
    importInvitation: 'Import invitation…',
    noLeads: 'No invitation yet: import the invitation your lead sent you.',
    lead: 'To',
    audio: 'Audio',
    audioWhole: 'Whole recordings',
    audioClips: 'Only the evidence clips (each moment ± 2 s)',
    selection: 'Reviews',
    sinceLast: 'Changed since the last export',
    period: 'Changed in a period',
    from: 'From',
    to: 'To',
    lastExport: 'Last export: {{date}}',
    neverExported: 'Not exported to this lead yet.',
    export: 'Export my reviews',
    exported_one: '{{count}} review in the package.',
    exported_other: '{{count}} reviews in the package.',
  },
  nl: {
    title: 'Beoordelingen van het team',
    intro:
      'Nodig elke beoordelaar één keer uit: de uitnodiging geeft een eigen sleutel en noemt de gesprekken die je al hebt, zodat die nooit opnieuw worden gestuurd. De beoordelingspakketten van die beoordelaar zijn met die sleutel ondertekend. Importeer er zoveel je wilt: een pakket dat twee keer wordt geïmporteerd voegt niets toe, een gewijzigde beoordeling komt binnen als nieuwe revisie.',
    reviewerName: 'Naam van de beoordelaar',
    invite: 'Uitnodiging maken',
    invited: 'Uitgenodigd: {{names}}',
    importReviews: 'Beoordelingspakketten importeren…',
    importedReviews:
      'Van {{name}}: {{added}} nieuwe beoordelingen, {{revised}} gewijzigd (nieuwe revisie), {{calls}} nieuwe gesprekken.',
    importedSame: 'Niets nieuws: dit pakket was al geïmporteerd.',
    importedInvitation:
      'Uitnodiging van {{name}} aanvaard: je kunt je beoordelingen nu naar die teamleider exporteren.',
    exportTitle: 'Mijn beoordelingen exporteren',
    exportIntro:
      'Je ingediende routinebeoordelingen als pakket voor je teamleider, ondertekend met de sleutel uit de uitnodiging. Gesprekken die je teamleider al heeft, worden nooit opnieuw gestuurd.',
    importInvitation: 'Uitnodiging importeren…',
    noLeads: 'Nog geen uitnodiging: importeer de uitnodiging die je teamleider je stuurde.',
    lead: 'Aan',
    audio: 'Audio',
    audioWhole: 'Hele opnamen',
    audioClips: 'Alleen de bewijsfragmenten (elk moment ± 2 s)',
    selection: 'Beoordelingen',
    sinceLast: 'Gewijzigd sinds de vorige export',
    period: 'Gewijzigd in een periode',
    from: 'Van',
    to: 'Tot en met',
    lastExport: 'Vorige export: {{date}}',
    neverExported: 'Nog niet naar deze teamleider geëxporteerd.',
    export: 'Mijn beoordelingen exporteren',
    exported_one: '{{count}} beoordeling in het pakket.',
    exported_other: '{{count}} beoordelingen in het pakket.',
  },
} as const;
