import { describe, expect, it } from "vitest";
import { analyzeArticle } from "@/lib/quiz";

// The common shapes of attribution in news, one sentence each: who says it, and the first words
// of what is said. People are invented; institutions are the ones news names every day.
const SHAPES: [text: string, start: string, speaker: string][] = [
  ["The New York Times reported that the talks had stalled.", "the talks had stalled", "New York Times"],
  [
    "The talks had stalled, The Wall Street Journal reported.",
    "The talks had stalled",
    "Wall Street Journal",
  ],
  ["The Associated Press reported that the talks had stalled.", "the talks had stalled", "Associated Press"],
  ["Reuters reported that the talks had stalled.", "the talks had stalled", "Reuters"],
  [
    "A spokesperson for the Ministry of Health said the clinics would reopen.",
    "the clinics would reopen",
    "Ministry of Health",
  ],
  [
    "The clinics would reopen, a Ministry of Health spokesperson said.",
    "The clinics would reopen",
    "Ministry of Health",
  ],
  [
    "Health Minister Lena Ortiz told parliament on Tuesday that the clinics would reopen.",
    "the clinics would reopen",
    "Lena Ortiz",
  ],
  ['"We will reopen the clinics," Ortiz, 54, told reporters.', "We will reopen the clinics,", "Ortiz"],
  ["Police said two men had been arrested.", "two men had been arrested", "Police"],
  ["Two men had been arrested, police said.", "Two men had been arrested", "police"],
  [
    "According to the World Health Organization, cases rose 12% last week.",
    "cases rose 12% last week",
    "World Health Organization",
  ],
  [
    "Prime Minister Aiko Mori said on X that the summit had been a success.",
    "the summit had been a success",
    "Aiko Mori",
  ],
  ["The summit had been a success, Mori wrote on X.", "The summit had been a success", "Mori"],
  ["Ortiz's office said the minister had tested positive.", "the minister had tested positive", "Ortiz"],
  ["The European Commission said it would fine the firm.", "it would fine the firm", "European Commission"],
  [
    "In a statement, the United Nations Children's Fund said 40 children had died.",
    "40 children had died",
    "United Nations Children's Fund",
  ],
  ["The Federal Reserve said inflation remained elevated.", "inflation remained elevated", "Federal Reserve"],
  ["The Bank of England said inflation remained elevated.", "inflation remained elevated", "Bank of England"],
  [
    "Officials at the Pentagon said the drones had been shot down.",
    "the drones had been shot down",
    "Pentagon",
  ],
  [
    "Ukraine's General Staff said the drones had been shot down.",
    "the drones had been shot down",
    "General Staff",
  ],
  [
    "The Israel Defense Forces said it had struck 40 targets.",
    "it had struck 40 targets",
    "Israel Defense Forces",
  ],
  ["Coach Maria Ruiz said her players had been tired.", "her players had been tired", "Maria Ruiz"],
  [
    "Dr. Omar Haddad, an epidemiologist at Johns Hopkins University, said the virus was spreading.",
    "the virus was spreading",
    "Omar Haddad",
  ],
  [
    "Haddad said the virus was spreading, and warned that hospitals would fill.",
    "the virus was spreading",
    "Haddad",
  ],
  ["The virus is spreading, Haddad told the BBC.", "The virus is spreading", "Haddad"],
  [
    "Amnesty International said the arrests were unlawful.",
    "the arrests were unlawful",
    "Amnesty International",
  ],
  [
    "The arrests were unlawful, Human Rights Watch said in a report.",
    "The arrests were unlawful",
    "Human Rights Watch",
  ],
  ["Microsoft announced that it would cut 1,000 jobs.", "it would cut 1,000 jobs", "Microsoft"],
  [
    "Tesla's chief executive, Elon Musk, said the cars would ship in June.",
    "the cars would ship in June",
    "Elon Musk",
  ],
  [
    "Senator Jane Park, a Democrat from Oregon, said the bill would pass.",
    "the bill would pass",
    "Jane Park",
  ],
  ["The bill will pass, said Senator Jane Park, a Democrat from Oregon.", "The bill will pass", "Jane Park"],
  ["Park later told CNN the bill would pass.", "the bill would pass", "Park"],
  [
    "The White House said the president would sign the bill.",
    "the president would sign the bill",
    "White House",
  ],
  [
    "The Kremlin denied that its troops had crossed the border.",
    "its troops had crossed the border",
    "Kremlin",
  ],
  [
    "Iran's foreign ministry spokesman said the talks would resume.",
    "the talks would resume",
    "foreign ministry",
  ],
  ["The state news agency IRNA reported that the talks would resume.", "the talks would resume", "IRNA"],
  ["Witnesses said they heard three explosions.", "they heard three explosions", "Witnesses"],
];

describe("attribution shapes", () => {
  it.each(SHAPES)("%s", (text, start, speaker) => {
    const a = analyzeArticle(text);
    const q = a.quotes.find((x) => x.text.toLowerCase().startsWith(start.toLowerCase()));
    expect(q?.speaker.toLowerCase()).toContain(speaker.toLowerCase());
  });
});
