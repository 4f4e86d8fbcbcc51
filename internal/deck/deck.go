// Package deck parses, checks and renders slide decks: Markdown with a YAML front matter,
// slides separated by a line "---", speaker notes after a line "???", and "<!-- pause -->"
// to reveal a slide in steps. It knows nothing of terminals or databases.
package deck

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefing/internal/i18n"
	"briefing/internal/textvi"
	"gopkg.in/yaml.v3"
)

// Deck is a parsed deck.
type Deck struct {
	Source  string // path, or "embedded:NAME" for decks built into the binary
	Meta    Meta
	Version string // content hash of the normalised text: what a session records
	Slides  []Slide
	// Text is the file as read, byte for byte: a session keeps it in the database so that
	// it can show the same deck whatever becomes of the file. Parse(Text) gives Version.
	Text string
}

// Meta is the front matter.
type Meta struct {
	ID       string `yaml:"id"`
	Title    string `yaml:"title"`
	Version  string `yaml:"version"`
	Lang     string `yaml:"lang"`
	Duration int    `yaml:"duration"` // planned minutes; 0 when not given
	Audience string `yaml:"audience"`
}

// Slide is one slide. Steps holds the Markdown shown at each press: the body up to each
// "<!-- pause -->", so Steps[len-1] is the whole slide.
type Slide struct {
	Line  int // first line of the slide in the file, 1-based
	Title string
	Steps []string
	Notes string
}

// Body is the whole slide's Markdown.
func (s Slide) Body() string { return s.Steps[len(s.Steps)-1] }

// Severity tells errors, which refuse the deck, from warnings.
type Severity int

const (
	Error Severity = iota
	Warning
)

// Problem is something wrong at a line of the deck. Key and Args select a catalog message
// so that the same problem reads in Vietnamese or English.
type Problem struct {
	Line     int
	Severity Severity
	Key      string
	Args     []any
}

// Message is the problem in the given language.
func (p Problem) Message(l i18n.Lang) string {
	msg := l.T(p.Key, p.Args...)
	if p.Severity == Warning {
		return l.T("deck.warning") + ": " + msg
	}
	return msg
}

// Format is the problem as "PATH:LINE: message".
func (p Problem) Format(path string, l i18n.Lang) string {
	return fmt.Sprintf("%s:%d: %s", ShownPath(path), p.Line, p.Message(l))
}

// ShownPath is a deck's path or source as it may be printed: a file's name can hold escape
// codes as its text can, and line breaks, and is shown on one line without them
// (textvi.Shown), so that each problem stays one PATH:LINE: line.
func ShownPath(path string) string { return textvi.Shown(path) }

// HasErrors reports whether any problem is an error.
func HasErrors(ps []Problem) bool {
	for _, p := range ps {
		if p.Severity == Error {
			return true
		}
	}
	return false
}

const (
	slideSeparator = "---"
	notesSeparator = "???"
	pauseMarker    = "<!-- pause -->"
)

// knownLangs are the lang values a deck may declare: the interface's languages.
var knownLangs = map[string]bool{"vi": true, "en": true}

var knownKeys = map[string]bool{"id": true, "title": true, "version": true, "lang": true, "duration": true, "audience": true}

// normalise splits a deck's text into lines as its version hashes them:
// without a leading BOM, CRLF and CR as LF, every line in NFC. notNFC lists
// the (0-based) lines that were not. The lines share text's memory.
func normalise(text string) (lines []string, notNFC []int) {
	text = strings.TrimPrefix(text, "\ufeff")
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	lines = strings.Split(text, "\n")
	if textvi.IsNFC(text) { // one scan for the whole text, the common case
		return lines, nil
	}
	for i, l := range lines {
		if !textvi.IsNFC(l) {
			notNFC = append(notNFC, i)
			lines[i] = textvi.NFC(l)
		}
	}
	return lines, notNFC
}

// versionOf hashes the lines joined by "\n", line by line: a deck of 2,000
// slides is a megabyte, and joining it to hash it was two more copies.
func versionOf(lines []string) string {
	h := sha256.New()
	buf := make([]byte, 0, 32<<10)
	for i, l := range lines {
		if i > 0 {
			buf = append(buf, '\n')
		}
		buf = append(buf, l...)
		if len(buf) >= 32<<10 {
			h.Write(buf)
			buf = buf[:0]
		}
	}
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil))[:12]
}

// VersionOf is the version Parse gives data: the content hash a session
// records, computed without parsing the slides.
func VersionOf(data []byte) string {
	lines, _ := normalise(string(data))
	return versionOf(lines)
}

// Parse reads a deck. It returns the deck (nil when it cannot be read at all) and every
// problem found; a deck with errors must not be presented.
func Parse(source string, data []byte) (*Deck, []Problem) {
	var problems []Problem
	add := func(line int, sev Severity, key string, args ...any) {
		problems = append(problems, Problem{Line: line, Severity: sev, Key: key, Args: args})
	}

	if len(data) > MaxFileBytes {
		add(1, Error, "deck.limit.file", MaxFileBytes>>20)
		return nil, problems
	}
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:firstInvalid(data)], []byte("\n"))
		if name, ok := textvi.DetectLegacy(data); ok {
			add(line, Error, "deck.legacy", name)
		} else {
			add(line, Error, "deck.notutf8")
		}
		return nil, problems
	}

	text := string(data)
	lines, notNFC := normalise(text)
	for _, i := range notNFC {
		add(i+1, Warning, "deck.notnfc")
	}
	d := &Deck{Source: source, Version: versionOf(lines), Text: text}
	// The version hashes the text as written; what is shown has no control characters.
	for i, l := range lines {
		if clean, ok := printable(l); !ok {
			lines[i] = clean
			add(i+1, Warning, "deck.control")
		}
	}

	// Front matter: the file must open with "---", the matter ends at the next "---".
	body := 0
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != slideSeparator {
		add(1, Error, "deck.nofrontmatter")
	} else {
		end := -1
		for i := 1; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == slideSeparator {
				end = i
				break
			}
		}
		if end < 0 {
			add(1, Error, "deck.frontmatter.unterminated")
			return nil, problems
		}
		problems = append(problems, parseMeta(lines[1:end], 2, &d.Meta)...)
		body = end + 1
	}

	slides, ps := splitSlides(lines[body:], body+1)
	problems = append(problems, ps...)
	d.Slides = slides
	if len(d.Slides) == 0 {
		add(len(lines), Error, "deck.empty")
	}
	if len(d.Slides) > MaxSlides {
		add(d.Slides[MaxSlides].Line, Error, "deck.limit.slides", MaxSlides)
	}
	render := 0
	for _, s := range d.Slides {
		for _, st := range s.Steps {
			render += len(st)
		}
		if render > MaxRenderBytes {
			add(s.Line, Error, "deck.limit.render", MaxRenderBytes>>10)
			break
		}
	}
	return d, problems
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// parseMeta decodes the front matter lines; firstLine is the file line of lines[0].
func parseMeta(lines []string, firstLine int, m *Meta) []Problem {
	var problems []Problem
	add := func(line int, key string, args ...any) {
		problems = append(problems, Problem{Line: line, Severity: Error, Key: key, Args: args})
	}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(strings.Join(lines, "\n")), &doc); err != nil {
		add(firstLine+yamlErrorLine(err)-1, "deck.frontmatter.yaml", yamlErrorText(err))
		return problems
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		add(firstLine, "deck.frontmatter.notmap")
		return problems
	}
	root := doc.Content[0]
	seen := map[string]int{} // key: its first line
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		line := firstLine + k.Line - 1
		if first, ok := seen[k.Value]; ok {
			add(line, "deck.frontmatter.duplicate", textvi.FieldText(k.Value), first)
			continue
		}
		seen[k.Value] = line
		if !knownKeys[k.Value] {
			add(line, "deck.frontmatter.unknown", textvi.FieldText(k.Value))
			continue
		}
		if v.Kind != yaml.ScalarNode {
			add(line, "deck.frontmatter.scalar", k.Value)
			continue
		}
		val := textvi.FieldText(v.Value)
		switch k.Value {
		case "id":
			switch {
			case !validID(val):
				add(line, "deck.frontmatter.id", val)
			case !typableID(val):
				add(line, "deck.frontmatter.id.form", val)
			}
			m.ID = val
		case "title":
			m.Title = val
		case "version":
			m.Version = val
		case "lang":
			if !knownLangs[val] {
				add(line, "deck.frontmatter.lang", val)
			}
			m.Lang = val
		case "audience":
			m.Audience = val
		case "duration":
			var n int
			if _, err := fmt.Sscanf(val, "%d", &n); err != nil || n <= 0 || n > 24*60 || fmt.Sprint(n) != val {
				add(line, "deck.frontmatter.duration", val)
			}
			m.Duration = n
		}
	}
	if m.ID == "" {
		add(firstLine, "deck.frontmatter.missing", "id")
	}
	if m.Title == "" {
		add(firstLine, "deck.frontmatter.missing", "title")
	}
	return problems
}

// typableID reports whether a valid id can be given to a command as an id:
// one starting with a dash would be read as a flag, one of dots as a folder,
// one ending in .md as a file name (Find).
func typableID(s string) bool {
	c := s[0]
	return (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') && !strings.HasSuffix(s, ".md")
}

func validID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return false
		}
	}
	return true
}

// yamlErrorLine finds the "line N" that yaml.v3 puts in its messages; 1 when absent.
func yamlErrorLine(err error) int {
	msg := err.Error()
	if i := strings.Index(msg, "line "); i >= 0 {
		var n int
		if _, e := fmt.Sscanf(msg[i:], "line %d", &n); e == nil && n > 0 {
			return n
		}
	}
	return 1
}

func yamlErrorText(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if i := strings.Index(msg, ": "); i >= 0 && strings.HasPrefix(msg, "line ") {
		msg = msg[i+2:]
	}
	return msg
}

// splitSlides cuts the body into slides at "---" lines outside fenced code blocks, and each
// slide into steps and notes. firstLine is the file line of lines[0].
func splitSlides(lines []string, firstLine int) ([]Slide, []Problem) {
	var (
		slides   []Slide
		problems []Problem
		fenceAt  int
		start    = 0
	)
	flush := func(end int) {
		s, ps, ok := buildSlide(lines[start:end], firstLine+start)
		problems = append(problems, ps...)
		if ok {
			slides = append(slides, s)
		}
	}
	var fences fenceTracker
	for i, l := range lines {
		wasOpen := fences.open()
		if fences.step(l) {
			if !wasOpen {
				fenceAt = firstLine + i
			}
			continue
		}
		if !fences.open() && strings.TrimSpace(l) == slideSeparator {
			flush(i)
			start = i + 1
		}
	}
	if fences.open() {
		problems = append(problems, Problem{Line: fenceAt, Severity: Error, Key: "deck.fence"})
	}
	flush(len(lines))
	return slides, problems
}

// fenceTracker follows fenced code blocks (``` or ~~~, CommonMark rules) line by line, so
// that separators inside code are left alone.
type fenceTracker struct{ marker string }

func (f *fenceTracker) open() bool { return f.marker != "" }

// step takes the next line and reports whether it is a fence line (opening or closing).
func (f *fenceTracker) step(line string) bool {
	t := strings.TrimLeft(line, " ")
	if len(line)-len(t) > 3 || len(t) < 3 || (t[0] != '`' && t[0] != '~') {
		return false
	}
	n := 0
	for n < len(t) && t[n] == t[0] {
		n++
	}
	if n < 3 {
		return false
	}
	run, rest := t[:n], strings.TrimSpace(t[n:])
	switch {
	case f.marker == "":
		if run[0] == '`' && strings.Contains(rest, "`") {
			return false // not a fence: backticks in the info string
		}
		f.marker = run
		return true
	case run[0] == f.marker[0] && len(run) >= len(f.marker) && rest == "":
		f.marker = ""
		return true
	}
	return false
}

// buildSlide turns one slide's lines into a Slide; ok is false for a slide with no text.
// Every step is a part of one string, the slide's text, so that steps cost no memory of
// their own. A slide past a limit (limits.go) gets a problem and is shown whole, in one step.
func buildSlide(lines []string, firstLine int) (s Slide, problems []Problem, ok bool) {
	var body, notes []string
	var bodyLines []int    // the file line of each body line
	var cuts, pauses []int // len(body) at each pause, and the pause's file line
	inNotes := false
	var fences fenceTracker
	for i, l := range lines {
		trimmed := strings.TrimSpace(l)
		inCode := fences.step(l) || fences.open()
		switch {
		case inNotes:
			notes = append(notes, l)
		case !inCode && trimmed == notesSeparator:
			inNotes = true
		case !inCode && trimmed == pauseMarker:
			cuts, pauses = append(cuts, len(body)), append(pauses, firstLine+i)
		default:
			body, bodyLines = append(body, l), append(bodyLines, firstLine+i)
		}
	}
	raw := strings.Join(body, "\n")
	full := strings.TrimSpace(raw)
	if full == "" && strings.TrimSpace(strings.Join(notes, "\n")) == "" {
		return Slide{}, nil, false
	}
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			break
		}
		firstLine++ // point at the slide's first text, not the blank line after ---
	}
	problem := func(line int, key string, args ...any) {
		problems = append(problems, Problem{Line: line, Severity: Error, Key: key, Args: args})
	}
	if len(cuts) >= MaxSteps {
		problem(pauses[MaxSteps-1], "deck.limit.steps", MaxSteps)
		cuts = nil
	}
	if len(full) > MaxSlideBytes {
		problem(firstLine, "deck.limit.slide", MaxSlideBytes>>10)
		cuts = nil
	} else if at := nestingBeyond(full); at >= 0 {
		lead := len(raw) - len(strings.TrimLeftFunc(raw, unicode.IsSpace))
		problem(bodyLines[strings.Count(raw[:lead+at], "\n")], "deck.limit.nesting", MaxNesting)
		cuts = nil
	}
	ends := make([]int, len(body)+1) // ends[k]: the length of body[:k] joined
	for k, l := range body {
		ends[k+1] = ends[k] + len(l) + 1
	}
	var kept []string
	for _, c := range cuts {
		step := strings.TrimSpace(raw[:max(ends[c]-1, 0)])
		if step != "" && (len(kept) == 0 || kept[len(kept)-1] != step) {
			kept = append(kept, step)
		}
	}
	if len(kept) == 0 || kept[len(kept)-1] != full {
		kept = append(kept, full)
	}
	return Slide{
		Line:  firstLine,
		Title: slideTitle(body),
		Steps: kept,
		Notes: strings.TrimSpace(strings.Join(notes, "\n")),
	}, problems, true
}

// slideTitle is the first heading's text, else the first non-blank line.
func slideTitle(body []string) string {
	first := ""
	for _, l := range body {
		t := strings.TrimSpace(l)
		if t == "" || strings.HasPrefix(t, "<!--") {
			continue
		}
		if strings.HasPrefix(t, "#") {
			return strings.TrimSpace(strings.TrimLeft(t, "#"))
		}
		if first == "" {
			first = strings.TrimLeft(t, "-*+> ")
		}
	}
	if r := []rune(first); len(r) > 60 {
		first = string(r[:59]) + "…"
	}
	return first
}

// StepCount is the number of steps of slide i.
func (d *Deck) StepCount(i int) int { return len(d.Slides[i].Steps) }

// ID is the deck's front-matter id.
func (d *Deck) ID() string { return d.Meta.ID }
