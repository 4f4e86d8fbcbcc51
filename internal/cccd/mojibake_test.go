package cccd

import (
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// garble is s as a scanner set to the layout of cm types it: each UTF-8
// byte as the character cm has for it.
func garble(t *testing.T, s string, cm *charmap.Charmap) string {
	t.Helper()
	out, err := cm.NewDecoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// A name (and address) a scanner's Windows-1252 or Windows-1258 layout
// garbled is repaired when the garbling reverses, and then trusted; a real
// Vietnamese name is left alone.
func TestParseRepairsMojibake(t *testing.T) {
	tests := []struct{ name, in, wantName, wantAddress string }{
		{"Windows-1252",
			"079203001234|272345678|Nguyá»…n VÄƒn An|01021990|Nam|12 LÃ½ ThÆ°á»\u009dng Kiá»‡t|15082021",
			"Nguyễn Văn An", "12 Lý Thường Kiệt"},
		{"Windows-1252, letters only",
			"079203001234|272345678|NguyÃªn Van An|01021990|Nam|Phường 7|15082021",
			"Nguyên Van An", "Phường 7"},
		{"Windows-1258",
			"079203001234|272345678|" + garble(t, "Trần Thị Hà", charmap.Windows1258) + "|01021990|" +
				garble(t, "Nữ", charmap.Windows1258) + "|" + garble(t, "Tổ 5, Khu phố 3", charmap.Windows1258) + "|15082021",
			"Trần Thị Hà", "Tổ 5, Khu phố 3"},
		{"Vietnamese as it should be",
			"079203001234|272345678|Lê Hà|01021990|Nữ|Phường 4|15082021",
			"Lê Hà", "Phường 4"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if got.Name != tt.wantName || !got.NameTrusted || got.Address != tt.wantAddress {
				t.Errorf("name %q trusted %v address %q; want %q true %q", got.Name, got.NameTrusted, got.Address, tt.wantName, tt.wantAddress)
			}
		})
	}
}
