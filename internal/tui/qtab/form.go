package qtab

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"briefing/internal/i18n"
	"briefing/internal/questions"
	"briefing/internal/tui/theme"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Form fields, in tab order. Which of them show depends on the asker mode.
const (
	fieldText = iota
	fieldAsker
	fieldName // the search among those present, or a typed name
	fieldUnit // typed names only
	fieldPress
	fieldSlide
)

// askerMode is how the asker is given. Anonymous is the default: a question
// on a political resolution can reveal an opinion.
type askerMode int

const (
	askAnonymous askerMode = iota
	askPresent
	askTyped
	askModes
)

// pickerRows is how many people the asker search shows.
const pickerRows = 4

// form records a new question or edits one.
type form struct {
	lang    i18n.Lang
	styles  *theme.Styles
	editing string // the id of the question edited; "" for a new one
	number  int    // its number, for the title

	text   textarea.Model
	name   textinput.Model
	unit   textinput.Model
	slide  textinput.Model
	asker  askerMode
	press  bool
	focus  int
	slides int

	// The slide follows the presenter until the clerk types one.
	slideTouched bool

	picks  []Asker
	pick   int
	chosen *Asker

	draftState
	width  int
	height int
}

// draftState is what the question and answer forms share: the last error,
// a save under way, and the guard that makes esc ask once before throwing
// away what was typed.
type draftState struct {
	err        string
	saving     bool
	discarding bool   // esc was pressed once with changes
	start      string // the form's contents when it opened
}

// escape handles esc with the form's contents now: the first esc after a
// change only warns; it says whether the form may close.
func (d *draftState) escape(now string) bool {
	if now != d.start && !d.discarding {
		d.discarding = true
		return false
	}
	return true
}

// footer is the line under a form: the discard warning, the error, or
// that the save is under way.
func (d draftState) footer(l i18n.Lang, styles *theme.Styles) string {
	switch {
	case d.discarding:
		return styles.Warn.Render(l.T("qtab.form.discard")) + "\n"
	case d.err != "":
		return styles.Warn.Render(d.err) + "\n"
	case d.saving:
		return styles.Dim.Render(l.T("qtab.saving")) + "\n"
	}
	return ""
}

func newForm(l i18n.Lang, styles *theme.Styles, slides, screen int, q *questions.Question) form {
	f := form{lang: l, styles: styles, slides: slides, width: 80, height: 20}
	f.text = textarea.New()
	f.text.ShowLineNumbers = false
	f.text.Prompt = "│ "
	// No limit in the box: a longer paste stays whole, the counter turns
	// red and saving says what to do, rather than text cut off unseen.
	f.text.CharLimit = 0
	f.text.MaxHeight = 0
	f.text.Placeholder = l.T("qtab.form.text.placeholder")
	f.text.SetStyles(textarea.DefaultStyles(styles.IsDark))
	for _, in := range []*textinput.Model{&f.name, &f.unit, &f.slide} {
		*in = textinput.New()
		in.Prompt = ""
		in.CharLimit = 200
	}
	f.slide.CharLimit = 4
	f.slide.SetValue(slideText(screen))
	if q != nil {
		f.editing, f.number = q.ID, q.Number
		f.text.SetValue(q.Text)
		f.slide.SetValue(slideText(q.Slide))
		f.slideTouched = true
		f.press = q.Press
		switch {
		case q.AskerPersonID != "":
			f.asker = askPresent
			f.chosen = &Asker{PersonID: q.AskerPersonID, Name: q.AskerName, Unit: q.AskerUnit}
		case q.AskerName != "":
			f.asker = askTyped
			f.name.SetValue(q.AskerName)
			f.unit.SetValue(q.AskerUnit)
		}
	}
	f.name.Placeholder = l.T("qtab.form.name.placeholder")
	f.start = f.snapshot()
	return f
}

func (f form) resize(width, height int) form {
	f.width, f.height = width, height
	inner := max(min(width-2, 100)-labelWidth(f.lang)-6, 20)
	f.text.SetWidth(inner)
	// The text box takes what the other lines leave: title, asker, picker,
	// press, slide, error and spacing take about twelve.
	f.text.SetHeight(max(min(height-13, 10), 3))
	for _, in := range []*textinput.Model{&f.name, &f.unit} {
		in.SetWidth(max(inner-2, 10))
	}
	f.slide.SetWidth(6)
	return f
}

func (f form) snapshot() string {
	return f.text.Value() + "\x00" + f.name.Value() + "\x00" + f.unit.Value() + "\x00" +
		strconv.Itoa(int(f.asker)) + strconv.FormatBool(f.press) + f.slide.Value()
}

// screenMoved follows the presenter's slide until the clerk sets one.
func (f form) screenMoved(screen int) form {
	if !f.slideTouched && f.editing == "" {
		f.slide.SetValue(slideText(screen))
	}
	return f
}

// fields are the fields shown for the current asker mode, in tab order.
func (f form) fields() []int {
	switch f.asker {
	case askPresent:
		return []int{fieldText, fieldAsker, fieldName, fieldPress, fieldSlide}
	case askTyped:
		return []int{fieldText, fieldAsker, fieldName, fieldUnit, fieldPress, fieldSlide}
	}
	return []int{fieldText, fieldAsker, fieldPress, fieldSlide}
}

// focusCurrent gives the keyboard to the focused field.
func (f *form) focusCurrent() tea.Cmd {
	f.blurAll()
	switch f.focus {
	case fieldText:
		return f.text.Focus()
	case fieldName:
		return f.name.Focus()
	case fieldUnit:
		return f.unit.Focus()
	case fieldSlide:
		return f.slide.Focus()
	}
	return nil
}

func (f *form) blurAll() {
	f.text.Blur()
	f.name.Blur()
	f.unit.Blur()
	f.slide.Blur()
}

func (f form) move(step int) (form, tea.Cmd) {
	fields := f.fields()
	at := 0
	for i, fl := range fields {
		if fl == f.focus {
			at = i
		}
	}
	f.focus = fields[(at+step+len(fields))%len(fields)]
	cmd := f.focusCurrent()
	return f, cmd
}

// enterSaves says Enter saves from the focused field: everywhere but the
// text (where it starts a new line) and the asker search (where it picks).
func (f form) enterSaves() bool {
	return f.focus != fieldText && !(f.focus == fieldName && f.asker == askPresent)
}

func (f form) update(msg tea.Msg, present PresentFunc) (form, tea.Cmd) {
	if f.saving {
		return f, nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch k.String() {
		case "tab":
			return f.move(1)
		case "shift+tab":
			return f.move(-1)
		}
		switch f.focus {
		case fieldAsker:
			switch k.String() {
			case "left", "h":
				f.asker = (f.asker + askModes - 1) % askModes
			case "right", "l", "space":
				f.asker = (f.asker + 1) % askModes
			case "down":
				return f.move(1)
			case "up":
				return f.move(-1)
			}
			if f.asker == askPresent {
				f.picks = present(f.name.Value(), pickerRows)
			}
			return f, nil
		case fieldPress:
			switch k.String() {
			case "space", "x":
				f.press = !f.press
			case "down":
				return f.move(1)
			case "up":
				return f.move(-1)
			}
			return f, nil
		case fieldName:
			if f.asker == askPresent {
				switch k.String() {
				case "up":
					f.pick = max(f.pick-1, 0)
					return f, nil
				case "down":
					f.pick = min(f.pick+1, max(len(f.picks)-1, 0))
					return f, nil
				case "enter":
					if f.pick < len(f.picks) {
						p := f.picks[f.pick]
						f.chosen = &p
						return f.move(1)
					}
					return f, nil
				}
			}
		case fieldSlide:
			if k.Text != "" {
				f.slideTouched = true
			}
		}
	}
	var cmd tea.Cmd
	switch f.focus {
	case fieldText:
		f.text, cmd = f.text.Update(msg)
	case fieldName:
		before := f.name.Value()
		f.name, cmd = f.name.Update(msg)
		if f.asker == askPresent && f.name.Value() != before {
			f.picks, f.pick = present(f.name.Value(), pickerRows), 0
		}
	case fieldUnit:
		f.unit, cmd = f.unit.Update(msg)
	case fieldSlide:
		f.slide, cmd = f.slide.Update(msg)
	}
	return f, cmd
}

// draft is what the form says, or the reason it cannot be saved yet.
func (f form) draft() (questions.Draft, string) {
	d := questions.Draft{Text: f.text.Value(), Press: f.press}
	n, err := strconv.Atoi(strings.TrimSpace(f.slide.Value()))
	if err != nil || n < 1 || n > f.slides {
		return d, f.lang.T("qtab.err.slide", f.slides)
	}
	d.Slide = n - 1
	switch f.asker {
	case askPresent:
		if f.chosen == nil {
			return d, f.lang.T("qtab.err.pick")
		}
		d.AskerName, d.AskerUnit, d.AskerPersonID = f.chosen.Name, f.chosen.Unit, f.chosen.PersonID
	case askTyped:
		d.AskerName, d.AskerUnit = f.name.Value(), f.unit.Value()
		if strings.TrimSpace(d.AskerName) == "" {
			return d, f.lang.T("qtab.err.name")
		}
	}
	return d, ""
}

func labelWidth(l i18n.Lang) int {
	w := 0
	for _, k := range []string{"qtab.form.text", "qtab.form.asker", "qtab.form.name", "qtab.form.unit",
		"question.press", "qtab.form.slide", "qtab.form.find", "qtab.answer.text", "qtab.answer.by"} {
		w = max(w, ansi.StringWidth(l.T(k)))
	}
	return w
}

func (f form) label(field int, key string) string {
	label := theme.PadRight(f.lang.T(key), labelWidth(f.lang))
	if f.focus == field {
		return f.styles.Title.Render(label)
	}
	return f.styles.Dim.Render(label)
}

func (f form) view() string {
	var b strings.Builder
	title := f.lang.T("qtab.form.new")
	if f.editing != "" {
		title = f.lang.T("qtab.form.edit", f.number)
	}
	b.WriteString(f.styles.Title.Render(title) + "\n")

	textLines := strings.Split(f.text.View(), "\n")
	pad := strings.Repeat(" ", labelWidth(f.lang))
	for i, line := range textLines {
		label := pad
		if i == 0 {
			label = f.label(fieldText, "qtab.form.text")
		}
		b.WriteString(label + "  " + line + "\n")
	}
	n := utf8.RuneCountInString(f.text.Value())
	count := f.styles.Dim.Render(f.lang.T("qtab.form.count", n, questions.MaxTextRunes))
	if n > questions.MaxTextRunes {
		count = f.styles.Warn.Render(f.lang.T("qtab.form.count.over", n, questions.MaxTextRunes))
	}
	b.WriteString(pad + "  " + count + "\n")

	var choices []string
	for mode, key := range []string{"question.anonymous", "qtab.asker.present", "qtab.asker.typed"} {
		mark := "( ) "
		if askerMode(mode) == f.asker {
			mark = "(•) "
		}
		choices = append(choices, mark+f.lang.T(key))
	}
	b.WriteString(f.label(fieldAsker, "qtab.form.asker") + "  " + strings.Join(choices, "  ") + "\n")
	switch f.asker {
	case askPresent:
		b.WriteString(f.label(fieldName, "qtab.form.find") + "  " + f.name.View() + "\n")
		if f.chosen != nil {
			b.WriteString(pad + "  " + f.styles.OK.Render("✓ "+f.chosen.Name+theme.UnitSuffix(f.chosen.Unit)) + "\n")
		}
		for i, p := range f.picks {
			mark := "  "
			if i == f.pick && f.focus == fieldName {
				mark = "› "
			}
			b.WriteString(pad + "  " + ansi.Truncate(mark+p.Name+theme.UnitSuffix(p.Unit), f.width-len(pad)-4, "…") + "\n")
		}
		if len(f.picks) == 0 && f.focus == fieldName {
			b.WriteString(pad + "  " + f.styles.Dim.Render(f.lang.T("qtab.form.nobody")) + "\n")
		}
	case askTyped:
		b.WriteString(f.label(fieldName, "qtab.form.name") + "  " + f.name.View() + "\n")
		b.WriteString(f.label(fieldUnit, "qtab.form.unit") + "  " + f.unit.View() + "\n")
	}
	box := "[ ]"
	if f.press {
		box = "[x]"
	}
	b.WriteString(f.label(fieldPress, "question.press") + "  " + box + " " + f.styles.Dim.Render(f.lang.T("qtab.form.press.hint")) + "\n")
	b.WriteString(f.label(fieldSlide, "qtab.form.slide") + "  " + f.slide.View() + f.styles.Dim.Render(f.lang.T("qtab.form.slide.hint", f.slides)) + "\n")
	b.WriteString(f.footer(f.lang, f.styles))
	return b.String()
}

// --- the answer form ---

const (
	answerText = iota
	answerBy
)

// answerForm records an answer: on the spot for an open question, the
// answer from above for a forwarded one.
type answerForm struct {
	lang   i18n.Lang
	styles *theme.Styles
	q      questions.Question
	text   textarea.Model
	by     textinput.Model
	focus  int
	draftState
	width int
}

func newAnswerForm(l i18n.Lang, styles *theme.Styles, q questions.Question, by string) answerForm {
	a := answerForm{lang: l, styles: styles, q: q, width: 80}
	a.text = textarea.New()
	a.text.ShowLineNumbers = false
	a.text.Prompt = "│ "
	a.text.CharLimit = 0
	a.text.MaxHeight = 0
	a.text.SetStyles(textarea.DefaultStyles(styles.IsDark))
	a.text.Placeholder = l.T("qtab.answer.placeholder")
	a.text.SetValue(q.Answer)
	a.by = textinput.New()
	a.by.Prompt = ""
	a.by.CharLimit = 200
	a.by.SetValue(by)
	a.start = a.snapshot()
	return a
}

func (a answerForm) resize(width, height int) answerForm {
	a.width = width
	inner := max(min(width-2, 100)-labelWidth(a.lang)-6, 20)
	a.text.SetWidth(inner)
	a.text.SetHeight(max(min(height-12, 8), 3))
	a.by.SetWidth(max(inner-2, 10))
	return a
}

func (a answerForm) snapshot() string { return a.text.Value() + "\x00" + a.by.Value() }

// focusCurrent gives the keyboard to the focused field.
func (a *answerForm) focusCurrent() tea.Cmd {
	if a.focus == answerBy {
		a.text.Blur()
		return a.by.Focus()
	}
	a.by.Blur()
	return a.text.Focus()
}

func (a answerForm) update(msg tea.Msg) (answerForm, tea.Cmd) {
	if a.saving {
		return a, nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok && (k.String() == "tab" || k.String() == "shift+tab") {
		a.focus = 1 - a.focus
		cmd := a.focusCurrent()
		return a, cmd
	}
	var cmd tea.Cmd
	if a.focus == answerText {
		a.text, cmd = a.text.Update(msg)
	} else {
		a.by, cmd = a.by.Update(msg)
	}
	return a, cmd
}

func (a answerForm) view(questionLines []string) string {
	var b strings.Builder
	key := "qtab.answer.title"
	if a.q.Status == questions.Forwarded || a.q.Status == questions.AnsweredLater {
		key = "qtab.answer.title.later"
	}
	b.WriteString(a.styles.Title.Render(a.lang.T(key, a.q.Number)) + "\n")
	for _, l := range questionLines {
		b.WriteString(a.styles.Dim.Render(l) + "\n")
	}
	pad := strings.Repeat(" ", labelWidth(a.lang))
	label := func(field int, key string) string {
		l := theme.PadRight(a.lang.T(key), labelWidth(a.lang))
		if a.focus == field {
			return a.styles.Title.Render(l)
		}
		return a.styles.Dim.Render(l)
	}
	for i, line := range strings.Split(a.text.View(), "\n") {
		l := pad
		if i == 0 {
			l = label(answerText, "qtab.answer.text")
		}
		b.WriteString(l + "  " + line + "\n")
	}
	b.WriteString(label(answerBy, "qtab.answer.by") + "  " + a.by.View() + "\n")
	b.WriteString(a.footer(a.lang, a.styles))
	return b.String()
}
