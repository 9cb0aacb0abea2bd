import { text } from './default-rubric-builders';
import { recognisingEmotion, showingEmpathy } from './default-rubric-emotion-empathy';
import { activeListening, attuningAndDeescalating, ownership } from './default-rubric-listening-ownership';
import type { Rubric } from './model';

/*
 * The shipped rubric "Empathie & actief luisteren" v1 (docs/domain.md, "The rubric"). A used version
 * is never changed: any edit here must become version 2 with a new entry, never a change to this one.
 *
 * Choices the domain table leaves open:
 * - naWhenNoEmotion (N.v.t. by default when the customer expressed no emotion): 1.1, 1.2 and 4.3, the items about the
 *   customer's emotion. 2.2 also allows N.v.t., but for another reason (no name known, nothing personal to refer to),
 *   so it is not gated.
 * - evidenceRequired: every item except 2.2 and 3.3. A low score on the others points at something that happened
 *   (an interruption, a minimising remark, a missed cue, the customer repeating themselves) and can be tagged. A Nee
 *   on 2.2 (the name is never used) or 3.3 (there is never a summary) is an absence across the whole call, with no
 *   moment to point at; demanding one would only produce placeholder moments.
 * - Item weights are all 1 (the table gives none); section weights are 25/25/25/15/10.
 */

export const defaultRubricId = 'empathie-actief-luisteren';

/** "Empathie & actief luisteren", version 1: 5 sections, 18 items, in Dutch and English. */
export const defaultRubric: Rubric = {
  id: defaultRubricId,
  version: 1,
  name: text('Empathie & actief luisteren', 'Empathy & active listening'),
  description: text(
    'Standaardrubric van Klankbord voor empathie en actief luisteren in klantgesprekken. Schaal 0-3 met gedragsankers (0 niet getoond, 1 mechanisch, 2 oprecht maar algemeen, 3 specifiek en natuurlijk) of Ja/Nee.',
    "Klankbord's standard rubric for empathy and active listening in customer calls. Scale 0-3 with behavioural anchors (0 not shown, 1 mechanical, 2 sincere but generic, 3 specific and natural) or Yes/No.",
  ),
  contextGate: {
    question: text(
      'Hoe was de klant aan het begin van het gesprek, en welke emotie liet de klant merken?',
      'What state was the customer in at the start of the call, and which emotion did they show?',
    ),
    help: text(
      'Kies positief, neutraal of negatief en noem de emotie (frustratie, boosheid, teleurstelling, bezorgdheid), ook als die pas later in het gesprek opkwam. Liet de klant geen emotie merken, dan staan 1.1, 1.2 en 4.3 standaard op N.v.t.; u kunt ze alsnog beoordelen.',
      'Choose positive, neutral or negative and name the emotion (frustration, anger, disappointment, worry), also when it only came up later in the call. When the customer showed no emotion, 1.1, 1.2 and 4.3 are N/A by default; you can still score them.',
    ),
  },
  sections: [recognisingEmotion, showingEmpathy, activeListening, attuningAndDeescalating, ownership],
};
