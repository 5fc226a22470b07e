import { classifyBlocks } from "./blocks";
import { buildContext, findQuoteMarks, sentenceAt, tokenAt, type Context } from "./context";
import { findDefects } from "./defects";
import { findFacts } from "./facts";
import { prepareArticle } from "./normalize";
import { Attributor, type FoundQuote } from "./quotes";
import { tokenize } from "./tokens";
import { splitParagraphs, splitSentences } from "./sentences";
import { findSystems } from "./systems";
import type { Analysis, Defect, Quote, Sentence, Span, Speaker } from "./types";

/** Analysis of one article: every offset indexes into `text` (=== prepareArticle(input).text). */
export function analyzeArticle(input: string): Analysis {
  const prepared = prepareArticle(typeof input === "string" ? input : "");
  const { text } = prepared;
  const paragraphs = splitParagraphs(text);
  classifyBlocks(text, paragraphs);
  const spans = splitSentences(text, paragraphs);
  const defects: Defect[] = [];
  // The text is tokenised once; each sentence takes its slice of the tokens (or, if a token
  // straddles its edge, tokenises itself, which is what the slice stands for).
  const tokens = tokenize(text);
  let tk = 0;
  const sentences: Sentence[] = spans.map((s, index) => {
    const body = text.slice(s.start, s.end);
    while (tk < tokens.length && tokens[tk]!.end <= s.start) tk++;
    const t0 = tk;
    while (tk < tokens.length && tokens[tk]!.end <= s.end) tk++;
    const straddles =
      (t0 < tokens.length && tokens[t0]!.start < s.start) ||
      (tk < tokens.length && tokens[tk]!.start < s.end);
    const found = findDefects(body, s.start, straddles ? undefined : tokens.slice(t0, tk));
    for (const d of found)
      defects.push({
        sentence: index,
        reason: d.reason,
        text: body,
        evidence: { start: s.start, end: s.end },
        at: d.at,
      });
    return {
      index,
      start: s.start,
      end: s.end,
      paragraph: s.paragraph,
      text: body,
      defective: found.length > 0,
      prose: paragraphs[s.paragraph]?.kind === "prose",
    };
  });
  const defectsBySentence = new Map<number, Span[]>();
  for (const d of defects)
    defectsBySentence.set(d.sentence, [...(defectsBySentence.get(d.sentence) ?? []), d.at]);
  const marks = findQuoteMarks(text, paragraphs);
  const ctx = buildContext(text, sentences, marks, tokens);

  const att = new Attributor(ctx);
  att.collectMentions();
  const all = att.run();
  for (const q of all) {
    const t = touchesDefect(q, ctx, defectsBySentence);
    q.defective = t.defective;
    if (t.clause) q.clause = t.clause;
  }

  // Speakers are the entities that say something; their aliases are the names the text uses.
  const spoken = new Map<number, FoundQuote[]>();
  for (const q of all) spoken.set(q.speakerId, [...(spoken.get(q.speakerId) ?? []), q]);
  const speakers: Speaker[] = [...spoken.keys()]
    .map((id) => att.reg.get(id))
    .sort((a, b) => a.first.start - b.first.start)
    .map((e) => {
      const theirs = spoken.get(e.id)!;
      const sure = theirs.some((q) => q.sure);
      return {
        name: e.name,
        type: e.type,
        role: e.role,
        aliases: [...e.aliases].filter((a) => a !== e.name),
        evidence: sentenceSpan(e.roleSpan ?? e.first),
        confidence: sure ? ("high" as const) : ("low" as const),
        reasons: sure ? [] : ["every statement credited to this speaker is uncertain"],
      };
    });

  function sentenceSpan(span: { start: number; end: number }) {
    const s = ctx.sentences[sentenceAt(ctx, span.start)];
    return s ? { start: s.start, end: s.end } : span;
  }

  const quotes: Quote[] = all.map((q) => {
    const { via, speakerId: _id, sure, reasons, ...rest } = q;
    const why = [...reasons];
    if (rest.defective) why.push("words seem to be missing from the sentence");
    return {
      ...rest,
      attribution: sentenceSpan(via),
      confidence: sure && !rest.defective ? "high" : "low",
      reasons: why,
    };
  });

  const systems = text ? findSystems(ctx) : [];
  const actors = att.reg.mentions
    .filter((m) => spoken.has(m.entity))
    .map((m) => ({
      name: att.reg.get(m.entity).name,
      sentence: sentenceAt(ctx, m.start),
      start: m.start,
      end: m.end,
    }));
  const facts = text ? findFacts(ctx, actors) : [];

  return {
    text,
    date: prepared.date,
    title: prepared.title,
    format: prepared.format,
    paragraphs,
    sentences,
    speakers,
    quotes,
    systems,
    defects,
    facts,
  };
}

/**
 * Does a lost word touch this quote or its attribution? Every sentence the quote spans counts.
 * A defect elsewhere in the sentence is tolerated only when the speaker is named in the same
 * sentence, the defect lies outside the stretch from quote to speaker (which holds the cue), and
 * punctuation (a comma, dash, semicolon, colon, bracket or quote mark) separates the two, so the
 * defect is in another clause: `"We will win," said Smith, who met with in on Tuesday.`
 */
function touchesDefect(
  q: Pick<Quote, "evidence" | "span" | "kind"> & { via: Span },
  ctx: Context,
  bySentence: Map<number, Span[]>,
): { defective: boolean; clause?: Span } {
  const first = sentenceAt(ctx, q.evidence.start);
  const last = sentenceAt(ctx, Math.max(q.evidence.start, q.evidence.end - 1));
  const found: Span[] = [];
  for (let k = first; k <= last; k++) found.push(...(bySentence.get(k) ?? []));
  if (!found.length) return { defective: false };
  if (q.via.start < q.evidence.start || q.via.end > q.evidence.end) return { defective: true };
  // Direct quotes keep their marks in the clause.
  const marks = q.kind === "direct" ? 1 : 0;
  const lo = Math.min(q.span.start - marks, q.via.start);
  const hi = Math.max(q.span.end + marks, q.via.end);
  const separated = (a: number, b: number) => {
    for (let t = tokenAt(ctx, a); t < ctx.tokens.length && ctx.tokens[t]!.start < b; t++) {
      if (/^[,;:()\u2014"']$/.test(ctx.tokens[t]!.text)) return true;
    }
    return false;
  };
  const touched = found.some((d) => {
    if (d.end > lo && d.start < hi) return true;
    return d.end <= lo ? !separated(d.end, lo) : !separated(hi, d.start);
  });
  return touched ? { defective: true } : { defective: false, clause: { start: lo, end: hi } };
}
