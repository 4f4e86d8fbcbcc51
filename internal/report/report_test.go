package report

import (
	"fmt"
	"time"
)

// ict is Vietnam's time zone (UTC+7, no daylight saving), fixed so that tests
// do not depend on the machine's time zone database.
var ict = time.FixedZone("ICT", 7*60*60)

// sample is a small fixed attendance: Vietnamese names, every method, a
// person with no group and one with no unit, and cells that a spreadsheet
// would run as formulas.
func sample() Attendance {
	start := time.Date(2025, 3, 15, 1, 0, 0, 0, time.UTC) // 08:00 in Vietnam
	end := start.Add(150 * time.Minute)
	at := func(min, sec int) time.Time {
		return start.Add(time.Duration(min)*time.Minute + time.Duration(sec)*time.Second)
	}
	return Attendance{
		Session: Session{
			ID: "0195a0e0-0000-7000-8000-000000000001", Title: "Hội nghị quán triệt Nghị quyết 57-NQ/TW",
			Unit: "UBND Phường 4", Venue: "Hội trường UBND Phường 4", Form: "truc_tiep",
			Rapporteur: "Trần Thị Bích", DeckTitle: "Nghị quyết 57-NQ/TW — toàn văn", DeckVersion: "2025.1",
			StartedAt: start, EndedAt: &end,
		},
		Attendees: []Attendee{
			{Name: "Nguyễn Văn An", Unit: "Phường 10", Position: "Chủ tịch UBND", Group: "can_bo", Method: "roster", CheckedInAt: at(-12, 5)},
			{Name: "Lê Thị Ánh Tuyết", Unit: "Phường 2", Position: "Chuyên viên", Group: "cong_chuc", Method: "roster", CheckedInAt: at(-9, 41)},
			{Name: "Đặng Quốc Việt", Unit: "Phường 2", Position: "Giáo viên", Group: "vien_chuc", Method: "qr", CheckedInAt: at(-3, 0)},
			{Name: "Phạm Hữu Đức", Unit: "Công ty TNHH Ánh Dương, Tân Bình", Position: "Giám đốc", Group: "doanh_nghiep", Method: "walk_in", CheckedInAt: at(1, 17)},
			{Name: "Võ Thị Hồng", Unit: "", Position: "", Group: "", Method: "walk_in", CheckedInAt: at(4, 59)},
			{Name: "=HYPERLINK(\"http://x.example\",\"bấm\")", Unit: "+Phường 4", Position: "-1", Group: "nhan_dan", Method: "walk_in", CheckedInAt: at(6, 30)},
		},
	}
}

// many is an attendance of n people spread over groups, units and methods.
func many(n int) Attendance {
	a := sample()
	a.Attendees = make([]Attendee, n)
	methods := []string{"roster", "walk_in", "qr"}
	for i := range a.Attendees {
		a.Attendees[i] = Attendee{
			Name:        fmt.Sprintf("Nguyễn Thị Người Tham Dự %d", i+1),
			Unit:        fmt.Sprintf("Phường %d", i%15+1),
			Position:    "Chuyên viên",
			Group:       GroupCodes[i%len(GroupCodes)],
			Method:      methods[i%len(methods)],
			CheckedInAt: a.Session.StartedAt.Add(time.Duration(i) * 7 * time.Second),
		}
	}
	return a
}
