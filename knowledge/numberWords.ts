/** Number words from one to nineteen, as digits. */
const UNITS_AND_TEENS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};

/** The ordinals that only ever number something ("second" also means a moment, so it is left out), as digits. */
export const ORDINALS: Readonly<Record<string, number>> = { first: 1, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8 };

/** Number words from one to ten, read as digits even on their own. */
export const SINGLE_NUMBER_WORDS: Readonly<Record<string, number>> = Object.fromEntries(Object.entries(UNITS_AND_TEENS).filter(([, n]) => n <= 10));

/** The tens, as digits. */
const TENS: Readonly<Record<string, number>> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** The first half of a year said as two numbers: the years the field's documents and staff speak of. */
const YEAR_CENTURIES: ReadonlySet<number> = new Set([19, 20]);

/** The number words and rules read here, for the normalisation fingerprint. */
export const NUMBER_WORD_TABLES = { UNITS_AND_TEENS, TENS, yearCenturies: [...YEAR_CENTURIES] };

/** A number from one to ninety-nine written in words starting at `i` ("twenty", "twenty one", "eleven"), and how many words it took. */
function belowHundred(list: readonly string[], i: number): { value: number; length: number } | undefined {
  const tens = TENS[list[i]];
  if (tens !== undefined) {
    const unit = UNITS_AND_TEENS[list[i + 1]];
    return unit !== undefined && unit < 10 ? { value: tens + unit, length: 2 } : { value: tens, length: 1 };
  }
  const small = UNITS_AND_TEENS[list[i]];
  return small === undefined ? undefined : { value: small, length: 1 };
}

/**
 * Reads numbers of more than one word as the digits the content writes, so a year or a strategy
 * said aloud meets its written form: "twenty twenty" and "two thousand and twenty" are 2020,
 * "nineteen ninety eight" is 1998, "twenty one" is 21. Single number words are left as they are.
 */
export function readNumberWords(list: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < list.length;) {
    const thousands = UNITS_AND_TEENS[list[i]];
    if (thousands !== undefined && thousands < 10 && list[i + 1] === 'thousand') {
      const skip = list[i + 2] === 'and' ? 1 : 0;
      const rest = belowHundred(list, i + 2 + skip);
      out.push(String(thousands * 1000 + (rest?.value ?? 0)));
      i += 2 + (rest ? skip + rest.length : 0);
      continue;
    }
    const first = belowHundred(list, i);
    // A year said as two numbers ("twenty ten", "nineteen ninety eight"): the century nineteen or twenty, then a number from ten up; other pairs ("sixteen seventeen year olds") are two ages, not a year.
    const second = first && YEAR_CENTURIES.has(first.value) ? belowHundred(list, i + first.length) : undefined;
    if (first && second && second.value >= 10) {
      out.push(String(first.value * 100 + second.value));
      i += first.length + second.length;
    } else if (first && first.length > 1) {
      out.push(String(first.value));
      i += first.length;
    } else out.push(list[i++]);
  }
  return out;
}
