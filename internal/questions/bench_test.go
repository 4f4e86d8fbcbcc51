package questions

import "testing"

// BenchmarkQuestionAdd is one question committed durably (synchronous=FULL,
// with its first version and change-log entries), as the desk does before
// it shows the question in the list.
func BenchmarkQuestionAdd(b *testing.B) {
	f := newFixture(b)
	d := Draft{Text: "Nghị quyết 57 đặt mục tiêu gì cho chuyển đổi số ở cấp phường?", Slide: FromScreen,
		AskerName: "Nguyễn Văn An", AskerUnit: "Phường 7"}
	for b.Loop() {
		if _, err := f.svc.Add(ctx, f.session, d); err != nil {
			b.Fatal(err)
		}
	}
}
