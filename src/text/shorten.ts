// Names cut to a width in the middle, not at the end: group names often share their start ("Harbour Voluntary
// Services ↔ County Social Care", "Harbour Voluntary Services ↔ Riverside Community Health"), so the end is what
// tells two rows apart. Each side of a pair ("A ↔ B") and the words before a colon ("Interactions: …") are cut
// on their own, so both groups of a pair keep a recognisable start and end.

const ELLIPSIS = "…";
const PAIR = " ↔ ";

/** One name to at most `width` characters: whole words from both ends when they fit, else characters. */
export function shortenName(name: string, width: number): string {
  if (name.length <= width) return name;
  if (width <= 1) return ELLIPSIS.slice(0, width);
  const words = name.split(" ");
  if (words.length >= 2) {
    // Words from the end and the start, alternately (the start first), while they and the ellipsis fit.
    let head = [words[0]];
    let tail = [words[words.length - 1]];
    const fits = (h: string[], t: string[]) => h.join(" ").length + 1 + t.join(" ").length <= width;
    if (fits(head, tail)) {
      for (let i = 1, j = words.length - 2; i <= j;) {
        if (fits([...head, words[i]], tail)) head = [...head, words[i++]];
        else if (fits(head, [words[j], ...tail])) tail = [words[j--], ...tail];
        else break;
      }
      return `${head.join(" ")}${ELLIPSIS}${tail.join(" ")}`;
    }
  }
  // Characters: the last word whole when it leaves the start at least 40% of the room, else a little more of the start (the
  // part people scan) than of the end.
  const keep = width - 1;
  const last = words[words.length - 1];
  const headLength = words.length >= 2 && last.length <= keep * 0.6 ? keep - last.length : Math.ceil(keep * 0.55);
  return `${name.slice(0, headLength).trimEnd()}${ELLIPSIS}${name.slice(name.length - (keep - headLength)).trimStart()}`;
}

/** Widths for parts of these lengths within `budget`: short parts keep their length, long ones share the rest. */
function share(lengths: readonly number[], budget: number): number[] {
  const widths = lengths.map(() => 0);
  let left = budget;
  let open = lengths.map((_, i) => i);
  while (open.length) {
    const each = Math.floor(left / open.length);
    const short = open.filter((i) => lengths[i] <= each);
    if (short.length === 0) {
      open.forEach((i, k) => (widths[i] = each + (k < left - each * open.length ? 1 : 0)));
      break;
    }
    for (const i of short) {
      widths[i] = lengths[i];
      left -= lengths[i];
    }
    open = open.filter((i) => !short.includes(i));
  }
  return widths;
}

/**
 * A label to at most `width` characters, cut in the middle of its names: "Interactions: Eastfield…Network ↔
 * Harbour…Services". A label that fits is returned unchanged.
 */
export function shortenMiddle(label: string, width: number): string {
  if (label.length <= width) return label;
  const colon = label.indexOf(": ");
  // A short lead-in ("Interactions: ") is kept whole when the names after it still get most of the room.
  if (colon > 0 && colon + 2 <= width * 0.4) {
    const lead = label.slice(0, colon + 2);
    return `${lead}${shortenMiddle(label.slice(colon + 2), width - lead.length)}`;
  }
  const sides = label.split(PAIR);
  if (sides.length === 1) return shortenName(label, width);
  // Side by side, each from what the sides before it left over (a word cut leaves a character or two).
  let left = width - PAIR.length * (sides.length - 1);
  if (left < 2 * sides.length) return shortenName(label, width);
  const cut = sides.map((side, i) => {
    const text = shortenName(
      side,
      share(
        sides.slice(i).map((s) => s.length),
        left,
      )[0],
    );
    left -= text.length;
    return text;
  });
  return cut.join(PAIR);
}
