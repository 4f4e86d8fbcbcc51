package attendance

import "testing"

func TestPhoneLast3(t *testing.T) {
	for phone, want := range map[string]string{"": "", "09": "", "090": "090", "0903123456": "456"} {
		if got := (Person{Phone: phone}).PhoneLast3(); got != want {
			t.Errorf("PhoneLast3(%q) = %q, want %q", phone, got, want)
		}
	}
}
