package segment

import "strings"

// abbrevClass tells how a period after an abbreviation acts.
type abbrevClass uint8

const (
	_ abbrevClass = iota // 0: not an abbreviation (the map's zero value)
	// titleAbbrev never ends a sentence inside a paragraph: "Mr." "Sen." "No.".
	titleAbbrev
	// finalAbbrev may end a sentence, but only before a strong sentence
	// starter or an opening quotation mark: "Inc." "Calif." "Jan.".
	finalAbbrev
)

// abbrevs are the words (as written, case-sensitive, without the period)
// whose following period belongs to the word.
var abbrevs = map[string]abbrevClass{
	// titles and prefixes: the name or number follows
	"Mr": titleAbbrev, "Mrs": titleAbbrev, "Ms": titleAbbrev, "Messrs": titleAbbrev, "Mmes": titleAbbrev,
	"Dr": titleAbbrev, "Prof": titleAbbrev, "Rev": titleAbbrev, "Hon": titleAbbrev, "Pres": titleAbbrev,
	"Gen": titleAbbrev, "Sen": titleAbbrev, "Rep": titleAbbrev, "Reps": titleAbbrev, "Sens": titleAbbrev,
	"Gov": titleAbbrev, "Lt": titleAbbrev, "Col": titleAbbrev, "Sgt": titleAbbrev, "Capt": titleAbbrev,
	"Adm": titleAbbrev, "Cmdr": titleAbbrev, "Maj": titleAbbrev, "Cpl": titleAbbrev, "Pvt": titleAbbrev,
	"Supt": titleAbbrev, "Insp": titleAbbrev, "Det": titleAbbrev, "Atty": titleAbbrev, "Amb": titleAbbrev,
	"Mt": titleAbbrev, "Ft": titleAbbrev, "No": titleAbbrev, "Nos": titleAbbrev, "vs": titleAbbrev,
	"Fig": titleAbbrev, "Vol": titleAbbrev,

	// may end a sentence
	"St": finalAbbrev, "Jr": finalAbbrev, "Sr": finalAbbrev, "Inc": finalAbbrev, "Corp": finalAbbrev,
	"Co": finalAbbrev, "Ltd": finalAbbrev, "Bros": finalAbbrev, "Dept": finalAbbrev, "Univ": finalAbbrev,
	"Ave": finalAbbrev, "Blvd": finalAbbrev, "Rd": finalAbbrev, "etc": finalAbbrev, "approx": finalAbbrev,
	"Jan": finalAbbrev, "Feb": finalAbbrev, "Mar": finalAbbrev, "Apr": finalAbbrev, "Jun": finalAbbrev,
	"Jul": finalAbbrev, "Aug": finalAbbrev, "Sep": finalAbbrev, "Sept": finalAbbrev, "Oct": finalAbbrev,
	"Nov": finalAbbrev, "Dec": finalAbbrev,
	// US states in the AP style
	"Ala": finalAbbrev, "Ariz": finalAbbrev, "Ark": finalAbbrev, "Calif": finalAbbrev, "Colo": finalAbbrev,
	"Conn": finalAbbrev, "Del": finalAbbrev, "Fla": finalAbbrev, "Ga": finalAbbrev, "Ill": finalAbbrev,
	"Ind": finalAbbrev, "Kan": finalAbbrev, "Ky": finalAbbrev, "La": finalAbbrev, "Md": finalAbbrev,
	"Mass": finalAbbrev, "Mich": finalAbbrev, "Minn": finalAbbrev, "Miss": finalAbbrev, "Mo": finalAbbrev,
	"Mont": finalAbbrev, "Neb": finalAbbrev, "Nev": finalAbbrev, "Okla": finalAbbrev, "Ore": finalAbbrev,
	"Pa": finalAbbrev, "Tenn": finalAbbrev, "Tex": finalAbbrev, "Va": finalAbbrev, "Vt": finalAbbrev,
	"Wash": finalAbbrev, "Wis": finalAbbrev, "Wyo": finalAbbrev,
}

// abbrevFirst and maxAbbrevLen tell the first bytes and the greatest
// length of the abbreviations: most words before a period (the end of a
// sentence) fail these checks, which are cheaper than the map look-up.
var abbrevFirst, maxAbbrevLen = func() (first [256]bool, maxLen int) {
	for w := range abbrevs {
		first[w[0]] = true
		maxLen = max(maxLen, len(w))
	}
	return first, maxLen
}()

// isAbbrev reports whether w is a listed abbreviation.
func isAbbrev(w string) bool {
	if w == "" || len(w) > maxAbbrevLen || !abbrevFirst[w[0]] {
		return false
	}
	_, ok := abbrevs[w]
	return ok
}

// strongStarters are capitalised words that, after an abbreviation that
// may end a sentence ("the U.S. In 2010 ..."), start a new sentence.
var strongStarters = map[string]bool{
	"The": true, "A": true, "An": true, "This": true, "That": true, "These": true, "Those": true,
	"In": true, "On": true, "At": true, "For": true, "From": true, "With": true, "By": true, "Of": true,
	"After": true, "Before": true, "During": true, "Since": true, "Until": true, "When": true,
	"While": true, "If": true, "As": true, "Although": true, "Though": true, "Because": true,
	"But": true, "And": true, "Or": true, "So": true, "Yet": true, "Then": true, "Still": true,
	"However": true, "Meanwhile": true, "Moreover": true, "Earlier": true, "Later": true,
	"He": true, "She": true, "It": true, "They": true, "We": true, "I": true, "You": true,
	"His": true, "Her": true, "Its": true, "Their": true, "Our": true, "My": true, "Your": true,
	"There": true, "Here": true, "What": true, "Who": true, "Why": true, "How": true,
	"Some": true, "Many": true, "Most": true, "All": true, "Both": true, "Each": true,
}

// classOf returns the abbreviation class of a word token that ends with a
// period: listed words, initialisms ("U.S.", "a.m.") and single capital
// initials ("J.") may all end a sentence, titles never.
func classOf(t *Token) abbrevClass {
	w := t.Text[:len(t.Text)-1]
	if i := strings.LastIndexByte(w, '-'); i >= 0 {
		w = w[i+1:]
	}
	if c, ok := abbrevs[w]; ok {
		return c
	}
	return finalAbbrev
}
