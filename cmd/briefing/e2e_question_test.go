package main

// End-to-end tests of the question commands, and of a pinned question reaching the
// presenter's screen.

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"briefing/internal/session"
	"briefing/internal/store"
	"golang.org/x/text/unicode/norm"
)

// questionRecord is the part of question list/show --json the tests read.
type questionRecord struct {
	ID          string     `json:"id"`
	SessionID   string     `json:"session_id"`
	Number      int        `json:"number"`
	Slide       int        `json:"slide"`
	Text        string     `json:"text"`
	Anonymous   bool       `json:"anonymous"`
	AskerName   string     `json:"asker_name"`
	AskerUnit   string     `json:"asker_unit"`
	Press       bool       `json:"press"`
	Status      string     `json:"status"`
	Answer      string     `json:"answer"`
	AnsweredBy  string     `json:"answered_by"`
	AnsweredAt  *time.Time `json:"answered_at"`
	ForwardedTo string     `json:"forwarded_to"`
	Pinned      bool       `json:"pinned"`
	Version     int        `json:"version"`
	CreatedAt   time.Time  `json:"created_at"`
	Versions    []struct {
		Version int    `json:"version"`
		Slide   int    `json:"slide"`
		Text    string `json:"text"`
		Status  string `json:"status"`
	} `json:"versions"`
}

// questionCLI runs the program on one data directory, with what stdin to give it.
type questionCLI struct {
	t    *testing.T
	data string
}

func newQuestionCLI(t *testing.T) questionCLI {
	return questionCLI{t: t, data: t.TempDir()}
}

func (c questionCLI) run(args ...string) cliResult {
	c.t.Helper()
	return c.runIn("", args...)
}

// runIn is runCLI with stdin, for --text -.
func (c questionCLI) runIn(stdin string, args ...string) cliResult {
	c.t.Helper()
	return runCLIWithInput(c.t, stdin, append([]string{"--data", c.data}, args...)...)
}

// expect runs the program and checks its exit code and that stdout (exit 0) or stderr
// (otherwise) contains every one of want.
func (c questionCLI) expect(code int, want []string, args ...string) cliResult {
	c.t.Helper()
	r := c.run(args...)
	out := r.stdout
	if code != 0 {
		out = r.stderr
	}
	if r.code != code {
		c.t.Fatalf("briefing %s: want exit %d\n%s", strings.Join(args, " "), code, r)
	}
	for _, w := range want {
		if !strings.Contains(out, w) {
			c.t.Fatalf("briefing %s: want %q in the output\n%s", strings.Join(args, " "), w, r)
		}
	}
	return r
}

func (c questionCLI) startSession(args ...string) string {
	c.t.Helper()
	r := c.expect(0, nil, append([]string{"session", "start"}, args...)...)
	return strings.TrimSpace(r.stdout)
}

func (c questionCLI) list(args ...string) []questionRecord {
	c.t.Helper()
	r := c.expect(0, nil, append([]string{"question", "list", "--json"}, args...)...)
	var list []questionRecord
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		c.t.Fatalf("question list --json: %v\n%s", err, r.stdout)
	}
	return list
}

func (c questionCLI) show(ref string) questionRecord {
	c.t.Helper()
	r := c.expect(0, nil, "question", "show", ref, "--json")
	var q questionRecord
	if err := json.Unmarshal([]byte(r.stdout), &q); err != nil {
		c.t.Fatalf("question show --json: %v\n%s", err, r.stdout)
	}
	return q
}

// goTo moves the open session's screen as the presenter would, through the same database.
func (c questionCLI) goTo(id string, slide int) {
	c.t.Helper()
	st, err := store.Open(c.data)
	if err != nil {
		c.t.Fatal(err)
	}
	defer st.Close()
	if err := session.New(st, nil).GoTo(context.Background(), id, slide-1, 0); err != nil {
		c.t.Fatal(err)
	}
}

// vietnameseText is n characters of Vietnamese.
func vietnameseText(n int) string {
	s := strings.Repeat("Chính sách hỗ trợ doanh nghiệp đổi mới sáng tạo ở phường ra sao? ", n/60+1)
	return string([]rune(s)[:n])
}

// TestCLIQuestionAdd: the slide on screen or --slide, anonymous unless named, press, text
// from stdin, the 10,000-character limit, empty text, a slide out of range, NFC.
func TestCLIQuestionAdd(t *testing.T) {
	t.Parallel()
	c := newQuestionCLI(t)
	c.expect(1, []string{"chưa có phiên nào đang mở"}, "question", "add", "--text", "Câu hỏi")
	id := c.startSession("--title", "Hội nghị Phường 7", "--rapporteur", "Trần Văn Báo")

	c.expect(0, []string{"Đã ghi câu hỏi số 1 (trang 1)"}, "question", "add", "--text", "Nghị quyết 57 có áp dụng cho hợp tác xã không?")
	c.goTo(id, 5)
	c.expect(0, []string{"Đã ghi câu hỏi số 2 (trang 5)"}, "question", "add", "--text", "Câu hỏi về trang đang chiếu")
	c.expect(0, []string{"Đã ghi câu hỏi số 3 (trang 3)"}, "question", "add", "--slide", "3",
		"--text", "Người lớn tuổi dùng dịch vụ công trực tuyến thế nào?", "--asker", "Nguyễn Thị Hồng", "--asker-unit", "Phường 7")
	c.expect(0, []string{"Đã ghi câu hỏi số 4 (trang 5)"}, "question", "add", "--press", "--text", "Câu hỏi của phóng viên", "--anonymous")

	r := c.runIn("Dòng một của câu hỏi dài,\r\nvà dòng hai.\n", "question", "add", "--text", "-", "--session", id[:8])
	if r.code != 0 || !strings.Contains(r.stdout, "số 5") {
		t.Fatalf("--text - from stdin: %s", r)
	}
	longest := vietnameseText(10_000)
	if r := c.runIn(longest, "question", "add", "--text", "-"); r.code != 0 || !strings.Contains(r.stdout, "số 6") {
		t.Fatalf("a text of exactly 10,000 characters: %s", r)
	}
	c.expect(1, []string{"10.001 ký tự", "10.000 ký tự", "không có gì được ghi", "tách"}, "question", "add", "--text", vietnameseText(10_001))
	if r := c.runIn(vietnameseText(10_001), "question", "add", "--text", "-"); r.code != 1 || !strings.Contains(r.stderr, "10.001") {
		t.Fatalf("10,001 characters from stdin: %s", r)
	}
	c.expect(1, []string{"--text: Nội dung câu hỏi đang trống"}, "question", "add", "--text", "")
	c.expect(1, []string{"--text: Nội dung câu hỏi đang trống"}, "question", "add", "--text", " \n\t ")
	c.expect(2, []string{"--text"}, "question", "add")
	c.expect(2, []string{"--asker và --anonymous"}, "question", "add", "--text", "x", "--asker", "An", "--anonymous")
	c.expect(2, []string{"--asker-unit"}, "question", "add", "--text", "x", "--asker-unit", "Phường 7")
	c.expect(2, []string{"--text"}, "question", "add", "Câu hỏi quên --text")
	c.expect(2, []string{"không có tuỳ chọn --nope", "briefing question add --help"}, "question", "add", "--text", "x", "--nope")
	last := nq57(t).total()
	c.expect(1, []string{fmt.Sprintf("--slide: Không có trang %d", last+1), fmt.Sprintf("1 đến %d", last)}, "question", "add", "--text", "x", "--slide", strconv.Itoa(last+1))
	c.expect(1, []string{"--slide: Không có trang 0"}, "question", "add", "--text", "x", "--slide", "0")

	nfd := norm.NFD.String("Nghị quyết có hỗ trợ đổi mới sáng tạo?")
	c.expect(0, []string{"số 7"}, "question", "add", "--text", nfd, "--asker", norm.NFD.String("Đặng Thị Bình"))

	list := c.list()
	if len(list) != 7 {
		t.Fatalf("want 7 questions stored, nothing of the refused ones; got %d", len(list))
	}
	if q := list[0]; q.Slide != 1 || !q.Anonymous || q.AskerName != "" || q.Press || q.Status != "open" || q.SessionID != id {
		t.Errorf("question 1: %+v", q)
	}
	if q := list[1]; q.Slide != 5 {
		t.Errorf("question 2 should be on the slide on screen, 5: %+v", q)
	}
	if q := list[2]; q.Slide != 3 || q.Anonymous || q.AskerName != "Nguyễn Thị Hồng" || q.AskerUnit != "Phường 7" {
		t.Errorf("question 3: %+v", q)
	}
	if q := list[3]; !q.Press || !q.Anonymous {
		t.Errorf("question 4 is an anonymous press question: %+v", q)
	}
	if q := list[4]; q.Text != "Dòng một của câu hỏi dài,\nvà dòng hai." {
		t.Errorf("question 5 from stdin: %q", q.Text)
	}
	if q := list[5]; q.Text != longest {
		t.Errorf("question 6 is not the 10,000 characters given (%d)", len([]rune(q.Text)))
	}
	if q := list[6]; q.Text != norm.NFC.String(nfd) || q.Text == nfd || q.AskerName != "Đặng Thị Bình" {
		t.Errorf("question 7 is not stored NFC: %q %q", q.Text, q.AskerName)
	}
}

// TestCLIQuestionList: the table with its counts line, filters by status, slide and text
// without diacritics, JSON, and a status that does not exist.
func TestCLIQuestionList(t *testing.T) {
	t.Parallel()
	c := newQuestionCLI(t)
	c.startSession()
	c.expect(0, []string{"Phiên này chưa có câu hỏi nào"}, "question", "list")
	if r := c.expect(0, nil, "question", "list", "--json"); strings.TrimSpace(r.stdout) != "[]" {
		t.Fatalf("an empty list is []: %q", r.stdout)
	}
	long := vietnameseText(500)
	for _, args := range [][]string{
		{"--slide", "2", "--text", "Hợp tác xã có được hỗ trợ chuyển đổi số không?"},
		{"--slide", "2", "--text", long, "--asker", "Lê Văn Mới", "--asker-unit", "Công ty TNHH Mới"},
		{"--slide", "4", "--text", "Ai là đầu mối tiếp nhận hồ sơ?", "--press"},
	} {
		c.expect(0, nil, append([]string{"question", "add"}, args...)...)
	}
	c.expect(0, nil, "question", "answer", "1", "--text", "Có.")
	c.expect(0, nil, "question", "forward", "3", "--to", "spokesperson")

	r := c.expect(0, []string{"SỐ", "TRẠNG THÁI", "Ẩn danh", "Lê Văn Mới", "Đã trả lời", "Đã chuyển",
		"Tổng 3 câu hỏi: 1 chưa trả lời, 1 đã trả lời, 1 đã chuyển, 0 đã trả lời sau"}, "question", "list")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(lines) != 5 {
		t.Fatalf("want a header, 3 rows and the counts:\n%s", r.stdout)
	}
	for _, l := range lines[:4] {
		if w := len([]rune(l)); w > 100 {
			t.Errorf("a table line is %d characters, wider than 100 for a pipe: %q", w, l)
		}
	}
	if !strings.HasSuffix(lines[2], "…") {
		t.Errorf("the long question should be cut with …: %q", lines[2])
	}

	if got := c.list("--status", "open"); len(got) != 1 || got[0].Number != 2 {
		t.Errorf("--status open: %+v", got)
	}
	if got := c.list("--slide", "2"); len(got) != 2 {
		t.Errorf("--slide 2: %+v", got)
	}
	if got := c.list("--query", "hop tac xa"); len(got) != 1 || got[0].Number != 1 {
		t.Errorf("--query without diacritics: %+v", got)
	}
	if got := c.list("--query", "LE VAN MOI"); len(got) != 1 || got[0].Number != 2 {
		t.Errorf("--query finds the asker: %+v", got)
	}
	c.expect(0, []string{"Tổng 1 câu hỏi: 0 chưa trả lời, 0 đã trả lời, 1 đã chuyển", "lọc từ 3 câu hỏi"}, "question", "list", "--status", "forwarded")
	c.expect(0, []string{"Không có câu hỏi nào khớp", "3 câu hỏi"}, "question", "list", "--query", "không có đâu")
	c.expect(2, []string{"open, answered, forwarded, answered_later"}, "question", "list", "--status", "closed")
	c.expect(2, []string{"--slide 0"}, "question", "list", "--slide", "0")

	// JSON: every question in full, stable keys, slides 1-based, times RFC 3339.
	r = c.expect(0, nil, "question", "list", "--json")
	var raw []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &raw); err != nil || len(raw) != 3 {
		t.Fatalf("list --json: %v\n%s", err, r.stdout)
	}
	for _, k := range []string{"id", "session_id", "number", "slide", "text", "anonymous", "asker_name", "asker_unit",
		"press", "status", "answer", "answered_by", "answered_at", "forwarded_to", "forwarded_at", "pinned", "version",
		"created_at", "updated_at"} {
		if _, ok := raw[0][k]; !ok {
			t.Errorf("list --json lacks the key %q", k)
		}
	}
	if raw[1]["text"] != long || raw[1]["slide"] != float64(2) {
		t.Errorf("JSON should carry the whole text and the 1-based slide: slide %v", raw[1]["slide"])
	}
	if _, err := time.Parse(time.RFC3339, raw[0]["created_at"].(string)); err != nil {
		t.Errorf("created_at is not RFC 3339: %v", err)
	}
}

// TestCLIQuestionAnswerForward: an answer on the spot (by the rapporteur unless --by), a
// question forwarded and answered later, and the refusals.
func TestCLIQuestionAnswerForward(t *testing.T) {
	t.Parallel()
	c := newQuestionCLI(t)
	c.startSession("--rapporteur", "Trần Văn Báo")
	c.expect(0, nil, "question", "add", "--text", "Câu hỏi một")
	c.expect(0, nil, "question", "add", "--text", "Câu hỏi hai", "--press")

	c.expect(0, []string{"Đã ghi câu trả lời cho câu hỏi số 1: Đã trả lời, người trả lời Trần Văn Báo"},
		"question", "answer", "1", "--text", "Trả lời tại chỗ.")
	q := c.show("1")
	if q.Status != "answered" || q.Answer != "Trả lời tại chỗ." || q.AnsweredBy != "Trần Văn Báo" || q.AnsweredAt == nil {
		t.Errorf("answered on the spot: %+v", q)
	}

	c.expect(2, []string{"district", "spokesperson"}, "question", "forward", "2", "--to", "bộ")
	// Question 2 is a press question: with no --to it goes to the spokesperson, as on the desk.
	c.expect(0, []string{"Đã chuyển câu hỏi số 2 đến người phát ngôn;"}, "question", "forward", "#2")
	if q := c.show("2"); q.Status != "forwarded" || q.ForwardedTo != "spokesperson" {
		t.Errorf("forwarded: %+v", q)
	}
	c.expect(1, []string{"--text: Nội dung trả lời đang trống"}, "question", "answer", "2", "--text", "  ")
	c.expect(2, []string{"--text"}, "question", "answer", "2")
	c.expect(1, []string{"--text: Câu trả lời dài 10.001 ký tự"}, "question", "answer", "2", "--text", vietnameseText(10_001))
	r := c.runIn("Người phát ngôn trả lời:\nđã có văn bản hướng dẫn.", "question", "answer", "2", "--text", "-", "--by", "Văn phòng UBND quận")
	if r.code != 0 || !strings.Contains(r.stdout, "Đã trả lời sau, người trả lời Văn phòng UBND quận") {
		t.Fatalf("answer to a forwarded question: %s", r)
	}
	q = c.show("2")
	if q.Status != "answered_later" || q.AnsweredBy != "Văn phòng UBND quận" || !strings.Contains(q.Answer, "\nđã có văn bản") {
		t.Errorf("answered later: %+v", q)
	}
	if q.ForwardedTo != "spokesperson" {
		t.Errorf("the destination stays on record: %+v", q)
	}

	c.expect(1, []string{"không có câu hỏi số 9", "question list"}, "question", "answer", "9", "--text", "x")
	c.expect(2, []string{"ít nhất 6 ký tự"}, "question", "answer", "abc", "--text", "x")
	c.expect(2, []string{"ít nhất 6 ký tự"}, "question", "answer", "--text", "x")
	c.expect(1, []string{"không có câu hỏi nào có mã bắt đầu bằng \"ffffffff\""}, "question", "answer", "ffffffff", "--text", "x")
}

// TestCLIQuestionEditShow: edit changes only what is given and keeps every version; show
// lists them; references by number, by id prefix, ambiguous and without a session.
func TestCLIQuestionEditShow(t *testing.T) {
	t.Parallel()
	c := newQuestionCLI(t)
	id := c.startSession()
	c.expect(0, nil, "question", "add", "--slide", "2", "--text", "Câu hỏi ban đầu", "--asker", "Lê Thị Hoa", "--asker-unit", "Phường 2", "--press")
	c.expect(0, nil, "question", "add", "--text", "Câu hỏi thứ hai")

	c.expect(2, []string{"không có gì để sửa"}, "question", "edit", "1")
	c.expect(0, []string{"Đã sửa câu hỏi số 1 (phiên bản 2"}, "question", "edit", "1", "--text", "Câu hỏi đã sửa")
	q := c.show("1")
	if q.Text != "Câu hỏi đã sửa" || q.Slide != 2 || q.AskerName != "Lê Thị Hoa" || q.AskerUnit != "Phường 2" || !q.Press {
		t.Errorf("--text alone changed more than the text: %+v", q)
	}
	c.expect(0, []string{"phiên bản 3"}, "question", "edit", "1", "--slide", "4", "--press=false")
	c.expect(0, []string{"phiên bản 4"}, "question", "edit", "1", "--anonymous")
	c.expect(2, []string{"--asker-unit"}, "question", "edit", "1", "--asker-unit", "Phường 9")
	c.expect(1, []string{fmt.Sprintf("1 đến %d", nq57(t).total())}, "question", "edit", "1", "--slide", "99")
	q = c.show("1")
	if q.Slide != 4 || q.Press || !q.Anonymous || q.AskerUnit != "" || q.Text != "Câu hỏi đã sửa" || q.Version != 4 {
		t.Errorf("after the edits: %+v", q)
	}
	if len(q.Versions) != 4 || q.Versions[0].Text != "Câu hỏi ban đầu" || q.Versions[0].Slide != 2 || q.Versions[3].Slide != 4 {
		t.Errorf("the history should hold every version, oldest first: %+v", q.Versions)
	}

	r := c.expect(0, []string{"Câu hỏi số 1 · trang 4 · Chưa trả lời", "Lịch sử (4 phiên bản", "phiên bản 1",
		"Câu hỏi ban đầu", "Lê Thị Hoa, Phường 2 · báo chí", "phiên bản 4", "Ẩn danh"}, "question", "show", "1")
	if strings.Index(r.stdout, "phiên bản 1") > strings.Index(r.stdout, "phiên bản 4") {
		t.Errorf("versions should be oldest first:\n%s", r.stdout)
	}

	// By id prefix, with no open session; UUIDv7 ids made seconds apart share their first
	// six characters, so that prefix is ambiguous.
	full := q.ID
	c.expect(0, nil, "session", "end")
	c.expect(1, []string{"--session"}, "question", "show", "1")
	c.expect(0, []string{"Câu hỏi số 1"}, "question", "show", full[:len(full)-4])
	c.expect(0, []string{"Câu hỏi số 2"}, "question", "show", "2", "--session", id)
	c.expect(1, []string{"nhiều câu hỏi có mã bắt đầu bằng"}, "question", "show", full[:6])
}

// TestCLIQuestionPin: pin and unpin, the pinned flag in list, and no pin once the session ended.
func TestCLIQuestionPin(t *testing.T) {
	t.Parallel()
	c := newQuestionCLI(t)
	c.startSession()
	c.expect(0, nil, "question", "add", "--text", "Câu hỏi một")
	c.expect(0, nil, "question", "add", "--text", "Câu hỏi hai")
	c.expect(0, []string{"Không có câu hỏi nào đang hiện trên màn hình khán giả"}, "question", "unpin")
	c.expect(0, []string{"Đã ghim câu hỏi số 2 lên màn hình khán giả"}, "question", "pin", "2")
	if list := c.list(); list[0].Pinned || !list[1].Pinned {
		t.Errorf("question 2 should be the pinned one: %+v", list)
	}
	c.expect(0, []string{"đang ghim"}, "question", "list")
	c.expect(0, []string{"Đã ghim câu hỏi số 1"}, "question", "pin", "1")
	if list := c.list(); !list[0].Pinned || list[1].Pinned {
		t.Errorf("pinning another replaces the first: %+v", list)
	}
	c.expect(0, []string{"Đã gỡ câu hỏi khỏi màn hình khán giả"}, "question", "unpin")
	if list := c.list(); list[0].Pinned || list[1].Pinned {
		t.Errorf("nothing pinned after unpin: %+v", list)
	}
	id := c.list()[0].SessionID
	c.expect(0, nil, "session", "end")
	c.expect(1, []string{"đã kết thúc"}, "question", "pin", "1", "--session", id)
}

// TestCLIQuestionEnglish: --lang en switches every message.
func TestCLIQuestionEnglish(t *testing.T) {
	t.Parallel()
	c := newQuestionCLI(t)
	c.expect(1, []string{"no open session"}, "--lang", "en", "question", "add", "--text", "x")
	c.startSession("--rapporteur", "Trần Văn Báo")
	c.expect(0, []string{"Recorded question 1 (slide 1)"}, "--lang", "en", "question", "add", "--text", "Does it cover cooperatives?")
	c.expect(0, []string{"NO.", "STATUS", "Anonymous", "Total 1: 1 open"}, "--lang", "en", "question", "list")
	c.expect(0, []string{"Recorded the answer to question 1: Answered, by Trần Văn Báo"}, "--lang", "en", "question", "answer", "1", "--text", "Yes.")
	c.expect(0, []string{"Question 1 · slide 1 · Answered", "History (2 versions"}, "--lang", "en", "question", "show", "1")
	c.expect(0, []string{"Forwarded question 1 to the district Office of Culture"}, "--lang", "en", "question", "forward", "1", "--to", "district")
	c.expect(0, []string{"Edited question 1 (version 4"}, "--lang", "en", "question", "edit", "1", "--asker", "Lê Văn Mới")
	c.expect(0, []string{"Pinned question 1 on the audience screen"}, "--lang", "en", "question", "pin", "1")
	c.expect(0, []string{"The question is off the audience screen"}, "--lang", "en", "question", "unpin")
	c.expect(1, []string{"--text: The question is 10,001 characters long, over the limit of 10,000", "split"},
		"--lang", "en", "question", "add", "--text", vietnameseText(10_001))
	c.expect(1, []string{"--text: The question text is empty"}, "--lang", "en", "question", "add", "--text", "")
	c.expect(2, []string{"no status \"x\"; use one of: open, answered, forwarded, answered_later"}, "--lang", "en", "question", "list", "--status", "x")
	c.expect(1, []string{"this session has no question 7"}, "--lang", "en", "question", "show", "7")
	for _, r := range []cliResult{c.run("--lang", "en", "question", "list"), c.run("--lang", "en", "question", "show", "1")} {
		if strings.Contains(r.stdout, "câu hỏi") || strings.Contains(r.stdout, "Ẩn danh") {
			t.Errorf("English output has Vietnamese:\n%s", r.stdout)
		}
	}
}

// TestE2EQuestionPin: a question pinned from the command line shows large on the presenter's
// screen, the slide keys still work under it, and unpinning brings the slide back. (How fast
// is for benchmarks: a loaded machine makes any wall-clock bound here flaky.)
func TestE2EQuestionPin(t *testing.T) {
	t.Parallel()
	d := nq57(t)
	total := d.total()
	tm := newTmux(t)
	tm.startSession(d.id)
	p := tm.start("a", 100, 30, "present")
	p.waitCounter(1, total)
	cli := func(args ...string) string { return mustCLI(t, append([]string{"--data", tm.data}, args...)...) }
	cli("question", "add", "--slide", "1", "--text", "Xin hỏi: phường hỗ trợ người lớn tuổi dùng dịch vụ công trực tuyến thế nào?",
		"--asker", "Nguyễn Thị Hồng", "--asker-unit", "Phường 7")

	cli("question", "pin", "1")
	s := waitFor(t, p, "Câu hỏi số 1 · trang 1", waitTimeout)
	for _, want := range []string{"Nguyễn Thị Hồng, Phường 7", "dịch vụ công trực tuyến", "╭"} {
		if !strings.Contains(s, want) {
			t.Fatalf("the pinned question lacks %q:\n%s", want, frame(s))
		}
	}

	// → under the pin does not move the slide unseen; a slide number does, under the pin.
	p.send("Right")
	waitFor(t, p, "Câu hỏi đang che trang chiếu", waitTimeout)
	p.assertCounter("right under the pin", 1, total)
	p.typeText("2")
	p.send("Enter")
	s = p.waitCounter(2, total)
	if !strings.Contains(s, "Câu hỏi số 1") {
		t.Fatalf("the pin should stay while the slide moves under it:\n%s", frame(s))
	}
	tm.waitSession("slide 2 recorded under the pin", func(s sessionInfo) bool { return s.Slide == 2 })

	cli("question", "unpin")
	s = p.waitGone("Câu hỏi số 1")
	if !counterRe(2, total).MatchString(statusLine(s)) {
		t.Fatalf("after unpin the presenter should show slide 2:\n%s", frame(s))
	}
}
