package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A ward that never reaches the hub: the district writes an enrolment file,
// the laptop enrols from it alone, records a session, and the records go up
// and the district's answers and decks come down on a USB stick, with a
// receipt that leaves nothing pending; every bad file is refused whole.
func TestBundlesOnAStick(t *testing.T) {
	hubDir, dev, stick := t.TempDir(), t.TempDir(), t.TempDir()
	at := func(name string) string { return filepath.Join(stick, name) }
	hubCLI := func(args ...string) cliResult {
		return runCLI(t, append([]string{"--data", hubDir, "hub"}, args...)...)
	}
	devCLI := func(args ...string) cliResult { return runCLI(t, append([]string{"--data", dev}, args...)...) }
	must := func(r cliResult, want string) cliResult {
		t.Helper()
		if r.code != 0 || !strings.Contains(r.stdout+r.stderr, want) {
			t.Fatalf("want exit 0 and %q: %s", want, r)
		}
		return r
	}
	refused := func(r cliResult, want string) {
		t.Helper()
		if r.code == 0 || !strings.Contains(r.stderr, want) {
			t.Fatalf("want a refusal saying %q: %s", want, r)
		}
	}
	pending := func() int {
		t.Helper()
		var st struct {
			Pending int `json:"pending"`
		}
		r := devCLI("sync", "status", "--json")
		if err := json.Unmarshal([]byte(r.stdout), &st); err != nil {
			t.Fatalf("sync status --json: %v: %s", err, r)
		}
		return st.Pending
	}

	must(hubCLI("enroll", "--unit", "Phường 4", "-o", at("ghi-danh.json")), "ghi-danh.json")
	must(devCLI("enroll", at("ghi-danh.json")), "không cần mạng")
	must(devCLI("session", "start", "--title", "Phổ biến Nghị quyết 57", "--unit", "Phường 4", "--venue", "Hội trường"), "")
	must(devCLI("question", "add", "--text", "Khi nào phường có kinh phí chuyển đổi số?"), "")
	must(devCLI("question", "forward", "1"), "")
	if pending() == 0 {
		t.Fatal("nothing pending before the bundle")
	}

	// Up: export, import at the district, receipt back.
	must(devCLI("bundle", "export", "-o", at("len.bundle")), "có thể rút USB")
	must(hubCLI("import", at("len.bundle")), "được ghi danh bằng mã trong gói")
	refused(devCLI("bundle", "receipt", at("len.bundle")+"x"), "")
	refused(devCLI("bundle", "import", at("len.bundle.receipt")), "là biên nhận")
	refused(hubCLI("import", at("ghi-danh.json")), "là tệp ghi danh")
	if _, err := os.Stat(at("len.bundle.receipt")); err != nil {
		t.Fatalf("no receipt beside the bundle: %v", err)
	}
	must(devCLI("bundle", "receipt", at("len.bundle")), "còn chờ 0")
	// The exchange is the last sync, and a good one (it read "lỗi bundle").
	if r := must(devCLI("sync", "status"), "qua gói USB"); strings.Contains(r.stdout, "lỗi") {
		t.Fatalf("sync status after a receipt: %s", r)
	}
	if n := pending(); n != 0 {
		t.Fatalf("pending %d after the receipt", n)
	}
	if r := hubCLI("questions"); !strings.Contains(r.stdout, "kinh phí chuyển đổi số") {
		t.Fatalf("the hub does not hold the forwarded question: %s", r)
	}

	// The same bundle again: not applied twice; its receipt is written again
	// (the first may be lost). A damaged copy, a cut copy: refused.
	os.Remove(at("len.bundle.receipt"))
	must(hubCLI("import", at("len.bundle")), "không nhập lại")
	must(devCLI("bundle", "receipt", at("len.bundle.receipt")), "0 thay đổi vừa được đánh dấu")
	data, _ := os.ReadFile(at("len.bundle"))
	flipped := append([]byte(nil), data...)
	flipped[len(flipped)-10] ^= 1
	os.WriteFile(at("hong.bundle"), flipped, 0o600)
	refused(hubCLI("import", at("hong.bundle")), "không khớp")
	os.WriteFile(at("cut.bundle"), data[:len(data)/2], 0o600)
	refused(hubCLI("import", at("cut.bundle")), "không khớp")
	refused(hubCLI("import", "/dev/zero"), "không phải một tệp")
	if r := runCLI(t, "--lang", "en", "--data", hubDir, "hub", "import", at("hong.bundle")); r.code == 0 || !strings.Contains(r.stderr, "does not match the signed manifest") {
		t.Fatalf("English: %s", r)
	}

	// Down: the district answers and publishes; the bundle brings both.
	var qs []struct {
		ID string `json:"id"`
	}
	json.Unmarshal([]byte(hubCLI("questions", "--json").stdout), &qs)
	if len(qs) != 1 {
		t.Fatalf("hub questions: %v", qs)
	}
	must(hubCLI("answer", qs[0].ID, "--text", "Kinh phí theo kế hoạch của phường.", "--by", "Phòng Văn hóa"), "")
	must(hubCLI("bundle", "--unit", "Phường 4", "-o", at("xuong1.bundle")), "xuong1.bundle")
	refused(devCLI("bundle", "receipt", at("xuong1.bundle")), "không phải biên nhận")
	refused(hubCLI("import", at("xuong1.bundle")), "briefing bundle import")
	must(devCLI("bundle", "import", at("xuong1.bundle")), "1 câu trả lời")
	if r := devCLI("question", "list"); !strings.Contains(r.stdout, "Đã trả lời sau") {
		t.Fatalf("the answer did not reach the laptop: %s", r)
	}
	must(devCLI("bundle", "import", at("xuong1.bundle")), "không có gì mới")
	deckFile := filepath.Join("..", "..", "decks", "chuyen-doi-so-nguoi-dan.md")
	must(hubCLI("deck", "publish", deckFile), "")
	must(hubCLI("bundle", "--unit", "Phường 4", "-o", at("xuong2.bundle")), "")
	must(devCLI("bundle", "import", at("xuong2.bundle")), "1 bộ trình chiếu")
	refused(devCLI("bundle", "import", at("xuong1.bundle")), "cũ hơn")
	refused(hubCLI("bundle", "--unit", "Phường 7", "-o", at("p7.bundle")), "chưa có máy nào")
	// The hub's own files are never overwritten by a bundle.
	refused(hubCLI("bundle", "--unit", "Phường 4", "-o", filepath.Join(hubDir, "hub-key.pem")), "")
	if data, _ := os.ReadFile(filepath.Join(hubDir, "hub-key.pem")); len(data) > 0 && !strings.Contains(string(data), "PRIVATE KEY") {
		t.Fatal("hub bundle -o overwrote the hub's TLS key")
	}
	// Another ward's bundle, on this ward's laptop.
	p7 := t.TempDir()
	must(hubCLI("enroll", "--unit", "Phường 7", "-o", at("p7.json")), "")
	must(runCLI(t, "--data", p7, "enroll", at("p7.json")), "")
	must(runCLI(t, "--data", p7, "bundle", "export", "-o", at("p7-len.bundle")), "")
	must(hubCLI("import", at("p7-len.bundle")), "")
	must(hubCLI("bundle", "--unit", "Phường 7", "-o", at("xuong-p7.bundle")), "")
	refused(devCLI("bundle", "import", at("xuong-p7.bundle")), "Phường 7")
	// Nor does a laptop of Phường 4 take Phường 7's enrolment file.
	must(hubCLI("enroll", "--unit", "Phường 7", "-o", at("p7b.json")), "")
	refused(devCLI("enroll", at("p7b.json")), "đã ghi danh cho Phường 4")

	// The answer logged a new state of the question: it goes up next, and a
	// revoked laptop's bundle is refused.
	must(devCLI("bundle", "export", "-o", at("len2.bundle")), "")
	var devs []struct {
		ID string `json:"id"`
	}
	json.Unmarshal([]byte(hubCLI("devices", "--json").stdout), &devs)
	if len(devs) != 2 { // Phường 4's laptop first, enrolled first
		t.Fatalf("hub devices: %v", devs)
	}
	must(hubCLI("revoke", devs[0].ID), "")
	refused(hubCLI("import", at("len2.bundle")), "thu hồi")
	if _, err := os.Stat(at("len2.bundle.receipt")); err == nil {
		t.Fatal("a refused bundle got a receipt")
	}
}

// A laptop enrolled over the network can still use bundles (the hub gave
// its keys at enrolment); a laptop enrolled from a file that later finds a
// network is enrolled by its code at its first sync, and its next bundle
// needs no code.
func TestBundlesAndTheNetworkMix(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real hub")
	}
	h := startRealHub(t)
	online := h.enrol(t, "Phường 4")
	mustCLI(t, "--data", online, "session", "start", "--title", "Phiên có mạng", "--unit", "Phường 4")
	stick := t.TempDir()
	up := filepath.Join(stick, "p4.bundle")
	mustCLI(t, "--data", online, "bundle", "export", "-o", up)
	if out := h.cli(t, "import", up); !strings.Contains(out, "4 thay đổi mới") {
		t.Fatalf("hub import: %s", out)
	}

	file := filepath.Join(stick, "ghi-danh.json")
	h.cli(t, "enroll", "--unit", "Phường 4", "-o", file, "--url", h.url)
	offline := t.TempDir()
	if out := mustCLI(t, "--data", offline, "enroll", file, "--offline"); !strings.Contains(out, "không cần mạng") {
		t.Fatalf("enroll --offline: %s", out)
	}
	mustCLI(t, "--data", offline, "session", "start", "--title", "Phiên chưa có mạng", "--unit", "Phường 4")
	if out := mustCLI(t, "--data", offline, "sync"); !strings.Contains(out, "đã ghi danh bằng mã trong tệp") {
		t.Fatalf("first sync of a laptop enrolled from a file: %s", out)
	}
	var st struct {
		Pending int `json:"pending"`
	}
	json.Unmarshal([]byte(mustCLI(t, "--data", offline, "sync", "status", "--json")), &st)
	if st.Pending != 0 {
		t.Fatalf("pending %d after sync", st.Pending)
	}
	mustCLI(t, "--data", offline, "question", "add", "--text", "Câu hỏi sau khi có mạng")
	if out := mustCLI(t, "--data", offline, "bundle", "export", "-o", filepath.Join(stick, "sau.bundle")); strings.Contains(out, "mã ghi danh") {
		t.Fatalf("the bundle still carries the code after the hub enrolled the laptop: %s", out)
	}
}

// A laptop restored from an older copy numbers its changes again: the hub
// refuses its bundle for the conflict (nothing applied, the change kept
// aside) and says what to do; `bundle export --anew` sends the whole log
// under a new numbering and the hub takes it.
func TestBundleAfterARestore(t *testing.T) {
	hubDir, dev, stick := t.TempDir(), t.TempDir(), t.TempDir()
	backup := filepath.Join(t.TempDir(), "sao-luu")
	at := func(name string) string { return filepath.Join(stick, name) }
	mustCLI(t, "--data", hubDir, "hub", "enroll", "--unit", "Phường 4", "-o", at("ghi-danh.json"))
	mustCLI(t, "--data", dev, "enroll", at("ghi-danh.json"))
	if err := os.CopyFS(backup, os.DirFS(dev)); err != nil {
		t.Fatal(err)
	}
	mustCLI(t, "--data", dev, "session", "start", "--title", "Phiên trước khi hỏng đĩa", "--unit", "Phường 4")
	mustCLI(t, "--data", dev, "bundle", "export", "-o", at("a.bundle"))
	mustCLI(t, "--data", hubDir, "hub", "import", at("a.bundle"))

	// The disk dies; the folder comes back from the backup.
	os.RemoveAll(dev)
	if err := os.CopyFS(dev, os.DirFS(backup)); err != nil {
		t.Fatal(err)
	}
	mustCLI(t, "--data", dev, "session", "start", "--title", "Phiên sau khi khôi phục", "--unit", "Phường 4")
	mustCLI(t, "--data", dev, "bundle", "export", "-o", at("b.bundle"))
	r := runCLI(t, "--data", hubDir, "hub", "import", at("b.bundle"))
	if r.code == 0 || !strings.Contains(r.stderr, "--anew") {
		t.Fatalf("a restored laptop's bundle: %s", r)
	}
	if out := mustCLI(t, "--data", dev, "bundle", "export", "--anew", "-o", at("c.bundle")); !strings.Contains(out, "số 1–") {
		t.Fatalf("export --anew: %s", out)
	}
	mustCLI(t, "--data", hubDir, "hub", "import", at("c.bundle"))
	mustCLI(t, "--data", dev, "bundle", "receipt", at("c.bundle.receipt"))
	out := mustCLI(t, "--data", hubDir, "hub", "report", "--format", "csv")
	if !strings.Contains(out, "Phường 4") {
		t.Fatalf("report: %s", out)
	}
	var st struct {
		Pending int `json:"pending"`
	}
	json.Unmarshal([]byte(mustCLI(t, "--data", dev, "sync", "status", "--json")), &st)
	if st.Pending != 0 {
		t.Fatalf("pending %d", st.Pending)
	}
}
