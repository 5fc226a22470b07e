/**
 * Curated gazetteer of weapon systems and equipment, as data. Named systems are matched
 * case-sensitively on word boundaries (so "patriot" the word is not "Patriot" the system);
 * generic classes are matched case-insensitively as noun phrases. Only the name and category
 * come from here: what happened to a system is always read from the article text.
 *
 * Sources: common names of systems in public reporting on recent conflicts and defence
 * procurement (US DoD fact sheets, NATO and manufacturer names). Extend by adding rows.
 */

export type NamedSystem = { name: string; pattern: string; category: string };
export type GenericSystem = { key: string; pattern: string; category: string };

export const NAMED_SYSTEMS: NamedSystem[] = [
  { name: "Javelin", pattern: "Javelins?", category: "anti-tank missile" },
  { name: "NLAW", pattern: "NLAWs?", category: "anti-tank missile" },
  { name: "TOW", pattern: "TOW(?= (?:missiles?|anti-tank))", category: "anti-tank missile" },
  { name: "Stinger", pattern: "Stingers?", category: "anti-aircraft missile" },
  { name: "HIMARS", pattern: "HIMARS|M142s?", category: "artillery rocket system" },
  { name: "MLRS", pattern: "M270s?|MLRS", category: "artillery rocket system" },
  { name: "GMLRS", pattern: "GMLRS", category: "munition" },
  { name: "ATACMS", pattern: "ATACMS", category: "ballistic missile" },
  {
    name: "NASAMS",
    pattern: "NASAMS|National Advanced Surface-to-Air Missile Systems?",
    category: "air defense system",
  },
  {
    name: "Patriot",
    pattern: "Patriots?(?= (?:missiles?|air|systems?|batter|launchers?|interceptors?|units?))|Patriot",
    category: "air defense system",
  },
  { name: "IRIS-T", pattern: "IRIS-T(?: SLM)?", category: "air defense system" },
  { name: "Gepard", pattern: "Gepards?", category: "anti-aircraft gun" },
  { name: "S-300", pattern: "S-300s?", category: "air defense system" },
  { name: "S-400", pattern: "S-400s?", category: "air defense system" },
  { name: "Iron Dome", pattern: "Iron Dome", category: "air defense system" },
  { name: "THAAD", pattern: "THAAD", category: "air defense system" },
  { name: "SAMP/T", pattern: "SAMP/T", category: "air defense system" },
  {
    name: "Hawk",
    pattern: "HAWK|Hawk(?= (?:missiles?|air|systems?|batter))",
    category: "air defense system",
  },
  { name: "Abrams", pattern: "(?:M1(?:A1|A2)? )?Abrams", category: "battle tank" },
  { name: "Leopard", pattern: "Leopards?(?: [12](?:A\\d)?s?)?", category: "battle tank" },
  { name: "Challenger 2", pattern: "Challenger 2s?|Challengers?(?= tanks?)", category: "battle tank" },
  { name: "T-72", pattern: "T-72s?", category: "battle tank" },
  { name: "T-90", pattern: "T-90s?", category: "battle tank" },
  { name: "Bradley", pattern: "Bradleys?", category: "infantry fighting vehicle" },
  { name: "Marder", pattern: "Marders?", category: "infantry fighting vehicle" },
  { name: "Stryker", pattern: "Strykers?", category: "armored vehicle" },
  { name: "Humvee", pattern: "Humvees?", category: "armored vehicle" },
  { name: "M113", pattern: "M113s?", category: "armored personnel carrier" },
  { name: "F-16", pattern: "F-16s?", category: "fighter jet" },
  { name: "F-35", pattern: "F-35s?", category: "fighter jet" },
  { name: "MiG-29", pattern: "MiG-29s?", category: "fighter jet" },
  { name: "Su-25", pattern: "Su-25s?", category: "attack aircraft" },
  { name: "Gripen", pattern: "Gripens?", category: "fighter jet" },
  { name: "Mirage 2000", pattern: "Mirage(?: 2000)?s?", category: "fighter jet" },
  { name: "Eurofighter Typhoon", pattern: "Eurofighters?(?: Typhoons?)?", category: "fighter jet" },
  { name: "Bayraktar TB2", pattern: "Bayraktars?(?: TB2s?)?|TB2s?", category: "drone" },
  { name: "Switchblade", pattern: "Switchblades?", category: "drone" },
  { name: "Phoenix Ghost", pattern: "Phoenix Ghosts?", category: "drone" },
  { name: "Shahed", pattern: "Shahed(?:-\\d+)?s?", category: "drone" },
  { name: "Lancet", pattern: "Lancets?(?= drones?)", category: "drone" },
  { name: "MQ-9 Reaper", pattern: "MQ-9(?: Reapers?)?|Reapers?(?= drones?)", category: "drone" },
  { name: "Storm Shadow", pattern: "Storm Shadows?", category: "cruise missile" },
  { name: "Taurus", pattern: "Taurus(?= (?:missiles?|cruise))", category: "cruise missile" },
  { name: "Tomahawk", pattern: "Tomahawks?", category: "cruise missile" },
  { name: "Kalibr", pattern: "Kalibrs?", category: "cruise missile" },
  { name: "Kinzhal", pattern: "Kinzhals?", category: "hypersonic missile" },
  { name: "Iskander", pattern: "Iskanders?", category: "ballistic missile" },
  { name: "Harpoon", pattern: "Harpoons?", category: "anti-ship missile" },
  { name: "Neptune", pattern: "Neptune(?= (?:missiles?|anti-ship|cruise))", category: "anti-ship missile" },
  { name: "M777", pattern: "M777s?", category: "howitzer" },
  {
    name: "Caesar",
    pattern: "CAESAR|Caesars?(?= (?:howitzers?|self-propelled|guns?|artillery))",
    category: "howitzer",
  },
  { name: "PzH 2000", pattern: "PzH 2000s?|Panzerhaubitze 2000", category: "howitzer" },
  { name: "Claymore", pattern: "Claymores?", category: "mine" },
  { name: "Excalibur", pattern: "Excalibur", category: "munition" },
  { name: "JDAM", pattern: "JDAMs?", category: "munition" },
  { name: "HARM", pattern: "HARMs?|AGM-88s?", category: "anti-radiation missile" },
  { name: "Apache", pattern: "AH-64s?|Apaches?(?= (?:attack )?helicopters?)", category: "helicopter" },
  { name: "Black Hawk", pattern: "Black ?Hawks?", category: "helicopter" },
];

// Evaluative or origin adjectives that may precede a generic class; kept in the name, dropped from the key.
export const GENERIC_PREFIX =
  "(?:(?:more|even|new|newer|advanced|modern|sophisticated|additional|older|heavy|heavier|lightweight|powerful|Western-supplied|Western-made|US-made|Soviet-era|Russian-made|long-range|longer-range|short-range|medium-range)\\s+)*";

export const GENERIC_SYSTEMS: GenericSystem[] = [
  {
    key: "weapons of mass destruction",
    pattern:
      "(?:(?:chemical|biological|nuclear|radiological)(?:,\\s*|\\s+(?:or|and)\\s+)){1,3}(?:chemical|biological|nuclear|radiological) weapons",
    category: "weapons of mass destruction",
  },
  {
    key: "nuclear weapons",
    pattern: "(?:tactical |strategic )?nuclear (?:weapons|warheads|arms)",
    category: "nuclear weapon",
  },
  { key: "chemical weapons", pattern: "chemical weapons", category: "weapons of mass destruction" },
  { key: "battle tanks", pattern: "(?:main )?battle tanks?", category: "battle tank" },
  { key: "tanks", pattern: "(?<!think |fuel |water |septic |oil )tanks", category: "tank" },
  {
    key: "fighter jets",
    pattern: "(?:fighter (?:jets|planes|aircraft)|warplanes|combat aircraft)",
    category: "aircraft",
  },
  { key: "attack helicopters", pattern: "(?:attack )?helicopters", category: "helicopter" },
  { key: "howitzers", pattern: "(?:self-propelled )?howitzers", category: "artillery" },
  { key: "artillery shells", pattern: "artillery (?:shells|rounds|ammunition)", category: "munition" },
  { key: "armored personnel carriers", pattern: "armou?red personnel carriers", category: "armored vehicle" },
  { key: "infantry fighting vehicles", pattern: "infantry fighting vehicles", category: "armored vehicle" },
  { key: "armored vehicles", pattern: "armou?red vehicles", category: "armored vehicle" },
  { key: "suicide drones", pattern: "(?:suicide|kamikaze|loitering) drones", category: "drone" },
  { key: "armed drones", pattern: "(?:armed|attack|combat) drones", category: "drone" },
  { key: "drones", pattern: "(?:surveillance |reconnaissance )?drones", category: "drone" },
  {
    key: "air defense",
    pattern: "air[- ]defen[cs]es?(?: systems?| batter(?:y|ies)| missiles?)?",
    category: "air defense",
  },
  { key: "anti-missile systems", pattern: "anti-missile systems?", category: "air defense" },
  {
    key: "anti-aircraft missiles",
    pattern: "anti-aircraft (?:missiles|guns|systems)",
    category: "air defense",
  },
  { key: "anti-tank missiles", pattern: "anti-tank (?:missiles|weapons)", category: "anti-tank missile" },
  { key: "ballistic missiles", pattern: "ballistic missiles", category: "missile" },
  { key: "cruise missiles", pattern: "cruise missiles", category: "missile" },
  { key: "long-range missiles", pattern: "long-range (?:missiles|rockets|weapons)", category: "missile" },
  { key: "cluster munitions", pattern: "cluster (?:munitions|bombs)", category: "munition" },
  { key: "landmines", pattern: "(?:land ?mines|anti-personnel mines|anti-tank mines)", category: "mine" },
  { key: "rocket launchers", pattern: "(?:multiple )?rocket launchers", category: "artillery rocket system" },
  { key: "warships", pattern: "warships", category: "naval vessel" },
  { key: "submarines", pattern: "submarines", category: "naval vessel" },
];

/** Class words that may follow a named system and belong to its mention: "Javelin anti-tank missiles". */
export const NAMED_DESCRIPTOR =
  "(?:\\s+(?:(?:anti-tank|anti-aircraft|anti-missile|anti-ship|air[- ]defen[cs]e|artillery|rocket|missile|main|battle|fighter|cruise|ballistic|surface-to-air|self-propelled|attack|infantry|fighting)\\s+)*(?:missiles?|systems?|rockets?|tanks?|launchers?|jets?|munitions?|batter(?:y|ies)|howitzers?|drones?|vehicles?|helicopters?|guns?|mines?|shells?|planes?|aircraft))?";
