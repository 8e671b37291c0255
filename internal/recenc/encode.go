package recenc

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/parleylab/parley"
)

// UnsupportedValueError is returned for a float that JSON cannot represent:
// NaN or ±Inf. json.Marshal fails on the same values.
type UnsupportedValueError struct {
	Field string // the record field, e.g. "attributions.confidence"
	Value float64
}

// Error implements error.
func (e *UnsupportedValueError) Error() string {
	return fmt.Sprintf("recenc: unsupported value %v in %s", e.Value, e.Field)
}

// MetaError is returned for a meta value that is not valid JSON.
// json.Marshal fails on the same values.
type MetaError struct {
	Key string
}

// Error implements error.
func (e *MetaError) Error() string {
	return fmt.Sprintf("recenc: meta %q: value is not valid JSON", e.Key)
}

// AppendDocument appends the JSON encoding of d to dst and returns the
// extended buffer: exactly the bytes of json.Marshal(d), with no newline.
// A nil d is written as null. On error (see the package documentation) it
// returns dst unchanged and the error.
func AppendDocument(dst []byte, d *parley.Document) ([]byte, error) {
	if d == nil {
		return append(dst, "null"...), nil
	}
	e := encoder{buf: dst}
	e.document(d)
	if e.err != nil {
		return dst, e.err
	}
	return e.buf, nil
}

// AppendErrorRecord appends the JSON encoding of r to dst and returns the
// extended buffer: exactly the bytes of json.Marshal(r), with no newline.
// A nil r is written as null.
func AppendErrorRecord(dst []byte, r *parley.ErrorRecord) []byte {
	if r == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, `{"schema":`...)
	dst = appendString(dst, r.Schema)
	dst = append(dst, `,"id":`...)
	dst = appendString(dst, r.ID)
	dst = append(dst, `,"line":`...)
	dst = appendInt(dst, r.Line)
	dst = append(dst, `,"error":`...)
	dst = appendRecordError(dst, &r.Error)
	return append(dst, '}')
}

// encoder holds the buffer and the first error of one AppendDocument call.
// After an error it goes on writing; the caller discards the output.
type encoder struct {
	buf []byte
	err error
}

func (e *encoder) document(d *parley.Document) {
	e.buf = append(e.buf, `{"schema":`...)
	e.buf = appendString(e.buf, d.Schema)
	e.buf = append(e.buf, `,"id":`...)
	e.buf = appendString(e.buf, d.ID)
	if d.LexiconVersion != "" {
		e.buf = append(e.buf, `,"lexicon_version":`...)
		e.buf = appendString(e.buf, d.LexiconVersion)
	}
	if d.Text != "" {
		e.buf = append(e.buf, `,"text":`...)
		e.buf = appendString(e.buf, d.Text)
	}
	if len(d.Meta) > 0 {
		e.buf = append(e.buf, `,"meta":`...)
		e.meta(d.Meta)
	}

	e.buf = append(e.buf, `,"sentences":`...)
	if d.Sentences == nil {
		e.buf = append(e.buf, "null"...)
	} else {
		e.buf = append(e.buf, '[')
		for i := range d.Sentences {
			if i > 0 {
				e.buf = append(e.buf, ',')
			}
			e.buf = append(e.buf, `{"start":`...)
			e.buf = appendInt(e.buf, d.Sentences[i].Start)
			e.buf = append(e.buf, `,"end":`...)
			e.buf = appendInt(e.buf, d.Sentences[i].End)
			e.buf = append(e.buf, '}')
		}
		e.buf = append(e.buf, ']')
	}

	e.buf = append(e.buf, `,"attributions":`...)
	if d.Attributions == nil {
		e.buf = append(e.buf, "null"...)
	} else {
		e.buf = append(e.buf, '[')
		for i := range d.Attributions {
			if i > 0 {
				e.buf = append(e.buf, ',')
			}
			e.attribution(&d.Attributions[i])
		}
		e.buf = append(e.buf, ']')
	}

	e.buf = append(e.buf, `,"stances":`...)
	if d.Stances == nil {
		e.buf = append(e.buf, "null"...)
	} else {
		e.buf = append(e.buf, '[')
		for i := range d.Stances {
			if i > 0 {
				e.buf = append(e.buf, ',')
			}
			e.stance(&d.Stances[i])
		}
		e.buf = append(e.buf, ']')
	}

	e.buf = append(e.buf, `,"pairs":`...)
	if d.Pairs == nil {
		e.buf = append(e.buf, "null"...)
	} else {
		e.buf = append(e.buf, '[')
		for i := range d.Pairs {
			if i > 0 {
				e.buf = append(e.buf, ',')
			}
			e.pair(&d.Pairs[i])
		}
		e.buf = append(e.buf, ']')
	}

	if d.Line != 0 {
		e.buf = append(e.buf, `,"line":`...)
		e.buf = appendInt(e.buf, d.Line)
	}
	if d.Error != nil {
		e.buf = append(e.buf, `,"error":`...)
		e.buf = appendRecordError(e.buf, d.Error)
	}
	e.buf = append(e.buf, '}')
}

// span writes the members of an embedded parley.Span, without braces.
func (e *encoder) span(s *parley.Span) {
	e.buf = append(e.buf, `"start":`...)
	e.buf = appendInt(e.buf, s.Start)
	e.buf = append(e.buf, `,"end":`...)
	e.buf = appendInt(e.buf, s.End)
	e.buf = append(e.buf, `,"text":`...)
	e.buf = appendString(e.buf, s.Text)
}

func (e *encoder) attribution(a *parley.Attribution) {
	e.buf = append(e.buf, `{"id":`...)
	e.buf = appendString(e.buf, a.ID)
	e.buf = append(e.buf, `,"sentence":`...)
	e.buf = appendInt(e.buf, a.Sentence)
	e.buf = append(e.buf, `,"type":`...)
	e.buf = appendString(e.buf, a.Type)

	e.buf = append(e.buf, `,"source":`...)
	if s := a.Source; s == nil {
		e.buf = append(e.buf, "null"...)
	} else {
		e.buf = append(e.buf, '{')
		e.span(&s.Span)
		if s.Kind != "" {
			e.buf = append(e.buf, `,"kind":`...)
			e.buf = appendString(e.buf, s.Kind)
		}
		if s.Resolved != "" {
			e.buf = append(e.buf, `,"resolved":`...)
			e.buf = appendString(e.buf, s.Resolved)
		}
		e.buf = append(e.buf, `,"parties":`...)
		e.buf = appendStrings(e.buf, s.Parties)
		e.buf = append(e.buf, '}')
	}

	e.buf = append(e.buf, `,"cue":{`...)
	e.span(&a.Cue.Span)
	if a.Cue.Lemma != "" {
		e.buf = append(e.buf, `,"lemma":`...)
		e.buf = appendString(e.buf, a.Cue.Lemma)
	}
	if a.Cue.Class != "" {
		e.buf = append(e.buf, `,"class":`...)
		e.buf = appendString(e.buf, a.Cue.Class)
	}
	e.buf = append(e.buf, `},"content":{`...)
	e.span(&a.Content)
	e.buf = append(e.buf, `},"parent":`...)
	e.buf = appendStringPtr(e.buf, a.Parent)
	e.buf = append(e.buf, `,"confidence":`...)
	e.float(a.Confidence, "attributions.confidence")
	if a.Optional {
		e.buf = append(e.buf, `,"optional":true`...)
	}
	e.buf = append(e.buf, '}')
}

func (e *encoder) stance(s *parley.Stance) {
	e.buf = append(e.buf, `{"source":`...)
	e.buf = appendString(e.buf, s.Source)
	e.buf = append(e.buf, `,"target":`...)
	e.buf = appendString(e.buf, s.Target)
	e.buf = append(e.buf, `,"label":`...)
	e.buf = appendString(e.buf, s.Label)
	e.buf = append(e.buf, `,"score":`...)
	e.float(s.Score, "stances.score")
	e.buf = append(e.buf, `,"negated":`...)
	e.buf = strconv.AppendBool(e.buf, s.Negated)
	e.buf = append(e.buf, `,"hedged":`...)
	e.buf = strconv.AppendBool(e.buf, s.Hedged)
	e.buf = append(e.buf, `,"sentence":`...)
	e.buf = appendInt(e.buf, s.Sentence)
	e.buf = append(e.buf, `,"attribution":`...)
	e.buf = appendStringPtr(e.buf, s.Attribution)
	e.buf = append(e.buf, `,"evidence":`...)
	if s.Evidence == nil {
		e.buf = append(e.buf, "null"...)
	} else {
		e.buf = append(e.buf, '[')
		for i := range s.Evidence {
			ev := &s.Evidence[i]
			if i > 0 {
				e.buf = append(e.buf, ',')
			}
			e.buf = append(e.buf, '{')
			e.span(&ev.Span)
			e.buf = append(e.buf, `,"term":`...)
			e.buf = appendString(e.buf, ev.Term)
			e.buf = append(e.buf, `,"class":`...)
			e.buf = appendString(e.buf, ev.Class)
			e.buf = append(e.buf, `,"weight":`...)
			e.float(ev.Weight, "stances.evidence.weight")
			e.buf = append(e.buf, '}')
		}
		e.buf = append(e.buf, ']')
	}
	e.buf = append(e.buf, '}')
}

func (e *encoder) pair(p *parley.Pair) {
	e.buf = append(e.buf, `{"source":`...)
	e.buf = appendString(e.buf, p.Source)
	e.buf = append(e.buf, `,"target":`...)
	e.buf = appendString(e.buf, p.Target)
	e.buf = append(e.buf, `,"score":`...)
	e.float(p.Score, "pairs.score")
	e.buf = append(e.buf, `,"positive":`...)
	e.buf = appendInt(e.buf, p.Positive)
	e.buf = append(e.buf, `,"negative":`...)
	e.buf = appendInt(e.buf, p.Negative)
	e.buf = append(e.buf, `,"n":`...)
	e.buf = appendInt(e.buf, p.N)
	e.buf = append(e.buf, '}')
}

// meta writes the meta map with its keys sorted, as json.Marshal does.
func (e *encoder) meta(m map[string]json.RawMessage) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	e.buf = append(e.buf, '{')
	for i, k := range keys {
		if i > 0 {
			e.buf = append(e.buf, ',')
		}
		e.buf = appendString(e.buf, k)
		e.buf = append(e.buf, ':')
		var ok bool
		if e.buf, ok = appendCompact(e.buf, m[k]); !ok && e.err == nil {
			e.err = &MetaError{Key: k}
		}
	}
	e.buf = append(e.buf, '}')
}

// float writes f as encoding/json writes a float64, or records an
// *UnsupportedValueError for NaN and ±Inf.
func (e *encoder) float(f float64, field string) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		if e.err == nil {
			e.err = &UnsupportedValueError{Field: field, Value: f}
		}
		return
	}
	e.buf = appendFloat(e.buf, f)
}

// appendInt appends n in decimal, as strconv.AppendInt does. The record's
// integers are offsets, indices and counts, small and not negative: up to
// five digits they are appended byte by byte, which compiles to stores,
// because strconv formats into an array and appends that, and the copy's
// call to memmove costs more than the digits.
func appendInt(dst []byte, n int) []byte {
	const p = digitPairs
	switch u := uint(n); {
	case u < 10:
		return append(dst, byte('0'+u))
	case u < 100:
		return append(dst, p[2*u], p[2*u+1])
	case u < 1000:
		q, r := u/100, u%100
		return append(dst, byte('0'+q), p[2*r], p[2*r+1])
	case u < 10_000:
		q, r := u/100, u%100
		return append(dst, p[2*q], p[2*q+1], p[2*r], p[2*r+1])
	case u < 100_000:
		q, r := u/100, u%100
		q, m := q/100, q%100
		return append(dst, byte('0'+q), p[2*m], p[2*m+1], p[2*r], p[2*r+1])
	}
	return strconv.AppendInt(dst, int64(n), 10)
}

// digitPairs holds "00" to "99".
const digitPairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839" +
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879" +
	"8081828384858687888990919293949596979899"

// pow10 holds the scales tried by appendFloat's short path.
var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4}

// appendFloat appends f (finite) as encoding/json does: like ES6's number
// to string conversion, 'f' format unless the absolute value is below 1e-6
// or at least 1e21, and exponents not padded to two digits.
//
// The record rounds its scores, weights and confidences to four decimals,
// and strconv's shortest-form search costs hundreds of instructions per
// number, so a float that is exactly the nearest float64 to m/10^d for an
// integer m and d <= 4 is written from m. Its shortest form is then m/10^d
// with the smallest such d: a decimal with fewer digits would have fewer
// decimals, and was tried first; one with as many is another multiple of
// 10^-d, at least 1e-4 away, far more than the float's spacing below 1e9.
func appendFloat(dst []byte, f float64) []byte {
	abs := math.Abs(f)
	if abs >= 1e-4 && abs < 1e9 {
		for d, p := range pow10 {
			if m := math.Round(abs * p); m/p == abs {
				if f < 0 {
					dst = append(dst, '-')
				}
				u := int(m)
				q := u / int(p)
				dst = appendInt(dst, q)
				if d > 0 {
					// The d decimals of u, with their leading zeros.
					dst = append(dst, '.')
					r := u - q*int(p)
					for p /= 10; p >= 1; p /= 10 {
						dst = append(dst, byte('0'+r/int(p)))
						r %= int(p)
					}
				}
				return dst
			}
		}
	}
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		// e-09 becomes e-9.
		n := len(dst)
		if n >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

func appendRecordError(dst []byte, r *parley.RecordError) []byte {
	dst = append(dst, `{"code":`...)
	dst = appendString(dst, r.Code)
	dst = append(dst, `,"message":`...)
	dst = appendString(dst, r.Message)
	return append(dst, '}')
}

func appendStringPtr(dst []byte, s *string) []byte {
	if s == nil {
		return append(dst, "null"...)
	}
	return appendString(dst, *s)
}

func appendStrings(dst []byte, ss []string) []byte {
	if ss == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i, s := range ss {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(dst, s)
	}
	return append(dst, ']')
}

const hex = "0123456789abcdef"

// safe reports the bytes written as they are inside a JSON string with
// HTML escaping: the ASCII bytes but control bytes, '"', '\\', '<', '>'
// and '&'. It has an entry for every byte, false from utf8.RuneSelf on, so
// that the hot loop of appendString indexes it without a bounds check.
var safe = func() (t [256]bool) {
	for b := ' '; b < utf8.RuneSelf; b++ {
		t[b] = true
	}
	for _, b := range `"\<>&` {
		t[b] = false
	}
	return t
}()

// appendString appends s as a quoted JSON string, escaped exactly as
// json.Marshal escapes it (see the package documentation).
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if safe[b] {
			i++
			continue
		}
		if b < utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				// Other control bytes, and <, > and &.
				dst = append(dst, '\\', 'u', '0', '0', hex[b>>4], hex[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i++
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// appendCompact appends the meta value raw as json.Marshal writes a
// json.RawMessage: null when nil, otherwise compacted, with '<', '>', '&',
// U+2028 and U+2029 escaped. It reports false, and appends nothing, when
// raw is not valid JSON.
func appendCompact(dst []byte, raw json.RawMessage) ([]byte, bool) {
	if raw == nil {
		return append(dst, "null"...), true
	}
	if !json.Valid(raw) {
		return dst, false
	}
	// raw is valid JSON, so outside strings there are only structural
	// bytes, literals, numbers and whitespace, and inside strings a
	// backslash is always followed by an ASCII byte that needs no escaping.
	inString, escaped := false, false
	start := 0
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if !inString {
			switch c {
			case '"':
				inString = true
			case ' ', '\t', '\n', '\r':
				dst = append(dst, raw[start:i]...)
				start = i + 1
			}
			continue
		}
		switch {
		case escaped:
			escaped = false
		case c == '\\':
			escaped = true
		case c == '"':
			inString = false
		case c == '<' || c == '>' || c == '&':
			dst = append(dst, raw[start:i]...)
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			start = i + 1
		case c == 0xE2 && i+2 < len(raw) && raw[i+1] == 0x80 && raw[i+2]&^1 == 0xA8:
			dst = append(dst, raw[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[raw[i+2]&0xF])
			i += 2
			start = i + 1
		}
	}
	return append(dst, raw[start:]...), true
}
