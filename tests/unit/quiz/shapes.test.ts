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
  ["“We are ready,” said Coach Maria Ruiz.", "We are ready", "Maria Ruiz"],
  ["“We are ready,” Ruiz said after the match, “and we will win.”", "and we will win", "Ruiz"],
  [
    "Maria Ruiz, the team's coach, spoke after the match. “We are ready,” she said.",
    "We are ready",
    "Maria Ruiz",
  ],
  [
    "Maria Ruiz spoke after the match.\n\n“We are ready. We will win,” she said.",
    "We are ready",
    "Maria Ruiz",
  ],
  [
    "A senior US official, speaking on condition of anonymity, said the talks had failed.",
    "the talks had failed",
    "official",
  ],
  ["Two people familiar with the matter said the deal was close.", "the deal was close", "people familiar"],
  [
    "Local officials estimated that 300 homes had been destroyed.",
    "300 homes had been destroyed",
    "officials",
  ],
  ["Economists noted that prices had risen for six months.", "prices had risen", "Economists"],
  ["Residents told Reuters the water had been cut off for days.", "the water had been cut off", "Residents"],
  [
    "Lena Ortiz, who chairs the committee, said the report was due in May.",
    "the report was due in May",
    "Lena Ortiz",
  ],
  [
    "The report was due in May, according to Lena Ortiz, who chairs the committee.",
    "The report was due in May",
    "Lena Ortiz",
  ],
  ["Ortiz said: “The report is due in May.”", "The report is due in May", "Ortiz"],
  ["In an interview, Ortiz said the report was due in May.", "the report was due in May", "Ortiz"],
  [
    "Speaking to reporters on Monday, Ortiz said the report was due in May.",
    "the report was due in May",
    "Ortiz",
  ],
  [
    "Ortiz, speaking to reporters on Monday, said the report was due in May.",
    "the report was due in May",
    "Ortiz",
  ],
  ["Ortiz added that the report was due in May.", "the report was due in May", "Ortiz"],
  ["The report, Ortiz said, was due in May.", "The report, Ortiz said, was due in May", "Ortiz"],
  ["Ortiz claimed the report had been leaked.", "the report had been leaked", "Ortiz"],
  [
    "Ortiz's spokesman, Paul Dunn, said the report had been leaked.",
    "the report had been leaked",
    "Paul Dunn",
  ],
  [
    "The Ministry of Defence in London said the frigate had left port.",
    "the frigate had left port",
    "Ministry of Defence",
  ],
  [
    "Britain's Ministry of Defence said the frigate had left port.",
    "the frigate had left port",
    "Ministry of Defence",
  ],
  [
    "The UN's human rights office said 12 civilians were killed.",
    "12 civilians were killed",
    "human rights office",
  ],
  [
    "Nurses' union leader Kate Bell said the strike would go ahead.",
    "the strike would go ahead",
    "Kate Bell",
  ],
  ["“This is a disaster,” Varga wrote on Facebook.", "This is a disaster", "Varga"],
  ["Varga, 61, said he would run again.", "he would run again", "Varga"],
  ["Varga said he would run again, adding that the party was united.", "the party was united", "Varga"],
  ["Varga told The Guardian that he would run again.", "he would run again", "Varga"],
  ["Varga told the BBC's Today programme that he would run again.", "he would run again", "Varga"],
];

describe("attribution shapes", () => {
  it.each(SHAPES)("%s", (text, start, speaker) => {
    const a = analyzeArticle(text);
    const q = a.quotes.find((x) => x.text.toLowerCase().startsWith(start.toLowerCase()));
    expect(q?.speaker.toLowerCase()).toContain(speaker.toLowerCase());
  });
});
