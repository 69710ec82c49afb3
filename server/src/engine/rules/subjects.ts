/**
 * A rough clause subject for the rules blame and others-did-the-work: the words between the last
 * clause boundary (punctuation or a conjunction) and a phrase. Replaced by the language layer's
 * clause subjects where it gives them.
 */
const BOUNDARY = /[,;:()\u2014\u2013"\u201c\u201d]|\s-\s|(?<![\p{L}])(?:and|but|because|since|so|as|when|after|while|although|though|until|then|where|if|once|whereas|or)(?![\p{L}])/giu;

/** The noun phrase a relative "who" points back to: the last few words of the clause before it. */
const ANTECEDENT = /(?:(?:a|an|the|my|our|their|his|her|two|three|four|some|several)\s+)?(?:[\p{L}\p{N}'\u2019-]+\s+){0,2}[\p{L}\p{N}'\u2019-]+$/iu;

/** The words before `at` in `text` back to the last clause boundary, skipping a relative clause ("my coworker, who owned it, dropped…"). */
export function subjectBefore(text: string, at: number): { text: string; start: number } {
  const before = text.slice(0, at);
  // Each piece runs from the end of one boundary to the start of the next.
  const pieces: Array<[number, number]> = [];
  let from = 0;
  for (const m of before.matchAll(BOUNDARY)) {
    pieces.push([from, m.index!]);
    from = m.index! + m[0].length;
  }
  pieces.push([from, at]);
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = before.slice(pieces[i][0], pieces[i][1]);
    const trimmed = piece.replace(/^[\s,;:]+|[\s,;:]+$/g, '');
    if (trimmed === '') continue;
    // "the principal engineer, who found it": the subject of "found" is the noun before "who".
    if (/^(?:who|which)$/i.test(trimmed)) {
      for (let j = i - 1; j >= 0; j--) {
        const previous = before.slice(pieces[j][0], pieces[j][1]).replace(/[\s,;:]+$/, '');
        const noun = ANTECEDENT.exec(previous);
        if (noun) return { text: noun[0], start: pieces[j][0] + noun.index };
      }
      return { text: '', start: at };
    }
    if (/^(?:who|which)\b/i.test(trimmed)) continue;
    return { text: trimmed, start: pieces[i][0] + piece.indexOf(trimmed) };
  }
  return { text: '', start: at };
}

/** "I", "we", "my team": the candidate or the candidate's own team. */
export function isSelf(subject: string): boolean {
  return /(?<![\p{L}])(?:I|we|me|us|myself|ourselves)(?![\p{L}'\u2019])|\b(?:my|our|the)\s+team\b/iu.test(subject) && !/\b(?:other|another)\s+team/i.test(subject);
}
