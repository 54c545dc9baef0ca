/**
 * Common English given names that are used almost only for one sex, so that "he said" is not read
 * as "Gov. Nikki Haley" nor "she said" as "Anthony LaCalamita". Names given to both (Kelly, Jordan,
 * Lindsey, Dana, Chris, Jean, Andrea) are in neither list: a speaker whose name is in neither keeps
 * the reading the last speaker gives.
 */
const FEMALE_NAMES = new Set(
  `abigail alice alicia alison allison amanda amber amy andrea angela ann anna anne ashley barbara becky betsy betty beverly brenda
  brittany carmen carol caroline carolyn catherine cathy cheryl christina christine cindy claire claudia colleen cynthia daisy
  debbie deborah debra denise diana diane donna doris dorothy edith eileen elaine eleanor elizabeth ellen emily emma erica erin
  esther evelyn faith gloria grace hannah heather heidi helen hillary holly irene jacqueline janet janice jennifer jessica jill
  joanne josephine joyce judith judy julia julie justine kamala karen kate katherine kathleen kathryn kathy katie kimberly
  kristen laura lauren linda lisa liz lorraine louise lucy lynn margaret maria marie marilyn martha mary maxine megan melanie
  melissa michelle monica nancy natalie nicole nikki olivia pamela patricia paula peggy phyllis rachel rebecca rita rosa rose
  ruth samantha sandra sarah sharon sheila shirley sonia sophia stephanie susan suzanne tammy teresa theresa tiffany tina valerie
  vanessa victoria virginia wanda wendy yvonne`.split(/\s+/),
);

const MALE_NAMES = new Set(
  `aaron adam alan albert alexander andrew anthony arthur barack benjamin bernard bill billy bob bobby brandon brett brian bruce
  bryan carl carlos charles charlie chuck craig dale daniel darren david dennis derek donald douglas dustin earl edward eric
  ernest eugene frank fred gary george gerald gordon gregory harold harry henry howard jack jacob james jason jeffrey jeremy
  jerry jesse jim jimmy joe joel john johnny jonathan joseph joshua juan justin keith kenneth kevin kyle larry lawrence louis
  luke marcus mark martin matthew michael mike mitch mitt nathan nicholas patrick paul peter philip ralph randy raymond richard
  rick robert roger ronald roy russell ryan samuel scott sean stanley steve steven ted terrence thomas timothy todd tony travis
  victor vincent walter wayne william willie zachary`.split(/\s+/),
);

/** The sex a person's given name tells, when the name is a given name and a surname ("Nikki Haley", "Gov. Nikki Haley"). */
export function sexOfGivenName(speaker: string): 'female' | 'male' | undefined {
  // "Brandon Greene's mother" is someone's relation, whose sex the relation tells
  if (/['’]s\b/.test(speaker)) return undefined;
  const names = speaker.match(/\p{Lu}[\p{L}'’-]*\.?/gu) ?? [];
  // Titles and initials before the given name; a surname alone tells nothing ("Ryan", "Wayne").
  const given = names.filter((name) => !name.endsWith('.') && !TITLES.has(name.toLowerCase()));
  if (given.length < 2) return undefined;
  const first = given[0].toLowerCase();
  return FEMALE_NAMES.has(first) ? 'female' : MALE_NAMES.has(first) ? 'male' : undefined;
}

const TITLES = new Set(
  'gov governor sen senator rep representative president vice secretary speaker leader mayor judge justice chief officer deputy sheriff sergeant lieutenant captain detective attorney general dr doctor prof professor pastor rev reverend police state county city house senate majority minority former u.s'.split(' '),
);
