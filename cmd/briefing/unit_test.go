package main

import (
	"strings"
	"testing"
)

// TestUnitCommands: add, alias, merge and list --unknown through the CLI.
func TestUnitCommands(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	run := func(args ...string) (string, error) {
		return runRoot(t, "", append([]string{"--data", dir}, args...)...)
	}
	if out, err := run("unit", "add", "Tân Sơn Hòa", "--kind", "ward"); err != nil || !strings.Contains(out, "đã thêm đơn vị Tân Sơn Hòa (phường)") {
		t.Fatalf("unit add: %q, %v", out, err)
	}
	if _, err := run("unit", "add", "Y", "--kind", "planet"); err == nil || !strings.Contains(err.Error(), "ward, commune") {
		t.Errorf("unit add --kind planet: %v", err)
	}
	if out, err := run("unit", "alias", "Phường 2 (cũ)", "tan son hoa"); err != nil || !strings.Contains(out, `"Phường 2 (cũ)" giờ là Tân Sơn Hòa`) {
		t.Errorf("unit alias: %q, %v", out, err)
	}
	if _, err := run("unit", "alias", "x", "Phường 99"); err == nil || !strings.Contains(err.Error(), `danh mục không có đơn vị "Phường 99"`) {
		t.Errorf("alias to an unknown unit: %v", err)
	}
	if out, err := run("unit", "merge", "P.3", "Tân Sơn Hòa", "--lang", "en"); err != nil || !strings.Contains(out, "merged Phường 3 into Tân Sơn Hòa") {
		t.Errorf("unit merge: %q, %v", out, err)
	}
	out, err := run("unit", "list", "--json")
	if err != nil || !strings.Contains(out, `"Phường 2 (cũ)"`) || !strings.Contains(out, `"merged_into": "`) {
		t.Errorf("unit list --json: %q, %v", out, err)
	}
	if out, err := run("unit", "list", "--unknown"); err != nil || !strings.Contains(out, "mọi đơn vị ghi trong hồ sơ đều có trong danh mục") {
		t.Errorf("unit list --unknown: %q, %v", out, err)
	}
	if out := mustHelp(t, "", "unit", "--help"); !strings.Contains(out, "alias") || !strings.Contains(out, "merge") || !strings.Contains(out, "danh mục đơn vị") {
		t.Errorf("unit --help:\n%s", out)
	}
}
