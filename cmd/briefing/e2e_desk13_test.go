package main

// End-to-end tests of issue 13's desk: counters against who is expected,
// and a citizen-ID number matched as it is typed.

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
)

const desk13RosterCSV = "Họ và tên;Đơn vị;Chức vụ;Số điện thoại;Số CCCD\r\n" +
	"Nguyễn Văn An;Phường 4;Tổ trưởng tổ dân phố 3;0912345678;079203001234\r\n" +
	"Nguyễn Văn An;Phường 4;Bí thư chi bộ;0912000456;\r\n" +
	"Lưu Bích Hạnh;P.4;;;\r\n" +
	"Đỗ Thị Bốn;Phường 7;;;\r\n"

// TestE2EDeskCountersAndIDMatch: at 80x24 and 160x45, a 12-digit ID number
// shows its holder as it is typed (before Enter), Enter checks them in, and
// the counters say present against expected (the roster's people of the
// session's unit, Phường 4: three of four) and, by unit, how many are still
// to come; two people of one name are told apart.
func TestE2EDeskCountersAndIDMatch(t *testing.T) {
	t.Parallel()
	for _, size := range [][2]int{{80, 24}, {160, 45}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			tm := newTmux(t)
			tm.importRoster(desk13RosterCSV)
			mustCLI(t, "--data", tm.data, "session", "start", "nq57-toan-van", "--unit", "Phường 4")
			p := tm.start("desk", size[0], size[1], "desk")
			s := waitFor(t, p, "— gõ để tìm", waitTimeout)
			if !strings.Contains(strings.SplitN(s, "\n", 2)[0], "Có mặt 0/3") {
				t.Fatalf("the header does not count against expected:\n%s", frame(s))
			}

			p.typeText("079203001234")
			s = waitFor(t, p, "Người có CCCD …1234 — Enter để điểm danh", waitTimeout)
			if !strings.Contains(s, "Nguyễn Văn An") || strings.Contains(s, "Không thấy") {
				t.Fatalf("the holder is not shown as the number is typed:\n%s", frame(s))
			}
			p.send("Enter")
			waitFor(t, p, "✓ Đã điểm danh: Nguyễn Văn An · Phường 4", waitTimeout)
			s = waitFor(t, p, "Có mặt 1/3", waitTimeout)
			unit := regexp.MustCompile(`Phường 4: 1/3 còn 2`)
			if size[0] >= 110 {
				unit = regexp.MustCompile(`│ Phường 4 +1/3 còn 2`)
			}
			if !unit.MatchString(s) {
				t.Fatalf("no %s in:\n%s", unit, frame(s))
			}

			p.typeText("nguyen van an")
			s = waitFor(t, p, "Bí thư chi bộ · ĐT …456", waitTimeout)
			if !strings.Contains(s, "Tổ trưởng tổ dân phố 3 · ĐT …678") {
				t.Fatalf("two people of one name are not told apart:\n%s", frame(s))
			}
			for i, line := range strings.Split(s, "\n") {
				if w := len([]rune(line)); w > size[0] {
					t.Errorf("line %d is %d wide: %q", i, w, line)
				}
			}
			t.Logf("%dx%d:\n%s", size[0], size[1], frame(s))
		})
	}
}
