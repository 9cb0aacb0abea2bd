// Sections 3, 4 and 5 of the shipped rubric (see default-rubric.ts for the choices behind them).
import { emotionGate, item, text, yesNo, zeroToThree } from './default-rubric-builders';
import type { RubricSection } from './model';

/** Section 3: active listening. */
export const activeListening: RubricSection = {
  id: '3',
  title: text('Actief luisteren', 'Active listening'),
  weight: 25,
  items: [
    item(
      '3.1',
      text(
        'Laat de klant uitpraten; onderbreekt niet en praat er niet doorheen',
        'Lets the customer finish; does not interrupt or talk over',
      ),
      text(
        "Nee bij onderbreken of door de klant heen praten, waardoor de klant het verhaal niet kan afmaken. Korte instemmende geluiden ('ja', 'hm-hm') tellen niet als onderbreken.",
        "No when the agent interrupts or talks over the customer so that the customer cannot finish. Short back-channel sounds ('yes', 'mm-hm') do not count as interrupting.",
      ),
      yesNo,
    ),
    item(
      '3.2',
      text('Stelt relevante doorvragen', 'Asks relevant follow-up questions'),
      text(
        'Vragen die voortbouwen op wat de klant vertelt, om het probleem en de beleving van de klant te begrijpen.',
        "Questions that build on what the customer says, to understand the problem and the customer's experience of it.",
      ),
      zeroToThree([
        text(
          'Stelt geen doorvragen, of alleen vragen waarop de klant het antwoord al gaf.',
          'Asks no follow-up questions, or only ones the customer already answered.',
        ),
        text(
          'Werkt een vaste vragenlijst af, los van wat de klant vertelt.',
          'Works through a fixed list of questions, regardless of what the customer says.',
        ),
        text(
          "Stelt zinvolle vragen, maar algemene ('Kunt u daar meer over vertellen?').",
          "Asks useful questions, but general ones ('Can you tell me more about that?').",
        ),
        text(
          "Bouwt met gerichte open vragen voort op wat de klant zei ('U zei dat het sinds de storing van maandag is; doet de tv het wel?').",
          "Builds on what the customer said with targeted open questions ('You said it started after Monday's outage; is the TV working?').",
        ),
      ]),
    ),
    item(
      '3.3',
      text(
        'Parafraseert of vat samen om te controleren of het goed begrepen is',
        'Paraphrases or summarises to confirm understanding',
      ),
      text(
        "Ja: de medewerker herhaalt de kern in eigen woorden en checkt die bij de klant ('Als ik het goed begrijp, ...').",
        "Yes: the agent restates the core in their own words and checks it with the customer ('So if I understand correctly, ...').",
      ),
      yesNo,
      { evidenceRequired: false },
    ),
    item(
      '3.4',
      text('Laat hoorbaar merken dat de klant gehoord wordt', 'Makes audible that the customer was heard'),
      text(
        "Ja: bevestigende signalen ('ja', 'ik begrijp het', 'ik noteer het even') tijdens en na het verhaal van de klant. Nee bij lange stiltes waarin de klant niet weet of er nog geluisterd wordt.",
        "Yes: confirming signals ('yes', 'I see', 'let me note that down') during and after the customer's account. No for long silences in which the customer cannot tell whether anyone is still listening.",
      ),
      yesNo,
    ),
    item(
      '3.5',
      text('De klant hoefde geen informatie te herhalen', 'Customer did not have to repeat information'),
      text(
        'Nee als de klant iets moest herhalen wat al gezegd was (naam, klantnummer, het probleem) omdat de medewerker niet goed luisterde. Herhalen door een slechte verbinding telt niet.',
        'No when the customer had to repeat something already said (name, customer number, the problem) because the agent was not listening. Repetition caused by a bad line does not count.',
      ),
      yesNo,
    ),
  ],
};

/** Section 4: attuning and de-escalating. */
export const attuningAndDeescalating: RubricSection = {
  id: '4',
  title: text('Afstemmen & de-escaleren', 'Attuning & de-escalating'),
  weight: 15,
  items: [
    item(
      '4.1',
      text('Past toon en tempo aan de klant aan', 'Adapts tone and pace to the customer'),
      text(
        'Rustig bij een negatieve klant, luchtig waar dat past bij een positieve klant, langzamer als de klant dat nodig heeft.',
        'Calm with a negative customer, light where it suits a positive one, slower when the customer needs it.',
      ),
      zeroToThree([
        text(
          'Houdt één toon en tempo aan, ook wanneer die duidelijk botsen met de klant (joviaal tegen een boze klant, gehaast tegen een klant die het rustig nodig heeft).',
          'Keeps one tone and pace even when they clearly clash with the customer (jovial with an angry customer, hurried with a customer who needs time).',
        ),
        text(
          "Past zich alleen aan als de klant erom vraagt ('Kunt u wat langzamer praten?').",
          "Adapts only when the customer asks ('Could you speak a bit more slowly?').",
        ),
        text(
          'Past toon of tempo uit zichzelf aan, maar niet consequent door het hele gesprek.',
          'Adapts tone or pace unprompted, but not consistently throughout the call.',
        ),
        text(
          'Stemt toon en tempo het hele gesprek door vanzelfsprekend af op de klant en volgt hoorbaar elke verandering in de stemming.',
          "Attunes tone and pace to the customer naturally throughout the call and audibly follows every change in the customer's mood.",
        ),
      ]),
    ),
    item(
      '4.2',
      text(
        'Blijft kalm en respectvol; geen sarcasme, neerbuigendheid of vijandigheid',
        'Stays calm and respectful; no sarcasm, condescension or hostility',
      ),
      text(
        'Kritiek criterium: Nee maakt de totaalscore 0. Eén sarcastische, neerbuigende of vijandige reactie is genoeg voor Nee, ook als de klant zelf onvriendelijk is.',
        'Critical item: No sets the total score to 0. A single sarcastic, condescending or hostile response is enough for No, even when the customer is unfriendly.',
      ),
      yesNo,
      { critical: true },
    ),
    item(
      '4.3',
      text(
        'De-escaleert: buigt het negatieve gevoel om naar positief',
        'De-escalates: turns the negative feeling towards positive',
      ),
      text(
        'N.v.t. als de klant geen negatieve emotie liet merken.',
        'N/A when the customer showed no negative emotion.',
      ),
      zeroToThree([
        text(
          'Laat de emotie oplopen of voedt die (in discussie gaan, de schuld afschuiven).',
          'Lets the emotion escalate or feeds it (arguing, shifting the blame).',
        ),
        text(
          "Probeert te kalmeren met standaardzinnen ('Ik begrijp uw frustratie, maar...'); het gevoel blijft hetzelfde.",
          "Tries to calm the customer with stock phrases ('I understand your frustration, but...'); the feeling stays the same.",
        ),
        text(
          'De klant wordt rustiger, maar het gesprek blijft gespannen.',
          'The customer calms down, but the call remains tense.',
        ),
        text(
          'Het gevoel slaat hoorbaar om: de klant wordt rustig, werkt mee en klinkt aan het eind opgelucht of tevreden.',
          'The feeling audibly turns: the customer calms down, cooperates and sounds relieved or satisfied by the end.',
        ),
      ]),
      emotionGate,
    ),
    item(
      '4.4',
      text('Jaagt de klant niet op', 'Does not rush the customer'),
      text(
        "Nee bij afkappen, aandringen om af te ronden of hoorbaar ongeduld ('Ja, ja, en verder?').",
        "No when the agent cuts the customer short, pushes to wrap up or sounds audibly impatient ('Yes, yes, and?').",
      ),
      yesNo,
    ),
  ],
};

/** Section 5: ownership. */
export const ownership: RubricSection = {
  id: '5',
  title: text('Eigenaarschap', 'Ownership'),
  weight: 10,
  items: [
    item(
      '5.1',
      text('Neemt persoonlijk verantwoordelijkheid voor de uitkomst', 'Takes personal responsibility for the outcome'),
      text(
        'Voelt de medewerker zich verantwoordelijk voor hoe het afloopt, of alleen voor het afhandelen van het gesprek?',
        'Does the agent feel responsible for how things turn out, or only for handling the call?',
      ),
      zeroToThree([
        text(
          "Schuift het probleem af op een andere afdeling, het systeem of de klant ('Daar ga ik niet over').",
          "Passes the problem on to another department, the system or the customer ('That's not my department').",
        ),
        text(
          "Neemt het probleem formeel aan, maar spreekt onpersoonlijk ('Er wordt een melding gemaakt').",
          "Formally takes the problem on, but speaks impersonally ('A ticket will be created').",
        ),
        text(
          'Spreekt in de ik-vorm en zegt toe zich in te zetten, maar blijft vaag over wat er gaat gebeuren.',
          'Speaks in the first person and promises to help, but stays vague about what will happen.',
        ),
        text(
          "Neemt het probleem op zich en belooft iets concreets: wat, door wie en wanneer ('Ik bel u morgen vóór twaalf uur terug').",
          "Takes the problem on and promises something concrete: what, by whom and when ('I'll call you back tomorrow before noon').",
        ),
      ]),
    ),
    item(
      '5.2',
      text(
        'Werkt proactief toe naar een oplossing op maat en spreekt vervolgstappen af',
        'Works proactively to a tailored solution and agrees next steps',
      ),
      text(
        'Een oplossing die past bij de situatie van deze klant, en duidelijke afspraken over wat er hierna gebeurt.',
        "A solution that fits this customer's situation, and clear agreements about what happens next.",
      ),
      zeroToThree([
        text('Biedt geen oplossing en spreekt geen vervolgstappen af.', 'Offers no solution and agrees no next steps.'),
        text(
          'Biedt een standaardoplossing aan zonder te checken of die bij de klant past.',
          'Offers a standard solution without checking whether it fits the customer.',
        ),
        text(
          'Zoekt een passende oplossing, maar de vervolgstappen blijven vaag of de klant moet er zelf om vragen.',
          'Finds a suitable solution, but the next steps stay vague or the customer has to ask for them.',
        ),
        text(
          'Denkt vooruit, stemt de oplossing af op de situatie van de klant en spreekt duidelijke vervolgstappen af (wie, wat, wanneer).',
          "Thinks ahead, tailors the solution to the customer's situation and agrees clear next steps (who, what, when).",
        ),
      ]),
    ),
    item(
      '5.3',
      text(
        'De klant beëindigt het gesprek met een positief gevoel',
        'The customer ends the call with a positive feeling',
      ),
      text(
        'Wat telt is het gevoel waarmee de klant ophangt; luister naar de laatste minuut van het gesprek.',
        'What counts is the feeling the customer hangs up with; listen to the last minute of the call.',
      ),
      zeroToThree([
        text(
          'De klant eindigt boos, teleurgesteld of ontevreden.',
          'The customer ends angry, disappointed or dissatisfied.',
        ),
        text(
          "De klant eindigt neutraal of berustend ('Nou ja, het is niet anders').",
          "The customer ends neutral or resigned ('Oh well, it is what it is').",
        ),
        text('De klant eindigt tevreden, maar zakelijk.', 'The customer ends satisfied, but matter-of-fact.'),
        text(
          'De klant eindigt hoorbaar positief: bedankt oprecht of spreekt vertrouwen uit in de afspraken.',
          'The customer ends audibly positive: thanks the agent sincerely or expresses confidence in what was agreed.',
        ),
      ]),
    ),
  ],
};
