package deck

import (
	"testing"
	"testing/fstest"
)

func TestWithPublishedWinsOverEmbedded(t *testing.T) {
	src := func(version string) []byte {
		return []byte("---\nid: nq57\ntitle: NQ57 " + version + "\nversion: \"" + version + "\"\nlang: vi\n---\n# Trang 1\n")
	}
	embedded := fstest.MapFS{"nq57.md": {Data: src("1")}}
	lib := Library(embedded, "")
	newest, older := src("3"), src("2")
	got := WithPublished(lib, []Published{
		{ID: "nq57", Version: VersionOf(newest), Source: newest},
		{ID: "nq57", Version: VersionOf(older), Source: older},
	})
	if len(got) != 2 {
		t.Fatalf("%d entries, want the newest published and the embedded", len(got))
	}
	e, err := Find(got, "nq57")
	if err != nil || e.Deck.Version != VersionOf(newest) || e.Embedded {
		t.Fatalf("Find gave %+v %v, want the newest published version", e.Deck, err)
	}
	if got := WithPublished(lib, nil); len(got) != 1 {
		t.Fatal("nothing published changed the library")
	}
}
