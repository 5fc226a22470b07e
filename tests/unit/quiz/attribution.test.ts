import { describe, expect, it } from "vitest";
import { analyzeArticle, questionBank, type Analysis } from "@/lib/quiz";

// Every example here is written for these tests; none is taken from a real article.
const of = (text: string) => analyzeArticle(text);
const said = (a: Analysis, start: string) => a.quotes.find((q) => q.text.startsWith(start));
const speakerOf = (text: string, start: string) => said(of(text), start)?.speaker;

describe("speaker names are names", () => {
  it("reads a possessive as its owner, not as a name with 's", () => {
    const text =
      "Analyst Mara Quist of Pell Research tested the car on Monday. Quist's note said that the software had improved since March.";
    expect(speakerOf(text, "the software had improved")).toBe("Mara Quist");
  });

  it("knows the '-ish' nationalities, so 'Polish' or 'British' alone is never an organisation that speaks", () => {
    const a = of(
      "In Poland, the Border Command said Polish and allied jets had been scrambled. No Polish airspace violation was recorded, it said. British officials said the jets had landed.",
    );
    expect(a.speakers.map((s) => s.name)).not.toContain("Polish");
    expect(said(a, "No Polish airspace violation")?.speaker).toBe("Border Command");
    expect(said(a, "the jets had landed")?.speaker).toBe("British officials");
  });

  it("never takes a nationality adjective for the speaker", () => {
    const a = of("The French foreign ministry said the decision was a mistake and should be reversed.");
    expect(said(a, "the decision was a mistake")?.speaker).toBe("French foreign ministry");
    expect(a.speakers.map((s) => s.name)).not.toContain("French");
  });

  it("prefers the person named in the sentence to the city they are in", () => {
    expect(
      speakerOf(
        "In Tromsø, harbour master Ivo Brandt said the ice would clear by Friday.",
        "the ice would clear",
      ),
    ).toBe("Ivo Brandt");
  });

  it("does not make a sentence-opening adverb or pronoun part of a name", () => {
    const a = of(
      "Lena Ochs won the final 6-3, 6-4. “Hopefully I’ve shown what I can do this season,” she told reporters.",
    );
    expect(said(a, "Hopefully I've shown")?.speaker).toBe("Lena Ochs");
  });

  it("does not let a weapon or a product speak", () => {
    const a = of(
      "The Falcon-7 drone flew over the base on Tuesday. Colonel Aida Mensah said the drone had been shot down near the border.",
    );
    expect(a.speakers.map((s) => s.name)).toEqual(["Aida Mensah"]);
  });

  it("reads a title alone as a description of the person, not a name", () => {
    const a = of(
      "Prime Minister Hanne Voss met the unions on Monday. The Prime Minister said the strike had to end this week.",
    );
    expect(said(a, "the strike had to end")?.speaker).toBe("Hanne Voss");
  });

  it("names an unnamed official by what the article calls them", () => {
    const a = of("A senior defense official said the drills would resume in the spring.");
    expect(said(a, "the drills would resume")?.speaker).toBe("senior defense official");
    expect(a.speakers[0]?.type).toBe("anonymous");
  });

  it("keeps a person's description apart from the person: 'Lance Moe's sister' is not Lance Moe", () => {
    const a = of("Lance Moe died in 2001. “We waited too long,” Lance Moe’s sister told the court.");
    expect(said(a, "We waited too long")?.speaker).toBe("Lance Moe's sister");
  });
});

describe("captions, credits, bylines and notes are not the article speaking", () => {
  const page = [
    "By Jana Holt and Piet Roos, Associated Press",
    "### Harbour plan",
    "Workers repair the pier on Monday. (Photo: Sam Yeo/Reuters)",
    "OSLO (AP) — The harbour will reopen in May, port director Ada Lund said on Monday.",
    "“We are on schedule,” Lund said.",
    "Image",
    "Ada Lund said the pier was safe, a spokesman told reporters.",
    "Credit Kim Oh/The Daily Ledger",
    "Piet Roos contributed to this report. Jana Holt reported from Bergen.",
    "Jana Holt is a transport reporter at the Associated Press.",
  ].join("\n\n");
  const a = of(page);

  it("marks each kind of paragraph", () => {
    expect(a.paragraphs.map((p) => p.kind)).toEqual([
      "byline",
      "heading",
      "caption",
      "prose",
      "prose",
      "credit",
      "caption",
      "credit",
      "note",
      "note",
    ]);
  });

  it("finds speech only in the prose, and never a dateline or credit as a speaker", () => {
    expect(a.quotes.map((q) => q.speaker)).toEqual(["Ada Lund", "Ada Lund"]);
    expect(a.speakers.map((s) => s.name)).toEqual(["Ada Lund"]);
  });

  it("builds no question on a caption, credit, byline, heading or note", () => {
    const prose = a.paragraphs.filter((p) => p.kind === "prose");
    for (const q of questionBank(a))
      for (const e of q.evidence) expect(prose.some((p) => p.start <= e.start && e.end <= p.end)).toBe(true);
  });

  it("shows a Markdown heading as a heading, never inside a question", () => {
    for (const q of questionBank(a)) expect(q.prompt).not.toContain("#");
  });
});

describe("reported statements in every common shape", () => {
  const cases: [string, string, string][] = [
    [
      "X said (that) CLAUSE",
      "Mayor Rosa Lind said that the bridge would reopen in May.",
      "the bridge would reopen",
    ],
    [
      "X said CLAUSE, without 'that'",
      "Mayor Rosa Lind said the bridge would reopen in May.",
      "the bridge would reopen",
    ],
    ["CLAUSE, X said", "The bridge would reopen in May, Mayor Rosa Lind said.", "The bridge would reopen"],
    ["CLAUSE, said X", "The bridge would reopen in May, said Mayor Rosa Lind.", "The bridge would reopen"],
    [
      "X said in a statement on Telegram that CLAUSE",
      "Mayor Rosa Lind said in a statement on Telegram that the bridge would reopen in May.",
      "the bridge would reopen",
    ],
    [
      "according to X, CLAUSE",
      "According to Mayor Rosa Lind, the bridge will reopen in May.",
      "the bridge will reopen",
    ],
    [
      "CLAUSE, according to X",
      "The bridge will reopen in May, according to Mayor Rosa Lind.",
      "The bridge will reopen",
    ],
    [
      "X told Y (that) CLAUSE",
      "Mayor Rosa Lind told reporters the bridge would reopen in May.",
      "the bridge would reopen",
    ],
    [
      "X added that CLAUSE",
      "Mayor Rosa Lind added that the bridge would reopen in May.",
      "the bridge would reopen",
    ],
    [
      "X noted that CLAUSE",
      "Mayor Rosa Lind noted that the bridge would reopen in May.",
      "the bridge would reopen",
    ],
    [
      "X warned that CLAUSE",
      "Mayor Rosa Lind warned that the bridge could stay shut until June.",
      "the bridge could stay",
    ],
    [
      "X argued that CLAUSE",
      "Mayor Rosa Lind argued that the repairs were overdue.",
      "the repairs were overdue",
    ],
    [
      "X estimated that CLAUSE",
      "Mayor Rosa Lind estimated that the repairs would cost $4 million.",
      "the repairs would cost",
    ],
    [
      "X announced that CLAUSE",
      "Mayor Rosa Lind announced that the bridge would reopen in May.",
      "the bridge would reopen",
    ],
    [
      "X confirmed CLAUSE",
      "Mayor Rosa Lind confirmed the bridge would reopen in May.",
      "the bridge would reopen",
    ],
    ["X insisted that CLAUSE", "Mayor Rosa Lind insisted that the bridge was safe.", "the bridge was safe"],
    [
      "X says CLAUSE (present)",
      "Mayor Rosa Lind says the bridge is safe for cyclists.",
      "the bridge is safe",
    ],
    [
      "interposed: A, X said, B",
      "The bridge, Mayor Rosa Lind said, would reopen in May.",
      "The bridge, Mayor Rosa Lind said",
    ],
  ];
  for (const [shape, text, start] of cases)
    it(`reads "${shape}"`, () => {
      const q = said(of(text), start);
      expect(q?.kind).toBe("indirect");
      expect(q?.speaker).toBe("Rosa Lind");
    });

  it("credits an organisation and a group as speakers", () => {
    const a = of(
      "The Baltic Air Force said two drones were shot down overnight. Latvia's Defense Ministry said the debris fell in a field. Riga officials said no one was hurt.",
    );
    expect(said(a, "two drones were shot down")?.speaker).toBe("Baltic Air Force");
    expect(said(a, "the debris fell")?.speaker).toBe("Latvia's Defense Ministry");
    expect(said(a, "no one was hurt")?.speaker).toBe("Riga officials");
  });

  it("reads two that-clauses of one verb as one statement, and the clause after a quotation's lead-in alone", () => {
    const a = of("Mayor Rosa Lind said the bridge was safe, and that the repairs would end in May.");
    expect(said(a, "the bridge was safe")?.text).toBe(
      "the bridge was safe, and that the repairs would end in May",
    );
    const b = of(
      'Mayor Rosa Lind said the town had "never seen a winter like this one" and that the bridge would reopen in May.',
    );
    expect(said(b, "the bridge would reopen")?.speaker).toBe("Rosa Lind");
    expect(said(b, "the town had")).toBeUndefined();
    const c = of(
      'Mayor Rosa Lind said the repairs were slow and that the contractor had made "a promise nobody could keep."',
    );
    expect(c.quotes.filter((q) => q.kind === "indirect")).toEqual([]);
  });

  it("keeps a short quoted fragment inside the reported clause", () => {
    const a = of('Mayor Rosa Lind told reporters that the council should "take its time."');
    expect(said(a, "the council should")?.kind).toBe("indirect");
    const b = of(
      'Mayor Rosa Lind said the result was "very welcome" and argued that the bridge should reopen.',
    );
    expect(said(b, "the result was")?.text).toBe('the result was "very welcome"');
    expect(said(b, "the bridge should reopen")?.speaker).toBe("Rosa Lind");
  });

  it("does not read a negated, passive or asked-about verb as a statement", () => {
    const a = of(
      "The ministry has not said whether the talks will resume. Staff were told that the office would close. Asked whether he thought the plan had failed, Ilan Vos smiled.",
    );
    expect(a.quotes).toEqual([]);
  });

  it("does not read a verb with an object as a statement: 'added 25 points'", () => {
    expect(of("Ona Ruiz added 25 points, and Tia Bell had 15.").quotes).toEqual([]);
  });
});

describe("pronouns and continuations", () => {
  it("gives 'she' to the woman the paragraph is about, not to the last name mentioned", () => {
    const text =
      "Council President Gail Orr, who clashed with Mayor Dana Pike over the budget, cast the deciding vote. She told reporters that a traffic study had changed her mind.";
    expect(speakerOf(text, "a traffic study")).toBe("Gail Orr");
  });

  it("gives 'he' to the last man who spoke when another man is only mentioned", () => {
    const text =
      "Coach Ben Aalto praised his defense. “We were patient,” Aalto said.\n\nHe said the team would rest Otto Lind, who was injured, on Sunday.";
    expect(speakerOf(text, "the team would rest")).toBe("Ben Aalto");
  });

  it("continues a speaker's paragraph with a second quotation that has no cue", () => {
    const a = of("“We were patient,” said coach Ben Aalto. “The goals came late.”");
    expect(said(a, "The goals came late")?.speaker).toBe("Ben Aalto");
  });

  it("carries a quotation that runs on into the next paragraph", () => {
    const a = of(
      "“We were patient,” said coach Ben Aalto. “The goals came late.\n\n“Next week will be harder.”",
    );
    expect(said(a, "Next week will be harder")?.speaker).toBe("Ben Aalto");
  });

  it("does not hand an uncued quotation to a man named after the last speaker", () => {
    const a = of(
      "“We were patient,” said coach Ben Aalto. The club’s owner, Erik Lund, watched from the stand.\n\n“We will see,” Lund said.",
    );
    expect(said(a, "We will see")?.speaker).toBe("Erik Lund");
  });
});

describe("confidence", () => {
  it("is high for a quote whose speaker is named in its own sentence", () => {
    expect(said(of("“We were patient,” said coach Ben Aalto."), "We were patient")?.confidence).toBe("high");
  });

  it("is low, with a reason, when the speaker only comes from an earlier paragraph", () => {
    const q = said(of("Coach Ben Aalto said the team was pleased.\n\n“We were patient.”"), "We were patient");
    expect(q?.speaker).toBe("Ben Aalto");
    expect(q?.confidence).toBe("low");
    expect(q?.reasons.join(" ")).toMatch(/previous paragraph/);
  });

  it("is low for a belief rather than a statement", () => {
    const q = said(
      of("Coach Ben Aalto said he thinks that the league will expand."),
      "the league will expand",
    );
    expect(q?.confidence ?? "low").toBe("low");
  });
});

describe("the teacher's notes on a question", () => {
  const text = [
    "Harbour master Ivo Brandt spoke at the port on Monday about the winter season and the ferries.",
    '"The ice will clear by Friday and the ferries will run again," Brandt said at the harbour office.',
    '"We have never had a winter like this one in thirty years of keeping the harbour open," he said.',
    'Ferry captain Sara Lind said the crews were ready. "We can sail within an hour of the ice breaking up," Lind said.',
    'Mayor Tomas Berg said the town had paid for the extra road freight. "It cost us more than the summer festival," Berg said.',
  ].join("\n\n");
  const bank = questionBank(of(text));
  const about = (start: string) => bank.filter((q) => q.kind === "who-said" && q.prompt.includes(start));

  it("says nothing when the quote's own sentence names the speaker", () => {
    expect(about("The ice will clear").map((q) => q.notes)).toEqual([[]]);
  });

  it("says how the speaker was found when a pronoun stands for them, and where they are named", () => {
    const [q] = about("We have never had a winter");
    expect(q?.notes).toEqual([
      expect.stringMatching(
        /^The quote's sentence does not name the speaker: "he" refers to Ivo Brandt.*\(named in the paragraph before\)\.$/,
      ),
    ]);
  });
});

describe("organisations named with a complement", () => {
  it("keeps 'for the' and 'of' inside an organisation's name", () => {
    const a = of(
      "The fleet will double by 2030, according to the Brask Institute for the Study of Shipping, which tracks orders. Freight rates will fall, said the Centre for Maritime and Coastal Research.",
    );
    expect(said(a, "The fleet will double")?.speaker).toBe("Brask Institute for the Study of Shipping");
    expect(said(a, "Freight rates will fall")?.speaker).toBe("Centre for Maritime and Coastal Research");
  });

  it("reads past an adverb between the verb and 'that'", () => {
    const a = of(
      "Port director Ada Lund met the union on Thursday. Lund said afterwards that the strike would end before the weekend.",
    );
    expect(said(a, "the strike would end")?.text).toBe("the strike would end before the weekend");
  });
});

describe("roles read as phrases", () => {
  it("lowercases a common word that is capitalised only because it opens the sentence", () => {
    const a = of(
      "Harbour master Ivo Brandt said the ice would clear by Friday. Democratic Senator Ana Ruiz said the bill would pass this week.",
    );
    expect(a.speakers.find((s) => s.name === "Ivo Brandt")?.role).toBe("harbour master");
    expect(a.speakers.find((s) => s.name === "Ana Ruiz")?.role).toBe("Democratic Senator");
  });
});

describe("pronouns need a person to stand for", () => {
  it("is not sure that 'she' is a one-word name of unknown gender (it may be a company)", () => {
    const a = of(
      'Velmora said output would rise next year. "We are ready to pump more oil this winter," she said.',
    );
    expect(said(a, "We are ready")?.confidence).toBe("low");
  });
});

describe("a statement carried on by a participle or a plural verb", () => {
  it("gives '..., he said, adding that ...' to the same speaker", () => {
    const a = of(
      "Port director Ada Lund spoke after the storm. The north pier was closed on Monday, she said, adding that the ferries would run again by Friday.",
    );
    expect(said(a, "the ferries would run again")?.speaker).toBe("Ada Lund");
  });

  it("reads a plural subject's present tense as a reported clause", () => {
    const a = of("Port director Ada Lund said the ferry crews want more time to train.");
    expect(said(a, "the ferry crews want")?.speaker).toBe("Ada Lund");
  });
});

describe("places do not speak", () => {
  it("never takes a sea, a strait or a peninsula for a speaker", () => {
    const a = of(
      "Warships crossed the Vesk Strait near the Ardal Peninsula on Monday. They said the crossing was routine and lawful.",
    );
    expect(a.speakers.map((s) => s.name)).not.toContain("Ardal Peninsula");
    expect(a.speakers.map((s) => s.name)).not.toContain("Vesk Strait");
  });
});

describe("an occupation or a group before a name", () => {
  it("reads 'Engineer Piet Vos' as Piet Vos, an engineer, and 'Residents of Tolvik' as a group", () => {
    const a = of(
      "Engineer Piet Vos said the old pipes had cracked in the frost. Residents of Tolvik said they had had no water for a month.",
    );
    expect(said(a, "the old pipes")?.speaker).toBe("Piet Vos");
    expect(a.speakers.find((s) => s.name === "Piet Vos")?.role).toBe("engineer");
    expect(a.speakers.find((s) => s.name === "Residents of Tolvik")?.type).toBe("group");
  });
});

describe("appositives between a name and its verb", () => {
  it("walks over 'head of the city's ...' to the name", () => {
    const a = of(
      "Ivo Brandt, head of the city's port authority, said on Telegram that two ferries had been damaged.",
    );
    expect(said(a, "two ferries had been damaged")?.speaker).toBe("Ivo Brandt");
  });
});

describe("datelines", () => {
  it("reads the sentence after 'CITY —' as if the dateline were not there", () => {
    const a = of(
      "OSLO — Researchers using the Vesta telescope say they have found water ice on a small moon.",
    );
    expect(said(a, "they have found water ice")?.speaker).toBe("researchers using the Vesta telescope");
    const b = of(
      "KYIV, Ukraine (AP) — Harbour master Ivo Brandt said two ferries had been damaged overnight.",
    );
    expect(said(b, "two ferries had been damaged")?.speaker).toBe("Ivo Brandt");
  });
});

describe("hearers and nested statements", () => {
  it("takes 'warned Europe will ...' for a clause, not a hearer", () => {
    const a = of("Senator Ana Ruiz warned Europe will have to rely less on its allies to defend itself.");
    expect(said(a, "Europe will have to rely")?.speaker).toBe("Ana Ruiz");
  });

  it("keeps what someone's statements assured inside the statement that reports them", () => {
    const a = of(
      "Prosecutor Rebecca Thornfield said Mercer had moved $640 million to a firm he controlled, and had then signed monthly statements assuring customers their money was safe.",
    );
    expect(said(a, "Mercer had moved")?.speaker).toBe("Rebecca Thornfield");
    expect(said(a, "their money was safe")).toBeUndefined();
  });
});

describe("relative clauses and military units", () => {
  it("gives the second verb of 'X, who opposes ... and warned' to X, not to the sentence's subject", () => {
    const a = of(
      "Alarm bells rang across the region after the mayor picked Councillor Ada Lund, who opposes the bridge and warned the ferry will have to close within a year.",
    );
    expect(said(a, "the ferry will have to close")?.speaker).toBe("Ada Lund");
  });

  it("reads a numbered unit as an organisation that can write a release", () => {
    const a = of(
      "The drone was shot down over the strait, a release from Carrier Strike Group 7 said. The pilots flew 30 missions, the release said.",
    );
    expect(said(a, "The drone was shot down")?.speaker).toBe("Carrier Strike Group 7");
    expect(said(a, "The pilots flew 30 missions")?.speaker).toBe("Carrier Strike Group 7");
  });

  it("credits 'the Navy's 5th Fleet press release' to the fleet, not to the Navy", () => {
    const a = of("The target sank within minutes, the Navy's 5th Fleet press release said.");
    expect(said(a, "The target sank")?.speaker).toBe("Navy's 5th Fleet");
  });
});

describe("clauses that open with a negated quantifier", () => {
  it("reads 'said not all of the ferries were damaged' as a statement", () => {
    const a = of("Harbour master Ivo Brandt said not all of the ferries were damaged.");
    expect(said(a, "not all of the ferries were damaged")?.speaker).toBe("Ivo Brandt");
  });
});

describe("newspapers named with a speech word", () => {
  it("reads 'the Harbour Post said' and 'a commentary in the Harbour Post said'", () => {
    const a = of(
      "The Harbour Post said the repairs were late. The ferries are old, a commentary in the Harbour Post said.",
    );
    expect(said(a, "the repairs were late")?.speaker).toBe("Harbour Post");
    expect(said(a, "The ferries are old")?.speaker).toBe("Harbour Post");
  });
});

describe("company names by their industry word", () => {
  it("reads 'Northwind Shipping' and 'Vela Therapeutics' as organisations", () => {
    const a = of(
      "Northwind Shipping said the ferries would sail again on Friday. Vela Therapeutics said the trial had ended.",
    );
    expect(a.speakers.find((s) => s.name === "Northwind Shipping")?.type).toBe("organisation");
    expect(a.speakers.find((s) => s.name === "Vela Therapeutics")?.type).toBe("organisation");
  });
});

describe("demonstratives", () => {
  it("keeps 'this' in the statement unless a time follows it", () => {
    const a = of(
      "Harbour master Ivo Brandt said this ferry is the last of its kind. Mayor Ada Lund has argued this amounted to a loss. Pilot Tom Berg said this morning the channel was clear.",
    );
    expect(said(a, "this ferry is the last")?.speaker).toBe("Ivo Brandt");
    expect(said(a, "this amounted to a loss")?.speaker).toBe("Ada Lund");
    expect(said(a, "the channel was clear")?.text).toBe("the channel was clear");
  });
});

describe("names that modify a noun", () => {
  it("keeps 'its annual Kelda Camp event' and 'the Kelda Ride Hub' from becoming people, so 'the company' is Kelda", () => {
    const a = of(
      "Kelda on Thursday showed new features at its annual Kelda Camp event. Kelda says it will add a night map. The company says it is doing so by training its models on old rides. Dark mode, according to votes on the Kelda Ride Hub, is the most wanted feature.",
    );
    expect(a.speakers.filter((s) => s.type === "person")).toEqual([]);
    expect(said(a, "it is doing so by training")?.speaker).toBe("Kelda");
  });
});
