package roster

import "testing"

func TestGroupByPrefix(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Group
		ok   bool
	}{
		// What ParseGroup reads, GroupByPrefix reads the same way.
		{"", "", true},
		{"  ", "", true},
		{"Hội viên/đoàn viên", HoiVien, true},
		{"đoàn viên", HoiVien, true},
		{"can_bo", CanBo, true},
		{"dân", NhanDan, true},
		// A start of one group's names only.
		{"Hội", HoiVien, true},
		{"hoi", HoiVien, true},
		{"HOI VIEN", HoiVien, true},
		{"hội viên/", HoiVien, true},
		{"nhan", NhanDan, true},
		{"Nhân d", NhanDan, true},
		{"doanh", DoanhNghiep, true},
		{"cán", CanBo, true},
		{"cong c", CongChuc, true},
		{"vien", VienChuc, true},
		{"nguoi l", NguoiLaoDong, true},
		{"kh", Khac, true},
		{"civil", CongChuc, true},
		// Shared by two groups' names, or by none.
		{"c", "", false},
		{"công", "", false}, // công chức, công nhân
		{"đoàn", "", false}, // đoàn viên, doanh nghiệp
		{"doan", "", false},
		{"nguoi", "", false}, // người lao động, người dân
		{"hội đồng", "", false},
		{"xyz", "", false},
		{"/", "", false},
	} {
		g, ok := GroupByPrefix(c.in)
		if g != c.want || ok != c.ok {
			t.Errorf("GroupByPrefix(%q) = %q, %v; want %q, %v", c.in, g, ok, c.want, c.ok)
		}
	}
}
