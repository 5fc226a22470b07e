/**
 * Small closed word lists the analysis relies on. They describe English, not any one article.
 */

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Abbreviations that end with a period without ending the sentence. */
export const TITLE_ABBREVIATIONS = set(
  "Mr Mrs Ms Dr Prof Gen Sen Rep Gov Lt Col Sgt Capt Cmdr Adm Maj Rev St Sr Jr Hon Pres Supt Det Insp Gov Atty",
);
export const MONTH_ABBREVIATIONS = set("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec");
export const COMPANY_ABBREVIATIONS = set(
  "Corp Inc Co Ltd Bros Cos Plc LLC Dept Univ Assn No Nos vs etc approx Mt Ft Ave Blvd",
);

export const PREPOSITIONS = set(
  "in on at from of with by for into onto about between among against during under over after before without through toward towards upon within",
);
export const CONJUNCTIONS = set("and or but nor");
export const ARTICLES = set("the a an");
export const MODALS = set("will would shall should can could may might must");

/** Finite or base verbs that cannot directly follow a preposition in well-formed prose. */
export const BARE_VERBS = set(
  "say says said get gets come comes go goes make makes is are was were be will would should could can may might must has have had do does did take takes give gives send sends want wants",
);

export const PRONOUNS = set("he she they it we i you him her them his their its");

/** Nouns of statement that take a "that"-clause: "his suggestion that ...". */
export const STATEMENT_NOUNS = set(
  "suggestion suggestions claim claims warning warnings statement assertion argument threat threats promise pledge insistence announcement admission belief view contention vow declaration assurance assurances insistence allegation allegations prediction forecast acknowledgment acknowledgement denial",
);

/** Words that make a capitalised run a title rather than a name. */
export const TITLE_WORDS = set(`
President Vice Prime Minister Ministers Secretary General Chancellor Adviser Advisor Security National Senator Sen.
Representative Rep. Governor Gov. Mayor Director Chief Executive Officer CEO CFO COO CTO Chairman Chairwoman Chair Chairperson
Spokesman Spokeswoman Spokesperson Ambassador Commissioner Judge Justice Professor Prof. Dr. Mr. Mrs. Ms. Coach Manager
Captain Capt. Admiral Adm. Colonel Col. Lt. Lieutenant Gen. Sgt. Sergeant Major Maj. King Queen Prince Princess Pope Rev.
Deputy Acting Assistant Attorney Speaker Leader Majority Minority Head Commander Founder Co-founder Cofounder Premier
Foreign Defense Defence Finance Treasury Interior Health State Trade Commerce Energy Education Labor Labour Economy
Environment Agriculture Transport Transportation Homeland Intelligence Staff Joint Chiefs Senior Top Former Chief
Economist Analyst Researcher Scientist Editor Director-General Secretary-General Striker Midfielder Defender Goalkeeper
Forward Quarterback Pitcher Player Manager Owner Partner Lawyer Detective Inspector Superintendent Officer Minister-President
Emperor Sheikh Crown Field Marshal Air Chief-of-Staff Undersecretary Under Commander-in-Chief Ombudsman Auditor Comptroller
Councillor Councilman Councilwoman Assemblyman Assemblywoman Lawmaker MP MEP PM Deputy-Minister Rabbi Imam Archbishop Bishop Cardinal
`);

/** Words marking an organisation name. */
export const ORG_WORDS = set(`
Corp. Corp Inc. Inc Co. Ltd. Ltd LLC Plc PLC Group Ministry Department Pentagon Kremlin House Commission Council Agency Bank
University Institute Institution Association Committee Party Union Office Foundation Organization Organisation Court Parliament
Congress Senate Government Administration Army Navy Police Club Team FC League Federation Board Authority Service Services Center
Centre Laboratory Laboratories Lab Labs Hospital Fund Airlines Airways Motors Technologies Systems Industries Holdings Company
Corporation Network Times Post Journal Press Reuters Agency Alliance Coalition Forces Force Command Cabinet Secretariat
Reserve Exchange Bureau Directorate Assembly Tribunal Observatory Trust Society Academy College School Museum Studio Studios
Electric Energy Pharmaceuticals Partners Capital Securities Ventures Media Broadcasting Newspaper Magazine
Programme Program Initiative Project Forum Mission Council Caucus Conference Summit Bloc Federation Consortium Collective Campaign
Fleet Corps Brigade Division Battalion Regiment Squadron Guard Marines
Shipping Logistics Foods Brands Mining Petroleum Insurance Telecom Communications Automotive Railways Utilities Pharma
Biotech Therapeutics Robotics Aerospace Staff
Radio TV Television Channel News Broadcaster Tribune Herald Gazette Telegraph Guardian Observer Standard Chronicle
`);

/** First words that make a capitalised run a place ("New York", "South Korea"). */
export const PLACE_WORDS = set(`
New San Santa Los Las North South East West Northern Southern Eastern Western Central Saint St. Port Fort Mount Lake Cape
Street Avenue Valley River Sea Ocean Island Islands Bay Gulf Republic Kingdom States Emirates Coast Peninsula Strait Region Province County City
`);

/** Plural heads that make a group speaker: "Russian officials", "G-7 leaders". */
export const GROUP_NOUNS = set(`
officials leaders analysts experts lawmakers legislators researchers scientists residents fans investors critics protesters
economists doctors authorities prosecutors diplomats ministers officers commanders sources spokespeople executives
observers activists witnesses voters members representatives negotiators regulators engineers workers teachers students
parents players coaches managers supporters opponents organizers organisers scholars historians politicians senators
governments groups companies allies militaries troops soldiers delegates advisers advisors aides
people citizens authors colleagues users customers patients families relatives neighbours neighbors
campaigners demonstrators police rescuers responders firefighters agencies countries nations sides
prosecutors lawyers attorneys judges justices jurors officers commentators pundits pollsters bankers
traders strategists forecasters insiders owners operators drivers pilots sailors crews staff employees
`);

/** Singular heads of a definite description that refers back to a person: "the official said". */
export const PERSON_NOUNS = set(`
official minister president spokesman spokeswoman spokesperson senator governor mayor chancellor secretary adviser advisor
analyst expert researcher scientist economist professor director chief executive chairman chairwoman ambassador general
commander lawmaker diplomat coach manager player striker captain judge prosecutor lawyer author founder premier leader
officer envoy negotiator member historian scholar veteran spokesperson source man woman person resident
witness doctor nurse teacher student worker employee driver pilot soldier boxer athlete engineer physician
surgeon attorney defender strategist trader banker owner operator investigator inspector detective
representative delegate aide staffer insider observer commentator activist campaigner organiser organizer
candidate nominee contender victim survivor relative neighbour neighbor parent mother father sister brother
son daughter wife husband friend colleague partner critic supporter rival opponent champion winner
`);

/** Singular heads that refer back to an organisation: "the company said". */
export const ORG_NOUNS = set(
  `company firm agency ministry department government administration organization organisation group bank
  club team alliance bloc court committee council union party institute university carmaker maker startup
  retailer airline regulator military army navy service utility network newspaper paper broadcaster channel
  station watchdog board federation association body authority office embassy force campaign coalition
  commission fund tribunal league outlet publisher lab laboratory school hospital charity cabinet
  parliament legislature junta regime militia movement exchange insurer lender automaker manufacturer
  developer operator chain brand label studio consortium syndicate directorate secretariat command`,
);

/** Documents that speak for their authors: "the release said", "a letter from the group said". */
export const DOC_NOUNS = set(
  `statement statements release releases letter letters report reports note notes memo memos website site
  communique communiqué filing filings indictment complaint lawsuit study studies survey surveys review
  reviews document documents draft post posts tweet tweets message messages email emails commentary
  editorial analysis assessment paper plan budget proposal ruling judgment judgement verdict order decree
  notice announcement transcript blog bulletin briefing brief affidavit petition motion submission guidance`,
);

export const MONTHS = set(
  "January February March April May June July August September October November December Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.",
);
export const WEEKDAYS = set("Monday Tuesday Wednesday Thursday Friday Saturday Sunday");

/** Capitalised words that start sentences and are never names. */
export const NON_NAME_CAPITALS = set(`
The A An This That These Those It Its He She They We I You His Her Their Our My Your But And Or Nor So Yet For
In On At From Of With By Into About After Before During Under Over Since Until While When Where Why How What Which Who
If As Although Though Because Once Despite Still Even Also Then There Here Now Many Most Some Any All Both Each Every
No Not Nearly Almost Just Only More Less Last Next First Second Third New Other Another Such Several Few
Earlier Later Meanwhile However Yet Instead Indeed Asked Speaking According Like Unlike Among Between Through Under
Mr Mrs Ms Dr Sir Madam Yes Okay OK
`);

/** Common place names used to recognise "place" facts. A short list; unknown places are simply not asked about. */
export const PLACES = set(`
Ukraine Russia Kyiv Kiev Moscow Poland Germany France Britain England Scotland Wales Ireland Italy Spain Portugal Netherlands
Belgium Sweden Finland Norway Denmark Estonia Latvia Lithuania Belarus Moldova Romania Hungary Slovakia Czech Austria Switzerland
Greece Turkey Israel Gaza Iran Iraq Syria Lebanon Jordan Egypt Saudi Qatar Yemen China Beijing Taiwan Japan Tokyo Korea Seoul
India Pakistan Afghanistan Australia Canada Mexico Brazil Argentina Chile Colombia Venezuela Nigeria Kenya Ethiopia Africa Europe
Asia America Washington London Paris Berlin Brussels Rome Madrid Warsaw Geneva Vienna Stockholm Oslo Helsinki Kharkiv Odesa Kherson
Donetsk Luhansk Crimea Mariupol Bakhmut Zaporizhzhia Lviv Dnipro California Texas Florida York Chicago Boston Houston Seattle
Atlanta Tehran Baghdad Damascus Jerusalem Cairo Delhi Mumbai Shanghai Singapore Sydney Toronto Ottawa Vancouver Geneva Davos
`);
