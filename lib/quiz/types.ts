/**
 * Types shared by the article analyser and the quiz generator.
 * All offsets are character offsets into `Analysis.text` (end exclusive).
 */

export type Span = { start: number; end: number };

export type PreparedArticle = {
  /** Normalised body: straight ASCII quotes, em dashes, single spaces, paragraphs joined by "\n\n". */
  text: string;
  date: string | null;
  title: string | null;
  format: "text" | "html";
};

/**
 * What a paragraph is. Only "prose" is the article's running text: captions, photo credits,
 * bylines, author notes and headings are never read as speech and no question rests on them.
 */
export type BlockKind = "prose" | "heading" | "caption" | "credit" | "byline" | "note";

export type Paragraph = Span & { index: number; kind: BlockKind };

/**
 * How safely a question may rest on an item. "high" only when every step of the reading was
 * unambiguous; quiz questions about who said what and what happened to a system use only those.
 */
export type Confidence = "high" | "low";

export type Assessment = {
  confidence: Confidence;
  /** Why, in words a teacher understands ("the speaker is named in the same sentence"). */
  reasons: string[];
};

export type Sentence = Span & {
  index: number;
  paragraph: number;
  text: string;
  /** True when words seem to have been lost upstream; no question may rest on such a sentence. */
  defective: boolean;
  /** False inside a caption, credit, byline, note or heading (see BlockKind). */
  prose: boolean;
};

export type SpeakerType = "person" | "organisation" | "group" | "anonymous";

export type Speaker = {
  /** Canonical name, e.g. "Jens Stoltenberg", "G-7 leaders", "White House". */
  name: string;
  type: SpeakerType;
  /** Title or appositive the text gives, e.g. "NATO Secretary General"; null when none. */
  role: string | null;
  /** Every other form the text uses: surname, title + name, "the Pentagon". */
  aliases: string[];
  /** Where the speaker is first named. */
  evidence: Span;
} & Assessment;

export type QuoteKind = "direct" | "indirect";

export type Quote = {
  text: string;
  /** Canonical speaker name (matches a Speaker.name). */
  speaker: string;
  kind: QuoteKind;
  /** Span of the quoted words themselves (inside the quotation marks for direct quotes). */
  span: Span;
  /** The sentence(s) that carry the quote and its cue. */
  evidence: Span;
  sentence: number;
  /** The words that attribute it ("said", "according to", "continues paragraph"). */
  cue: string;
  /** The sentence that names the speaker (for a pronoun or a continued quote, the antecedent). */
  attribution?: Span;
  /**
   * True when a lost word touches the quote or its attribution: any sentence it spans is
   * defective, unless the speaker is named in that sentence and the defect sits in another
   * clause, outside the stretch from quote to speaker (see analyze.ts).
   */
  defective: boolean;
  /**
   * Set only when the quote's sentence is defective elsewhere (in another clause) and the quote
   * is still usable: the stretch from the quote to its speaker's name, used as the evidence.
   */
  clause?: Span;
} & Assessment;

export type SystemStatus = "sent" | "pledged" | "requested" | "withheld" | "mentioned";

export type SystemMention = Span & {
  sentence: number;
  text: string;
  status: SystemStatus;
  cue: string | null;
};

export type WeaponSystem = {
  name: string;
  aliases: string[];
  category: string;
  /** "named" systems come from the gazetteer (Javelin); "generic" ones are classes (howitzers). */
  kind: "named" | "generic";
  status: SystemStatus;
  /** The sentence of the mention that decided the status. */
  evidence: Span;
  mentions: SystemMention[];
} & Assessment;

export type DefectReason =
  | "starts-lowercase"
  | "starts-with-modal"
  | "preposition-before-preposition"
  | "preposition-before-verb"
  | "function-word-before-punctuation"
  | "space-before-punctuation";

export type Defect = { sentence: number; reason: DefectReason; text: string; evidence: Span; at: Span };

export type FactKind = "number" | "date" | "place" | "who-did-what";

export type Fact = {
  kind: FactKind;
  /** The answer-bearing words, e.g. "two", "Sept. 30", "Kyiv". */
  value: string;
  span: Span;
  sentence: number;
  evidence: Span;
  /** For who-did-what: the actor (canonical speaker/entity name). */
  actor?: string;
};

export type Analysis = {
  text: string;
  date: string | null;
  title: string | null;
  format: "text" | "html";
  paragraphs: Paragraph[];
  sentences: Sentence[];
  speakers: Speaker[];
  quotes: Quote[];
  systems: WeaponSystem[];
  defects: Defect[];
  facts: Fact[];
};

export type Skill = "attribution" | "systems" | "roles" | "details";

export type Option = { id: string; text: string };

export type QuestionKind =
  | "who-said"
  | "what-said"
  | "match-roles"
  | "systems-sent"
  | "system-status"
  | "system-category"
  | "true-false"
  | "detail"
  | "cloze"
  | "quote-or-paraphrase"
  | "speaker-role"
  | "not-said";

export type Answer =
  | { type: "single"; optionId: string }
  | { type: "multi"; optionIds: string[] }
  | { type: "text"; accepted: string[] }
  | { type: "match"; pairs: { itemId: string; optionId: string }[] };

export type Question = {
  id: string;
  kind: QuestionKind;
  skill: Skill;
  prompt: string;
  options: Option[];
  answer: Answer;
  items?: Option[];
  explanation: string;
  evidence: Span[];
  /**
   * For the teacher's review only: how safely the question rests on the analysis, and why it
   * may need a look ("the speaker is named in an earlier paragraph"). Never names the answer.
   */
  confidence?: Confidence;
  notes?: string[];
};

export type Quiz = { generatorVersion: string; seed: number; questions: Question[] };

export type QuizOptions = { seed: number; count?: number; skills?: Skill[] };

export type Response =
  | { optionId: string }
  | { optionIds: string[] }
  | { text: string }
  | { pairs: { itemId: string; optionId: string }[] };

export type Grade = { score: number; correct: boolean };
