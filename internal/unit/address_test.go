package unit

import (
	"testing"

	"briefing/internal/record"
)

// The unit of a card's address is its most precise part the catalog knows;
// a house number is no ward.
func TestFromAddress(t *testing.T) {
	cat := NewCatalog([]Unit{
		{Meta: record.Meta{ID: "4"}, Name: "Phường 4", SortOrder: 4},
		{Meta: record.Meta{ID: "12"}, Name: "Phường 12", SortOrder: 12},
		{Meta: record.Meta{ID: "kp3"}, Name: "Khu phố 3", ParentID: "4", SortOrder: 20},
	}, nil)
	for address, want := range map[string]string{
		"Tổ 5, Khu phố 3, Phường 4, Quận 10, TP. Hồ Chí Minh": "Khu phố 3",
		"12, Lý Thường Kiệt, P.4, Quận 10":                    "Phường 4",
		"12 Nguyễn Trãi, Phuong 12, Q.5":                      "Phường 12",
		"Thôn 2, Xã Tân Phú, Tỉnh Đồng Nai":                   "",
		"": "",
	} {
		u, ok := cat.FromAddress(address)
		if u.Name != want || ok != (want != "") {
			t.Errorf("%q: %q %v, want %q", address, u.Name, ok, want)
		}
	}
}
