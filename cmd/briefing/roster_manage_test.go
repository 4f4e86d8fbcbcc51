package main

// roster list, show, edit, remove, imports and import --undo, run as the clerk runs them.

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRosterManage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	// The built program, as the clerk runs it.
	run := func(args ...string) cliRun {
		r := runCLI(t, append([]string{"--data", data}, args...)...)
		return cliRun{stdout: r.stdout, stderr: r.stderr, code: r.code}
	}

	run("roster", "list").expect(t, "an empty roster", 0, []string{"Danh sách chưa có ai"}, nil)
	run("roster", "imports").expect(t, "no imports", 0, []string{"Chưa nhập danh sách nào"}, nil)
	a := writeTestFile(t, dir, "a.csv", "STT,Họ và tên,Đơn vị,Thành phần,Số điện thoại\n"+
		"1,Nguyễn Văn An,Phường 7,Công chức,0912345678\n2,Đặng Thị Bình,Phường 7,Nhân dân,\n3,Trần Minh Châu,Phường 3,Cán bộ,0987654321\n")
	run("roster", "import", a).expect(t, "import a", 0, []string{"Lần nhập số 1; hoàn tác: briefing roster import --undo 1"}, nil)

	var people []struct{ ID, Name, Unit, Group, Phone string }
	r := run("roster", "list", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &people); err != nil || len(people) != 3 {
		t.Fatalf("list --json: %v\n%s", err, r)
	}
	run("roster", "list", "--unit", "P.7").expect(t, "list --unit", 0,
		[]string{"Nguyễn Văn An", "Đặng Thị Bình", "2 người"}, []string{"Trần Minh Châu"})
	id := func(name string) string {
		for _, p := range people {
			if p.Name == name {
				return p.ID
			}
		}
		t.Fatalf("no %s", name)
		return ""
	}
	an, binh := id("Nguyễn Văn An"), id("Đặng Thị Bình")

	run("roster", "show", an).expect(t, "show", 0, []string{"Nguyễn Văn An", "Phường 7", "Công chức", "0912345678", "nhập từ danh sách"}, nil)
	run("roster", "show", "nobody-id").expect(t, "show unknown", 1, []string{"không có người nào mang mã"}, nil)
	run("roster", "edit", binh, "--unit", "Phường 4", "--position", "Tổ trưởng", "--phone", "0909 123 456").expect(t, "edit", 0,
		[]string{"Đã sửa Đặng Thị Bình", "Phường 4", "Tổ trưởng", "0909123456"}, nil)
	run("roster", "edit", binh, "--phone", "123").expect(t, "edit, bad phone", 2, []string{"123"}, []string{"Đã sửa"})
	run("roster", "edit", binh).expect(t, "edit, nothing", 2, []string{"--name, --unit, --group, --phone, --position"}, nil)
	run("--lang", "en", "roster", "edit", binh, "--group", "xyz").expect(t, "edit, bad group, en", 2, []string{"xyz"}, nil)

	// Import 1's Bình was edited since: its undo is refused, nothing changes.
	run("roster", "import", "--undo", "1").expect(t, "undo refused", 1,
		[]string{"không hoàn tác lần nhập số 1: 1 người", "Đặng Thị Bình", "chưa thay đổi gì"}, nil)
	run("roster", "list").expect(t, "after the refused undo", 0, []string{"3 người"}, nil)

	// A second import, undone: its new person goes, its change is given back.
	b := writeTestFile(t, dir, "b.csv", "Họ và tên,Đơn vị,Chức vụ,Số điện thoại\nNguyễn Văn An,Phường 7,Chủ tịch,0912345678\nVõ Văn Đức,Phường 3,,\n")
	run("roster", "import", b).expect(t, "import b", 0, []string{"Mới: 1, cập nhật: 1", "Lần nhập số 2"}, nil)
	run("roster", "imports").expect(t, "imports", 0, []string{"a.csv", "b.csv", "SỐ"}, nil)
	run("roster", "import", "--undo", "2").expect(t, "undo 2", 0,
		[]string{"Đã hoàn tác lần nhập số 2 (" + b + "): bỏ 1 người lần đó thêm, trả lại 1 người lần đó sửa"}, nil)
	r = run("roster", "list")
	r.expect(t, "after undo 2", 0, []string{"3 người"}, []string{"Võ Văn Đức", "Chủ tịch"})
	run("roster", "import", "--undo", "2").expect(t, "undo 2 again", 1, []string{"đã được hoàn tác rồi"}, nil)
	run("roster", "import", "--undo", "7").expect(t, "undo 7", 1, []string{"không có lần nhập số 7"}, nil)
	run("roster", "import", b, "--undo", "2").expect(t, "undo with a file", 2, []string{"--undo N hoàn tác"}, nil)
	run("roster", "imports", "--json").expect(t, "imports --json", 0, []string{`"undone_at": "`}, nil)

	// Removed while checked in: off the roster, still in the session's record.
	run("session", "start", "nq57-toan-van", "--title", "Hội nghị").expect(t, "session start", 0, nil, nil)
	run("checkin", "--person", an).expect(t, "check-in", 0, []string{"Nguyễn Văn An"}, nil)
	run("roster", "remove", an).expect(t, "remove", 0,
		[]string{"Đã bỏ Nguyễn Văn An", "vẫn có tên trong 1 phiên"}, nil)
	run("roster", "list").expect(t, "after remove", 0, []string{"2 người"}, []string{"Nguyễn Văn An"})
	run("roster", "remove", an).expect(t, "remove again", 1, []string{"không có người nào mang mã"}, nil)
	run("checkin", "--query", "Nguyễn Văn An").expect(t, "search after remove", 1, nil, []string{an})
	minutes := filepath.Join(dir, "bienban.md")
	var sessions []struct{ ID string }
	r = run("session", "list", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &sessions); err != nil || len(sessions) != 1 {
		t.Fatalf("session list --json: %v\n%s", err, r)
	}
	run("session", "export", sessions[0].ID, "-o", minutes).expect(t, "export", 0, nil, nil)
	if md, err := os.ReadFile(minutes); err != nil || !strings.Contains(string(md), "Số người tham dự: 1 người") {
		t.Errorf("the minutes lost the removed attendee: %v\n%s", err, md)
	}
}

// TestE2ERosterRemoveSyncs: a removal reaches the district hub as any change
// does: the hub applies the person's update, holds nothing back, and the
// laptop has nothing left to push.
func TestE2ERosterRemoveSyncs(t *testing.T) {
	hub := startRealHub(t)
	data := hub.enrol(t, "Phường 7")
	csv := writeTestFile(t, t.TempDir(), "ds.csv", "Họ và tên,Đơn vị\nNguyễn Văn An,Phường 7\nĐặng Thị Bình,Phường 7\n")
	mustCLI(t, "--data", data, "roster", "import", csv)
	mustCLI(t, "--data", data, "sync")
	var people []struct{ ID, Name string }
	if err := json.Unmarshal([]byte(mustCLI(t, "--data", data, "roster", "list", "--json")), &people); err != nil || len(people) != 2 {
		t.Fatalf("roster list --json: %v %v", people, err)
	}
	mustCLI(t, "--data", data, "roster", "remove", people[0].ID)
	mustCLI(t, "--data", data, "sync")
	if n := hubInt(t, hub, `SELECT count(*) FROM change_in WHERE entity = 'person' AND op = 'update' AND record_id = ? AND applied = 1`, people[0].ID); n != 1 {
		t.Errorf("the removal applied at the hub %d times, want 1\n%s", n, hub.log)
	}
	if n := hubInt(t, hub, `SELECT count(*) FROM held`); n != 0 {
		t.Errorf("%d changes held at the hub\n%s", n, hub.log)
	}
	var st syncStatusJSON
	if err := json.Unmarshal([]byte(mustCLI(t, "--data", data, "sync", "status", "--json")), &st); err != nil || st.Pending != 0 {
		t.Errorf("sync status after the removal: %+v %v", st, err)
	}
}
