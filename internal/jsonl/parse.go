package jsonl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/parleylab/parley/internal/swar"
)

// Errors of Parse; the CLI's error-record codes are given by Code.
var (
	ErrBadJSON     = errors.New("jsonl: not a JSON object")
	ErrMissingText = errors.New(`jsonl: no "text" member`)
	ErrBadText     = errors.New(`jsonl: "text" is not a string`)
	ErrBadID       = errors.New(`jsonl: "id" is not a string or a number`)
)

// Code returns the error-record code of an error of Parse: "bad_json",
// "missing_text", "bad_text" or "bad_id"; "" for other errors.
func Code(err error) string {
	switch {
	case errors.Is(err, ErrBadJSON):
		return "bad_json"
	case errors.Is(err, ErrMissingText):
		return "missing_text"
	case errors.Is(err, ErrBadText):
		return "bad_text"
	case errors.Is(err, ErrBadID):
		return "bad_id"
	}
	return ""
}

// Doc is the document of one JSON line.
type Doc struct {
	ID    string // the "id" member; "" when HasID is false
	HasID bool   // the line has a non-null "id"
	Text  string
	// Meta holds every other member of the line, unchanged; nil when there
	// is none.
	Meta map[string]json.RawMessage
	// Repaired reports that the line held invalid UTF-8, which was replaced
	// by U+FFFD (one per run of bad bytes, as strings.ToValidUTF8 does)
	// before decoding.
	Repaired bool
}

// Parse decodes one JSON line. The id is read even when the text is
// missing or bad, so the error can name it.
//
// Invalid UTF-8 is repaired before decoding, as the analyzer repairs a
// plain-text document, so that a text has the same offsets whichever way
// it comes in (encoding/json alone would replace each bad byte).
func Parse(line []byte) (Doc, error) {
	// The line's UTF-8 is checked while its strings are validated, the only
	// place where a valid line can hold bytes from 0x80 up: a line that
	// fails, or has a string that is not UTF-8, is parsed again repaired.
	d, clean, err := parse(line, false)
	if !clean && !utf8.Valid(line) {
		d, _, err = parse(bytes.ToValidUTF8(line, []byte("\uFFFD")), true)
	}
	return d, err
}

// parse is Parse of line, which is valid UTF-8 when repaired is set. It
// reports whether the line proved valid JSON with only UTF-8 strings.
func parse(line []byte, repaired bool) (d Doc, clean bool, err error) {
	d.Repaired = repaired
	trimmed := bytes.TrimSpace(line)
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return d, false, fmt.Errorf("%w: the line does not start with '{'", ErrBadJSON)
	}
	var idRaw, textRaw []byte
	// One pass validates the line as json.Valid would and hands over the
	// members; their keys are valid strings, so unquote cannot fail.
	ok, utf8OK := members(trimmed, func(key, raw []byte) {
		switch string(key[1 : len(key)-1]) {
		case "id":
			idRaw = raw
			return
		case "text":
			textRaw = raw
			return
		}
		k, _ := unquote(key)
		switch k {
		case "id":
			idRaw = raw
		case "text":
			textRaw = raw
		default:
			if d.Meta == nil {
				d.Meta = map[string]json.RawMessage{}
			}
			d.Meta[k] = json.RawMessage(bytes.Clone(raw))
		}
	})
	clean = ok && utf8OK
	if !ok {
		// Let encoding/json say what is wrong.
		d.Meta = nil
		var v any
		err := json.Unmarshal(trimmed, &v)
		return d, clean, fmt.Errorf("%w: %w", ErrBadJSON, err)
	}
	if idRaw != nil {
		id, has, err := parseID(idRaw)
		if err != nil {
			return d, clean, err
		}
		d.ID, d.HasID = id, has
	}
	if textRaw == nil {
		return d, clean, ErrMissingText
	}
	if textRaw[0] != '"' {
		return d, clean, fmt.Errorf("%w: %.20s", ErrBadText, textRaw)
	}
	if d.Text, err = unquote(textRaw); err != nil {
		return d, clean, fmt.Errorf("%w: %w", ErrBadText, err)
	}
	return d, clean, nil
}

// maxDepth is encoding/json's limit on nested arrays and objects.
const maxDepth = 10000

// members reports whether obj, which starts with '{', is valid JSON as
// json.Valid says, and calls fn with the raw key and raw value of each
// member of the object, in order (also when obj later proves invalid).
// Like encoding/json's map decoding, a repeated key is seen again, so the
// last one wins. It also reports whether the strings it read are UTF-8.
func members(obj []byte, fn func(key, raw []byte)) (ok, utf8OK bool) {
	v := validator{b: obj}
	end, ok := v.object(0, 1, fn)
	return ok && skipSpace(obj, end) == len(obj), !v.badUTF8
}

// validator checks JSON syntax as encoding/json's scanner does: strings
// may hold any byte but '"', '\\' and control characters, escapes are
// those of RFC 8259, and containers nest at most maxDepth deep.
type validator struct {
	b       []byte
	badUTF8 bool // a string holds bytes that are not UTF-8
}

// value returns the offset after the valid JSON value at b[i], at nesting
// depth depth (of the enclosing containers).
func (v *validator) value(i, depth int) (int, bool) {
	b := v.b
	if i >= len(b) {
		return i, false
	}
	switch c := b[i]; {
	case c == '"':
		return v.str(i)
	case c == '{':
		return v.object(i, depth+1, nil)
	case c == '[':
		return v.array(i, depth+1)
	case c == '-' || '0' <= c && c <= '9':
		return v.number(i)
	case c == 't':
		return v.literal(i, "true")
	case c == 'f':
		return v.literal(i, "false")
	case c == 'n':
		return v.literal(i, "null")
	}
	return i, false
}

func (v *validator) literal(i int, lit string) (int, bool) {
	if len(v.b)-i >= len(lit) && string(v.b[i:i+len(lit)]) == lit {
		return i + len(lit), true
	}
	return i, false
}

// object validates the object at b[i] (its '{'), which is at nesting
// depth depth, and calls fn, when not nil, for each member.
func (v *validator) object(i, depth int, fn func(key, raw []byte)) (int, bool) {
	if depth > maxDepth {
		return i, false
	}
	b := v.b
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == '}' {
		return i + 1, true
	}
	for {
		if i >= len(b) || b[i] != '"' {
			return i, false
		}
		kEnd, ok := v.str(i)
		if !ok {
			return kEnd, false
		}
		j := skipSpace(b, kEnd)
		if j >= len(b) || b[j] != ':' {
			return j, false
		}
		j = skipSpace(b, j+1)
		end, ok := v.value(j, depth)
		if !ok {
			return end, false
		}
		if fn != nil {
			fn(b[i:kEnd], b[j:end])
		}
		i = skipSpace(b, end)
		if i >= len(b) {
			return i, false
		}
		switch b[i] {
		case '}':
			return i + 1, true
		case ',':
			i = skipSpace(b, i+1)
		default:
			return i, false
		}
	}
}

// array validates the array at b[i] (its '['), at nesting depth depth.
func (v *validator) array(i, depth int) (int, bool) {
	if depth > maxDepth {
		return i, false
	}
	b := v.b
	i = skipSpace(b, i+1)
	if i < len(b) && b[i] == ']' {
		return i + 1, true
	}
	for {
		end, ok := v.value(i, depth)
		if !ok {
			return end, false
		}
		i = skipSpace(b, end)
		if i >= len(b) {
			return i, false
		}
		switch b[i] {
		case ']':
			return i + 1, true
		case ',':
			i = skipSpace(b, i+1)
		default:
			return i, false
		}
	}
}

// strStop marks the bytes that end the plain run of a JSON string: '"',
// '\\' and the control characters.
var strStop = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// str validates the string at b[i] (its opening quote).
func (v *validator) str(i int) (int, bool) {
	b := v.b
	for i++; i < len(b); {
		// Most of a news text is plain bytes: test eight at once for a
		// strStop byte or one from 0x80 up, swar.Less(v, 0x20)|
		// swar.Equal(v, '"')|swar.Equal(v, '\\')|v with the mask applied
		// once, written out here because a function for it would be too
		// big to inline, in a loop of its own that keeps i in a register.
		for i+8 <= len(b) {
			const l = swar.Lows
			v := swar.LoadBytes(b[i : i+8])
			q, bs := v^(l*'"'), v^(l*'\\')
			if ((v-l*0x20)&^v|(q-l)&^q|(bs-l)&^bs|v)&swar.Highs != 0 {
				break
			}
			i += 8
		}
		if i == len(b) {
			break
		}
		if c := b[i]; c >= utf8.RuneSelf {
			// checked here, so that Parse need not check the whole line
			r, size := utf8.DecodeRune(b[i:])
			v.badUTF8 = v.badUTF8 || r == utf8.RuneError && size == 1
			i += size
			continue
		}
		if !strStop[b[i]] {
			i++
			continue
		}
		switch b[i] {
		case '"':
			return i + 1, true
		case '\\':
			if i+1 >= len(b) {
				return i, false
			}
			switch b[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if hex4(b[i:]) < 0 {
					return i, false
				}
				i += 6
			default:
				return i, false
			}
		default:
			return i, false // a control character
		}
	}
	return i, false
}

// number validates the number at b[i]:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (v *validator) number(i int) (int, bool) {
	b := v.b
	if b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		i = digits(b, i+1)
	default:
		return i, false
	}
	if i < len(b) && b[i] == '.' {
		j := digits(b, i+1)
		if j == i+1 {
			return j, false
		}
		i = j
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		j := digits(b, i)
		if j == i {
			return j, false
		}
		i = j
	}
	return i, true
}

func digits(b []byte, i int) int {
	for i < len(b) && '0' <= b[i] && b[i] <= '9' {
		i++
	}
	return i
}

func skipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// unquote decodes the valid JSON string raw as encoding/json does (a lone
// UTF-16 surrogate becomes U+FFFD). The line has been made valid UTF-8
// before, so only escapes need work.
func unquote(raw []byte) (string, error) {
	inner := raw[1 : len(raw)-1]
	i := bytes.IndexByte(inner, '\\')
	if i < 0 {
		return string(inner), nil
	}
	// The decoded string is never longer than inner; a Builder grown to
	// that size hands its one buffer over as the string, without the copy
	// of string(bytes).
	var out strings.Builder
	out.Grow(len(inner))
	for i >= 0 {
		out.Write(inner[:i])
		inner = inner[i:]
		if len(inner) < 2 {
			return "", errBadEscape
		}
		switch c := inner[1]; c {
		case '"', '\\', '/':
			out.WriteByte(c)
		case 'b':
			out.WriteByte('\b')
		case 'f':
			out.WriteByte('\f')
		case 'n':
			out.WriteByte('\n')
		case 'r':
			out.WriteByte('\r')
		case 't':
			out.WriteByte('\t')
		case 'u':
			r, n := unquoteU(inner)
			if n == 0 {
				return "", errBadEscape
			}
			out.WriteRune(r)
			inner = inner[n:]
			i = bytes.IndexByte(inner, '\\')
			continue
		default:
			return "", errBadEscape
		}
		inner = inner[2:]
		i = bytes.IndexByte(inner, '\\')
	}
	out.Write(inner)
	return out.String(), nil
}

var errBadEscape = errors.New("bad escape in string")

// unquoteU decodes the \uXXXX escape (and a following low surrogate) at
// the start of b and returns the rune and the bytes used; n is 0 when the
// escape is malformed.
func unquoteU(b []byte) (r rune, n int) {
	r = hex4(b)
	if r < 0 {
		return 0, 0
	}
	if !utf16.IsSurrogate(r) {
		return r, 6
	}
	if len(b) >= 12 && b[6] == '\\' && b[7] == 'u' {
		if r2 := hex4(b[6:]); r2 >= 0 {
			if dec := utf16.DecodeRune(r, r2); dec != unicode.ReplacementChar {
				return dec, 12
			}
		}
	}
	return unicode.ReplacementChar, 6
}

// hex4 returns the value of the four hex digits after "\u" at the start of
// b, or -1.
func hex4(b []byte) rune {
	if len(b) < 6 {
		return -1
	}
	var r rune
	for _, c := range b[2:6] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}

// parseID returns the id of a raw "id" member: a string as it is, a number
// as its literal; null is no id.
func parseID(raw json.RawMessage) (id string, ok bool, err error) {
	switch {
	case string(raw) == "null":
		return "", false, nil
	case raw[0] == '"':
		// raw is a valid JSON string (both callers have checked the
		// syntax): when it is valid UTF-8 too, unquote decodes it as
		// encoding/json does, without its reflection (some 19,000
		// instructions per id).
		if utf8.Valid(raw) {
			if id, err := unquote(raw); err == nil {
				return id, true, nil
			}
		}
		if err := json.Unmarshal(raw, &id); err != nil {
			return "", false, fmt.Errorf("%w: %w", ErrBadID, err)
		}
		return id, true, nil
	case raw[0] == '-' || raw[0] >= '0' && raw[0] <= '9':
		return string(raw), true, nil
	}
	return "", false, fmt.Errorf("%w: %.20s", ErrBadID, raw)
}

// PeekID returns the "id" of a JSON object of which only a prefix is
// known, such as the kept start of an over-long line: it walks the
// members in order and stops at the first one it cannot read.
func PeekID(prefix []byte) (string, bool) {
	dec := json.NewDecoder(bytes.NewReader(prefix))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return "", false
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return "", false
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return "", false
		}
		if key == "id" {
			id, ok, err := parseID(raw)
			return id, ok && err == nil
		}
	}
	return "", false
}
