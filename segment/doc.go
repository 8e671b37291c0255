// Package segment splits news text into tokens, paragraphs, quotations and
// sentences: the segment.Doc that every later pass of parley reads.
// For callers that segment many documents in turn, a Parser does what
// Parse does in the arrays of the document before, and ParseReusing in its
// token array.
//
// # Offsets
//
// Every span is a half-open range [Start, End) of byte offsets into the
// original text, which is never modified or normalised: for every token,
// Text == text[Start:End]. Sentence and paragraph spans start at their
// first token and end at their last, so they never hold leading or trailing
// whitespace. A byte order mark (U+FEFF) and other invisible format
// characters are not tokens and shift no offset. The parley/v1 record
// converts byte offsets to code points at its own boundary.
//
// # Tokens
//
// Whitespace is not a token. The kinds are:
//
//   - Word: letters, digits and combining marks, with inner apostrophes
//     ("don't", "O'Brien", "we’re"), hyphens and ampersands joining word
//     characters ("long-term", "Asia-Pacific", "20-year-old", "AT&T"). A
//     compound is one token: find its parts with strings.Split(t.Text, "-").
//     A word keeps its final period when it is an initialism ("U.S.",
//     "a.m.", "J.P.", "Ph.D."), a listed abbreviation, matched with its
//     case ("Mr.", "Sen.", "Inc.", "No.", "Jan.", "Calif.", also as the last
//     part of a compound: "D-Mass."), or a single capital initial other
//     than "I" ("J."). The possessive or contracted "s" is a Word of its
//     own: "Xi’s" gives "Xi" + "’s" (Norm "'s"), "it's" gives "it" + "'s";
//     an apostrophe after a plural "s" too: "Jones'" gives "Jones" + "'".
//     Other clitics stay in the word ("don't", "we'll"). A leading ’ is
//     part of the word it starts ("’90s", "’em": ’ never opens a
//     quotation), and so is a leading ' before a digit or a listed
//     elision ("'90s", "'em", "'im", "'cause"). A trailing apostrophe after
//     a word not ending in "s" belongs to it ("goin'") unless it closes a
//     single quotation.
//   - Number: digits with decimal points and thousands separators ("4.2",
//     "3,500", "2022"); currency and percent signs are Punct ("$" "3.5",
//     "4.2" "%"). Digits followed by letters are a Word ("4th", "1990s").
//   - Punct: any other single character, and each byte of invalid UTF-8.
//   - QuoteMark: " “ ” « » and the single marks ' ‘ ’ when they are not
//     apostrophes by the rules above. A straight apostrophe after a word
//     closes a quotation when a single quotation is open on the line
//     ('yes'), otherwise it is the possessive or elision apostrophe.
//
// Norm is the text lower-cased, with ’ ‘ mapped to ' and “ ” to ". It is
// the text itself, without a copy, when that is lower-case ASCII already.
// Cap reports an upper-case first letter.
//
// # Paragraphs
//
// A paragraph is a line that holds at least one token; lines end at "\n",
// "\r\n" or "\r", and blank lines make no paragraphs.
//
// # Quotations
//
// Marks pair by family: double marks (“ ” "), single marks (‘ ’ ') and
// guillemets (« »); news text often mixes straight and curly marks ("Yes,”
// he said). A curly mark or guillemet opens or closes as its glyph says,
// unless its neighbours plainly say the opposite (“Mostly False.“ closes).
// A straight mark opens after a space, the start, an opening bracket,
// dash, slash or opening mark and before a word; it closes after a word or
// punctuation and before a space, punctuation or the end; otherwise it
// closes an open quotation of its family if there is one, and opens one if
// not. A closing mark closes the innermost open quotation of its family;
// the quotations opened inside it end there, unclosed; a closing mark with
// no open quotation of its family is ignored.
//
// A quotation still open at the end of its paragraph goes on when the
// next paragraph starts with an opening mark of the same family (the news
// convention: each paragraph of a long quotation reopens it, only the
// last closes it; the reopening marks lie inside the Quote), or when the
// next mark of its family within the next three paragraphs closes. Any
// other quotation open at a paragraph end ends there unclosed
// (Closed=false), except that a quotation opened by an unclosed straight
// single mark is taken for an apostrophe and dropped, as is a quotation with nothing inside.
// Nested quotations have Parent set to the index of the enclosing one;
// Quotes are sorted by Start. The work is linear in the length of the
// text, however the marks are arranged.
//
// # Sentences
//
// A sentence may end after . ! ? … (or 。！？) or a word that kept its
// period. Closing quotation marks, closing brackets and further
// terminators that follow stay with it ("?!", `lost."`). The sentence
// then ends unless:
//
//   - the break would fall inside a quotation that opens and closes within
//     the paragraph (He said: "It's over. We lost." is one sentence);
//   - the terminator is a title abbreviation ("Mr.", "Sen.", "Gov.",
//     "No.", "vs.");
//   - the terminator is another abbreviation, initialism or initial
//     ("U.S.", "a.m.", "Inc.", "J.") and the next token is neither a
//     strong sentence starter ("The", "In", "She", "But", ...) nor an
//     opening quotation mark: "J.P. Morgan" and "the U.S. would" go on,
//     "the U.S. In 2010" breaks;
//   - the next token is a lower-case word (“Are you serious?” she asked.),
//     a comma, semicolon, colon, closing bracket or dash.
//
// Every paragraph end is a sentence end, and every token belongs to
// exactly one sentence. Sentence.First and Sentence.Last are the
// half-open range of its token indices, Sentence.Paragraph the index of
// its paragraph.
package segment
