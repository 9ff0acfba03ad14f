/**
 * Words for "Learned before": what a hypothesis is about, as stems, without
 * the words every hypothesis shares ("we believe … will … we'll know when").
 * Pure: plain strings in, plain strings out.
 */

/** English function words, and the words of the hypothesis template itself. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below between both but by can ' +
    'could did do does doing done down during each either even ever every few for from further get gets got had has have having he her ' +
    'here hers him his how i if in into is it its itself just least less let like made make makes many may me might more most much ' +
    'must my no nor not now of off on once one only or other our ours out over own per quite rather same see seen she should since so ' +
    'some still such than that the their them then there these they this those through thus to too under until up upon us use used ' +
    'using very via was way we well were what when where whether which while who whom why will with within without would yet you your ' +
    // the hypothesis template: "We believe … will … We'll know when …"
    'believe believes think expect hope know knew ll ve re going new people ' +
    // verbs and nouns nearly every product hypothesis uses: they match everything and tell nothing
    'add adding adds let letting lets show showing shows make making give giving help helps stop stops take takes ' +
    'raise raises reduce reduces increase increases improve improves customer customers user users'
  ).split(' '),
);

/** Words of a text, lower-cased: runs of letters and digits ("didn't" → "didnt", "we'll" → "well"). */
export function wordsOf(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/['’]s\b/g, '')
      .replace(/['’]/g, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * A light English stemmer, close to what Jira's text index does: plurals,
 * -ing, -ed, a doubled final consonant and a final -e ("refunds" and
 * "refunded" both become "refund", "labeling" and "labels" become "label").
 */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /^\d+$/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length - 3 >= 3) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length - 2 >= 3) w = w.slice(0, -2);
  if (w.length > 4 && /([^aeiou])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

export interface Term {
  /** What is compared. */
  stem: string;
  /** The word as the person wrote it first, for JQL and for the reason shown ("mentions refund"). */
  word: string;
}

/** Content words of a text: stop words and one-letter words dropped, one term per stem, in order of first use. */
export function termsOf(text: string): Term[] {
  const seen = new Map<string, Term>();
  for (const word of wordsOf(text)) {
    if (word.length < 2 || STOP_WORDS.has(word) || /^\d+$/.test(word)) continue;
    const s = stem(word);
    if (!seen.has(s)) seen.set(s, { stem: s, word });
  }
  return [...seen.values()];
}

/** Every stem of a text, with repeats (for term frequencies). */
export function stemsOf(text: string): string[] {
  return wordsOf(text)
    .filter((word) => !STOP_WORDS.has(word))
    .map(stem);
}
