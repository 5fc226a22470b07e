const NUMBER_WORDS: Record<string, string> = {
  one: "1",
  two: "2",
  three: "3",
  four: "4",
  five: "5",
  six: "6",
  seven: "7",
  eight: "8",
  nine: "9",
  ten: "10",
  twenty: "20",
};

/** "Group of Seven" -> "G7", "G-7" -> "G7", "European Union" -> "EU": lets acronyms meet their expansion. */
export function acronymOf(words: string[]): string {
  if (words.length === 1) return (words[0] ?? "").replace(/[.\-]/g, "").toUpperCase();
  return words
    .filter((w) => /^\p{Lu}/u.test(w) || /^\d+$/.test(w))
    .map((w) => NUMBER_WORDS[w.toLowerCase()] ?? (/^\d+$/.test(w) ? w : (w[0] ?? "")))
    .join("")
    .toUpperCase();
}
