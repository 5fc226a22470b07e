/**
 * Weapon-system vocabulary, as data. Systems are found by their shapes (system-shapes.ts): model
 * designations, ship prefixes, "Type 055", a name before a weapon word, "dubbed X". This file
 * gives those shapes their words and categories, plus a gazetteer of widely known systems whose
 * names have no shape of their own (Javelin, Iron Dome). Only names and categories come from
 * here: what happened to a system is always read from the article text (system-status.ts).
 *
 * Sources: common names in public reporting on recent conflicts and defence procurement (US DoD
 * fact sheets, the US tri-service and Russian/Chinese designation systems, NATO and manufacturer
 * names). Extend by adding rows.
 */

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

export type NamedSystem = { name: string; pattern: string; category: string };

/**
 * Named systems matched case-sensitively on word boundaries ("patriot" the word is not "Patriot"
 * the system). A name that is also a common word or surname carries a lookahead for its weapon
 * word; every match still needs military context in the article (see system-shapes.ts).
 */
export const NAMED_SYSTEMS: NamedSystem[] = [
  { name: "Javelin", pattern: "Javelins?", category: "anti-tank missile" },
  { name: "NLAW", pattern: "NLAWs?", category: "anti-tank missile" },
  { name: "TOW", pattern: "TOW(?= (?:missiles?|anti-tank))", category: "anti-tank missile" },
  { name: "Kornet", pattern: "Kornets?", category: "anti-tank missile" },
  { name: "Carl Gustaf", pattern: "Carl Gustaf", category: "recoilless rifle" },
  { name: "Stinger", pattern: "Stingers?", category: "anti-aircraft missile" },
  { name: "HIMARS", pattern: "HIMARS|M142s?", category: "artillery rocket system" },
  { name: "MLRS", pattern: "M270s?|MLRS", category: "artillery rocket system" },
  { name: "GMLRS", pattern: "GMLRS", category: "munition" },
  { name: "GLSDB", pattern: "GLSDBs?", category: "guided bomb" },
  { name: "ATACMS", pattern: "ATACMS", category: "ballistic missile" },
  {
    name: "Grad",
    pattern: "Grad(?= (?:rockets?|multiple|launchers?|systems?))",
    category: "artillery rocket system",
  },
  {
    name: "NASAMS",
    pattern: "NASAMS|National Advanced Surface-to-Air Missile Systems?",
    category: "air defense system",
  },
  {
    name: "Patriot",
    pattern: "(?<!England )Patriots?(?! (?:Act|Front|League|Party|Games|Day|Place|Way|Center|Centre))",
    category: "air defense system",
  },
  { name: "IRIS-T", pattern: "IRIS-T(?: SLM)?", category: "air defense system" },
  { name: "Gepard", pattern: "Gepards?", category: "anti-aircraft gun" },
  { name: "Iron Dome", pattern: "Iron Dome", category: "air defense system" },
  { name: "David's Sling", pattern: "David's Sling", category: "air defense system" },
  { name: "THAAD", pattern: "THAAD", category: "air defense system" },
  {
    name: "Aegis",
    pattern: "Aegis(?= (?:combat|missile|system|destroyers?|Ashore))",
    category: "air defense system",
  },
  { name: "SAMP/T", pattern: "SAMP/T", category: "air defense system" },
  {
    name: "Buk",
    pattern: "Buk(?= (?:missiles?|air|systems?|launchers?|batter))",
    category: "air defense system",
  },
  { name: "Pantsir", pattern: "Pantsirs?", category: "air defense system" },
  {
    name: "Hawk",
    pattern: "HAWK|Hawk(?= (?:missiles?|air|systems?|batter))",
    category: "air defense system",
  },
  { name: "Abrams", pattern: "(?:M1(?:A1|A2)? )?Abrams", category: "battle tank" },
  { name: "Leopard", pattern: "Leopards?(?: [12](?:A\\d)?s?)?", category: "battle tank" },
  { name: "Challenger 2", pattern: "Challenger 2s?|Challengers?(?= tanks?)", category: "battle tank" },
  { name: "Merkava", pattern: "Merkavas?", category: "battle tank" },
  {
    name: "Bradley",
    pattern: "Bradleys?(?= (?:fighting|infantry|armou?red|vehicles?|IFVs?))",
    category: "infantry fighting vehicle",
  },
  { name: "Marder", pattern: "Marders?", category: "infantry fighting vehicle" },
  {
    name: "Stryker",
    pattern: "Strykers?(?= (?:armou?red|vehicles?|combat|brigade))",
    category: "armored vehicle",
  },
  { name: "Humvee", pattern: "Humvees?", category: "armored vehicle" },
  { name: "M113", pattern: "M113s?", category: "armored personnel carrier" },
  { name: "Gripen", pattern: "Gripens?", category: "fighter jet" },
  { name: "Rafale", pattern: "Rafales?", category: "fighter jet" },
  { name: "Mirage 2000", pattern: "Mirage 2000s?|Mirages?(?= (?:jets?|fighters?))", category: "fighter jet" },
  { name: "Eurofighter Typhoon", pattern: "Eurofighters?(?: Typhoons?)?", category: "fighter jet" },
  { name: "Tornado", pattern: "Tornado(?= (?:jets?|fighters?|aircraft|bombers?))", category: "fighter jet" },
  { name: "Bayraktar TB2", pattern: "Bayraktar TB2s?|Bayraktars?(?= drones?)|TB2s?", category: "drone" },
  { name: "Switchblade", pattern: "Switchblades?", category: "drone" },
  { name: "Phoenix Ghost", pattern: "Phoenix Ghosts?", category: "drone" },
  { name: "Shahed", pattern: "Shahed(?:-\\d+)?s?", category: "drone" },
  { name: "Geran", pattern: "Geran(?:-\\d)?s?(?= drones?)|Geran-\\d", category: "drone" },
  { name: "Lancet", pattern: "Lancets?(?= drones?)", category: "drone" },
  { name: "Orlan", pattern: "Orlan(?:-\\d+)?s?(?= drones?)|Orlan-\\d+", category: "drone" },
  { name: "MQ-9 Reaper", pattern: "MQ-9(?: Reapers?)?|Reapers?(?= drones?)", category: "drone" },
  { name: "Storm Shadow", pattern: "Storm Shadows?", category: "cruise missile" },
  { name: "SCALP", pattern: "SCALP(?:-EG)?", category: "cruise missile" },
  { name: "Taurus", pattern: "Taurus(?= (?:missiles?|cruise))", category: "cruise missile" },
  { name: "Tomahawk", pattern: "Tomahawks?", category: "cruise missile" },
  { name: "Kalibr", pattern: "Kalibrs?", category: "cruise missile" },
  { name: "Kinzhal", pattern: "Kinzhals?", category: "hypersonic missile" },
  { name: "Zircon", pattern: "Zircons?(?= (?:hypersonic|missiles?))", category: "hypersonic missile" },
  { name: "Iskander", pattern: "Iskanders?", category: "ballistic missile" },
  { name: "Harpoon", pattern: "Harpoons?", category: "anti-ship missile" },
  { name: "Exocet", pattern: "Exocets?", category: "anti-ship missile" },
  { name: "Neptune", pattern: "Neptune(?= (?:missiles?|anti-ship|cruise))", category: "anti-ship missile" },
  { name: "M777", pattern: "M777s?", category: "howitzer" },
  {
    name: "Caesar",
    pattern: "CAESAR|Caesars?(?= (?:howitzers?|self-propelled|guns?|artillery))",
    category: "howitzer",
  },
  { name: "PzH 2000", pattern: "PzH 2000s?|Panzerhaubitze 2000", category: "howitzer" },
  { name: "Claymore", pattern: "Claymores?", category: "mine" },
  {
    name: "Excalibur",
    pattern: "Excalibur(?= (?:shells?|rounds?|munitions?|artillery|guided))",
    category: "munition",
  },
  { name: "JDAM", pattern: "JDAMs?", category: "guided bomb" },
  { name: "HARM", pattern: "HARMs?|AGM-88s?", category: "anti-radiation missile" },
  { name: "Apache", pattern: "AH-64s?|Apaches?(?= (?:attack )?helicopters?)", category: "attack helicopter" },
  {
    name: "Black Hawk",
    pattern: "Black Hawks?(?= (?:helicopters?|choppers?))|UH-60s?",
    category: "helicopter",
  },
  { name: "Chinook", pattern: "Chinooks?|CH-47s?", category: "helicopter" },
];

/**
 * Special generic classes whose words do not follow the usual "modifiers + head" shape:
 * coordinated weapons of mass destruction. Matched case-insensitively.
 */
export const SPECIAL_GENERICS: { key: string; pattern: string; category: string }[] = [
  {
    key: "weapons of mass destruction",
    pattern:
      "(?:(?:chemical|biological|nuclear|radiological)(?:,\\s*|\\s+(?:or|and)\\s+)){1,3}(?:chemical|biological|nuclear|radiological) weapons",
    category: "weapons of mass destruction",
  },
  {
    key: "weapons of mass destruction",
    pattern: "weapons of mass destruction",
    category: "weapons of mass destruction",
  },
];

export type Family = {
  category: string;
  /**
   * "strict": the letters are common outside the military (F-1 visa, B-12, C-section, T-shirt) or
   * short; a match needs a weapon word next to it or a military word in its sentence.
   * "known": distinctive letters (AGM, GBU, MiG, MQ); a military word nearby or a defence article is enough.
   * "hull": a ship's hull number (DDG-51), kept only inside a ship's name or before a class noun.
   */
  tier: "strict" | "known" | "hull";
};

const fam = (category: string, tier: Family["tier"] = "known"): Family => ({ category, tier });

/**
 * Letter families of military model designations ("F-16", "AGM-114", "Su-25", "S-400"), by the
 * letters before the hyphen. Case matters ("Su", "MiG", "Kh").
 */
export const DESIGNATION_FAMILIES: Record<string, Family> = {
  // US tri-service aircraft designations (mission letters)
  F: fam("fighter jet", "strict"),
  "F/A": fam("fighter jet"),
  FA: fam("fighter jet", "strict"),
  A: fam("attack aircraft", "strict"),
  AV: fam("attack aircraft", "strict"),
  AC: fam("gunship", "strict"),
  B: fam("bomber", "strict"),
  C: fam("military transport aircraft", "strict"),
  KC: fam("tanker aircraft"),
  E: fam("surveillance aircraft", "strict"),
  EA: fam("electronic warfare aircraft"),
  EC: fam("electronic warfare aircraft", "strict"),
  RC: fam("reconnaissance aircraft", "strict"),
  P: fam("maritime patrol aircraft", "strict"),
  U: fam("reconnaissance aircraft", "strict"),
  SR: fam("reconnaissance aircraft", "strict"),
  T: fam("battle tank", "strict"),
  V: fam("tiltrotor aircraft", "strict"),
  CV: fam("tiltrotor aircraft", "strict"),
  MV: fam("tiltrotor aircraft", "strict"),
  X: fam("experimental aircraft", "strict"),
  AH: fam("attack helicopter"),
  UH: fam("helicopter"),
  CH: fam("helicopter", "strict"),
  MH: fam("helicopter", "strict"),
  HH: fam("helicopter", "strict"),
  SH: fam("helicopter", "strict"),
  OH: fam("helicopter", "strict"),
  MQ: fam("drone"),
  RQ: fam("drone"),
  // US missiles, rockets and bombs
  AGM: fam("air-to-surface missile"),
  AIM: fam("air-to-air missile"),
  RIM: fam("ship-launched missile"),
  UGM: fam("submarine-launched missile"),
  BGM: fam("cruise missile"),
  LGM: fam("intercontinental ballistic missile"),
  MGM: fam("missile"),
  SM: fam("ship-launched missile", "strict"),
  PAC: fam("air defense missile", "strict"),
  GBU: fam("guided bomb"),
  CBU: fam("cluster bomb"),
  BLU: fam("bomb"),
  // Russian / Soviet
  Su: fam("fighter jet"),
  MiG: fam("fighter jet"),
  Tu: fam("bomber"),
  Il: fam("military transport aircraft", "strict"),
  An: fam("military transport aircraft", "strict"),
  Yak: fam("military aircraft", "strict"),
  Mi: fam("helicopter"),
  Ka: fam("helicopter"),
  Kh: fam("air-launched missile"),
  KAB: fam("guided bomb"),
  FAB: fam("bomb"),
  S: fam("air defense system", "strict"),
  R: fam("missile", "strict"),
  RS: fam("intercontinental ballistic missile", "strict"),
  SS: fam("missile", "strict"),
  SA: fam("air defense system", "strict"),
  BMP: fam("infantry fighting vehicle"),
  BTR: fam("armored personnel carrier"),
  BMD: fam("airborne fighting vehicle"),
  BM: fam("artillery rocket system", "strict"),
  TOS: fam("artillery rocket system", "strict"),
  ZSU: fam("anti-aircraft gun"),
  PT: fam("battle tank", "strict"),
  // Chinese
  J: fam("fighter jet", "strict"),
  H: fam("bomber", "strict"),
  Y: fam("military transport aircraft", "strict"),
  KJ: fam("airborne early warning aircraft"),
  DF: fam("ballistic missile"),
  JL: fam("submarine-launched ballistic missile", "strict"),
  YJ: fam("anti-ship missile"),
  HQ: fam("air defense system", "strict"),
  PL: fam("air-to-air missile", "strict"),
  CJ: fam("cruise missile", "strict"),
  WZ: fam("drone", "strict"),
  GJ: fam("drone", "strict"),
  ZTZ: fam("battle tank"),
  // Korean
  KN: fam("ballistic missile"),
  KF: fam("fighter jet", "strict"),
  // Hull classification symbols: identify ships, not weapons on their own
  DDG: fam("destroyer", "hull"),
  CVN: fam("aircraft carrier", "hull"),
  CG: fam("cruiser", "hull"),
  FFG: fam("frigate", "hull"),
  LHA: fam("amphibious assault ship", "hull"),
  LHD: fam("amphibious assault ship", "hull"),
  LPD: fam("amphibious transport dock", "hull"),
  LCS: fam("littoral combat ship", "hull"),
  SSN: fam("attack submarine", "hull"),
  SSBN: fam("ballistic missile submarine", "hull"),
};

/**
 * Letter-number tokens that are never weapons whatever the context: public health, economics,
 * paperwork, roads, visas, vitamins. Checked on the letters before the hyphen (case-insensitive).
 */
export const NOT_DESIGNATION_PREFIXES = words(`
covid sars mers g form model title section article chapter rule route i us uk eu un k w n m d
pm iso ipv wi gen web ms cop mp ar ak mac glock tec sp nyse covax
`);

/** A designation whose exact form is a well-known non-weapon (the F-1 visa, the B-52s band). */
export const NOT_DESIGNATIONS = words("F-1 J-1 H-1B H-2A H-2B L-1 O-1 A-1 E-3 E-4 E-5 E-6 E-7 E-8 E-9");

/** Ship prefixes. "strong" ones are unambiguous; the others need military context in the sentence. */
export const SHIP_PREFIXES_STRONG = words(
  "USS USNS USCGC HMS HMAS HMCS HMNZS ROKS HNLMS HDMS HNoMS HSwMS ESPS TCG KRI BRP PNS RFS NRP INS",
);
export const SHIP_PREFIXES_WEAK = words("JS FS ITS SPS ARA BNS KD RSS SAS CNS");

/** Words after a ship's last name-word that show the name is a place, not a ship ("the Philippine Sea"). */
export const GEOGRAPHIC_WORDS = words(
  "Sea Ocean Bay Gulf Strait Straits Island Islands River Lake City Hill Canal Channel Coast Peninsula Harbor Harbour",
);

export type ClassNoun = {
  /** The class (its category word): the key of generic systems. */
  lemma: string;
  category: string;
  /**
   * "weak" classes are common outside the military (a ship, a jet, a vehicle): a generic one
   * needs an owner or a military modifier, and a military word in its sentence.
   */
  weak?: boolean;
  /** "vague" classes (ship, vehicle, system, shell) are weapons only with a military kind word: "patrol boat". */
  vague?: boolean;
  /** Classes that name no particular equipment (weapons, arms, equipment). */
  abstract?: boolean;
};

const cls = (category: string, forms: string, opts: Omit<ClassNoun, "lemma" | "category"> = {}) =>
  forms.split(/\s+/).map((f) => [f, { lemma: category, category, ...opts }] as const);

/** Head nouns of weapon classes, singular and plural, lower case. */
export const CLASS_NOUNS: Map<string, ClassNoun> = new Map([
  ...cls("missile", "missile missiles"),
  ...cls("rocket", "rocket rockets", { weak: true }),
  ...cls("drone", "drone drones"),
  ...cls("bomb", "bomb bombs"),
  ...cls("torpedo", "torpedo torpedoes torpedos"),
  ...cls("howitzer", "howitzer howitzers"),
  ...cls("warhead", "warhead warheads"),
  ...cls("munition", "munition munitions"),
  ...cls("interceptor", "interceptor interceptors"),
  ...cls("decoy drone", "decoy decoys", { weak: true }),
  ...cls("artillery", "artillery"),
  ...cls("munition", "ammunition"),
  ...cls("artillery shell", "shell shells", { weak: true, vague: true }),
  ...cls("mine", "mine mines", { weak: true, vague: true }),
  ...cls("mortar", "mortar mortars", { weak: true }),
  ...cls("tank", "tank tanks", { weak: true }),
  ...cls("fighter jet", "jet jets", { weak: true }),
  ...cls("warplane", "warplane warplanes"),
  ...cls("bomber", "bomber bombers"),
  ...cls("aircraft", "aircraft", { weak: true }),
  ...cls("aircraft", "plane planes", { weak: true }),
  ...cls("helicopter", "helicopter helicopters chopper choppers", { weak: true }),
  ...cls("gunship", "gunship gunships"),
  ...cls("destroyer", "destroyer destroyers"),
  ...cls("frigate", "frigate frigates"),
  ...cls("corvette", "corvette corvettes"),
  ...cls("cruiser", "cruiser cruisers"),
  ...cls("warship", "warship warships"),
  ...cls("battleship", "battleship battleships"),
  ...cls("battlecruiser", "battlecruiser battlecruisers"),
  ...cls("submarine", "submarine submarines"),
  ...cls("minesweeper", "minesweeper minesweepers"),
  ...cls("naval vessel", "ship ships vessel vessels boat boats", { weak: true, vague: true }),
  ...cls("aircraft carrier", "carrier carriers", { weak: true, vague: true }),
  ...cls("armored vehicle", "vehicle vehicles", { weak: true, vague: true }),
  ...cls("launcher", "launcher launchers", { weak: true }),
  ...cls("gun", "gun guns cannon cannons", { weak: true, vague: true }),
  ...cls("weapon system", "system systems", { weak: true, vague: true }),
  ...cls("air defense", "air-defense air-defence"),
  ...cls("weapons", "weapon weapons weaponry arms", { abstract: true }),
  ...cls("military equipment", "equipment hardware materiel", { weak: true, vague: true, abstract: true }),
]);

/** Nouns that continue a class head and belong to its mention: "Patriot air defense units". */
export const UNIT_TAILS = words(
  "system systems unit units battery batteries variant variants version versions",
);

/** Event nouns after a class head: the weapon was used ("drone attack", "missile strike"). */
export const EVENT_TAILS = words(
  "attack attacks strike strikes launch launches barrage barrages salvo salvos raid raids fire test tests blast blasts assault assaults",
);

/** Transfer nouns after a class head: "arms transfers", "tank deliveries". */
export const TRANSFER_TAILS = words(
  "transfer transfers shipment shipments supply supplies delivery deliveries sale sales",
);

/**
 * Nouns after a class word that make it a modifier of something that is not a weapon: "drone
 * pilot", "missile factory", "arms race", "tank commander".
 */
export const NON_WEAPON_TAILS = words(`
pilot pilots operator operators maker makers manufacturer manufacturers factory factories plant plants industry
industries program programs programme programmes company companies firm firms crew crews commander commanders
expert experts engineer engineers designer designers production producer producers technology technologies
race control controls embargo embargoes treaty treaties dealer dealers trade trafficking smuggling talks inspector
inspectors site sites range ranges debris fragment fragments remnants parts part fuel engine engines warning warnings
alert alerts siren sirens shield shelter shelters sighting sightings footage videos video photo photos image images
maker's pilot's operators' deal deals market markets licence license licenses licences capability capabilities
threat threats killer killers hunter hunters group groups strike-group top tops farm farms
proliferation reduction reductions limitation limitations ban bans law laws legislation bill bills policy policies permit permits license licenses licence depot depots dump dumps warehouse warehouses
`);

/**
 * Words before a class head that say what kind of weapon it is (they are part of its name and
 * key): "ballistic", "air-to-air", "attack". Unknown lower-case modifiers are treated the same.
 * This set is what makes a weak class (ship, vehicle, system) military.
 */
export const MILITARY_MODIFIERS = words(`
attack assault combat fighter stealth guided guided-missile ballistic cruise hypersonic anti-ship anti-tank
anti-aircraft anti-missile anti-submarine anti-radiation anti-armor anti-armour anti-personnel air-to-air
air-to-surface surface-to-air surface-to-surface ground-to-air air-launched ship-launched land-attack interceptor
interception military naval amphibious littoral armored armoured self-propelled artillery rocket missile mortar
tank nuclear nuclear-powered nuclear-capable nuclear-armed chemical cluster incendiary kamikaze suicide loitering
one-way reconnaissance surveillance spy strike patrol landing warship war battle precision-guided laser-guided
gps-guided radar-guided unmanned uncrewed torpedo underwater bunker-buster bunker-busting intercontinental
medium-range intermediate-range short-range long-range air-defense air-defence defense defence tactical
strategic infantry fighting personnel transport tanker multirole multi-role gun guns machine landmine
smart glide standoff stand-off sea-skimming explosive explosive-laden stealthy attack-helicopter
`);

/**
 * Modifiers that describe rather than classify (dropped from the key, kept in the name):
 * "more", "new", "advanced", "deadly", sizes and ages.
 */
export const EVALUATIVE_MODIFIERS = words(`
more most new newer newest advanced modern sophisticated additional older old heavy heavier light lighter
lightweight powerful deadly lethal cheap cheaper inexpensive low-cost expensive costly large larger small smaller
big bigger major key critical crucial vital much-needed badly-needed needed outdated aging ageing retired
decommissioned damaged fresh further extra various different latest first second third last next other same
such own remaining existing used spare available valuable precious sensitive offensive defensive powerful
enemy hostile rogue incoming covert secret mysterious suspected alleged unidentified unknown several many few
dozens hundreds thousands numerous multiple single lone sole only entire whole huge massive giant tiny unprecedented obsolete precise accurate
`);

/** Adjectives ending in -ed or -ing that can stand before a weapon word (other -ed/-ing words are verbs). */
export const PARTICIPLE_MODIFIERS = words(`
guided armed unmanned uncrewed crewed manned advanced modified upgraded improvised loitering fighting
self-propelled retired decommissioned damaged outdated suspected alleged unidentified used needed sophisticated
armored armoured tracked wheeled towed mounted
`);

/** Owner adjectives not caught by the demonym endings (-ian, -ese, -ish, -i): "US drones", "Houthi missiles". */
export const OWNER_WORDS = words(`
US U.S. USA UK EU NATO American German French Dutch Greek Thai Swiss Danish Finnish Swedish Polish British Irish
Chinese Japanese Taiwanese Vietnamese Lebanese Sudanese Houthi Hamas Hezbollah Taliban Western Soviet Allied
Israeli Iraqi Pakistani Saudi Yemeni Emirati Kuwaiti Qatari Omani Bahraini Afghan Korean Turkish Czech Slovak
Norwegian Russian Ukrainian Iranian Syrian Egyptian Indian Australian Canadian Belarusian Georgian Armenian
Azerbaijani Libyan Somali Kurdish Palestinian Jordanian Italian Spanish Portuguese Belgian Romanian Bulgarian
Hungarian Estonian Latvian Lithuanian Croatian Serbian Philippine Filipino Indonesian Malaysian Brazilian Mexican
Argentine Chilean Colombian Venezuelan Cuban Nigerian Ethiopian Kenyan Chadian Malian
`);

/** Organisation words that may sit between an owner and a weapon ("US Navy destroyer", "Israeli Air Force jets"). */
export const MILITARY_ORG_WORDS = words(
  "Navy Army Air Force Forces Forces Marine Marines Corps Guard Fleet Command Coast Royal Self-Defense Defense Defence",
);

/** Manufacturers: kept out of a system's name ("Boeing's GBU-39" is the GBU-39). */
export const MANUFACTURERS = words(`
Boeing Lockheed Raytheon RTX Northrop Grumman Atomics Kongsberg Saab Rafael Elbit MBDA
Rheinmetall KNDS Dassault Airbus Sukhoi Mikoyan Tupolev Kalashnikov Baykar Hanwha Hyundai BAE Leonardo Thales
Diehl IAI Textron Sikorsky Embraer Krauss-Maffei Wegmann Nexter AeroVironment Anduril
`);

/**
 * Words that make a sentence military: needed around designations from common letter families
 * and around weak classes; two sentences with them make an article a defence article.
 */
export const MILITARY_WORDS = words(`
military militaries army armies navy navies naval marines troops soldiers soldier pentagon war wars warfare
combat airstrike airstrikes air-strike bombing bombings bombardment shelling missile missiles warship warships
warplane warplanes weapon weapons weaponry munitions munition ammunition artillery invasion battlefield
frontline front-line militants militant insurgents insurgency rebels intercepted interceptor interceptors
squadron squadrons fleet bomber bombers sortie sorties hostilities warhead warheads nato idf pla stealth
torpedo torpedoes howitzer howitzers destroyer destroyers frigate frigates submarine submarines warfighting
arsenal arsenals strike-group air-defense air-defence armed-forces fighter-jet fighter-jets drills
`);

/** Next words that make "defense"/"defence" military: "defense minister" but not "defense attorney". */
export const DEFENSE_NEXT = words(
  "minister ministers ministry secretary official officials forces force chief chiefs department budget spending company companies contractor contractors industry system systems pact cooperation ties",
);

/** Words of a sentence about spaceflight: a rocket or launch there is not a weapon. */
export const SPACE_WORDS = words(
  "spacecraft satellite satellites orbit orbital lander landers rover astronaut astronauts nasa spacex esa moon lunar mars spaceport payload payloads capsule launchpad liftoff space-launch blue-origin roscosmos isro jaxa",
);
