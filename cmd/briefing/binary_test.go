package main

import (
	"debug/elf"
	"runtime"
	"testing"
)

// TestNoMethodsByName: nothing in the program calls a method by a name or an index known
// only when it runs. One such call (text/template's, go-deepcopy's, excelize's formula
// engine) makes the linker keep every exported method of every type in the binary: 8.5 MB
// more, mapped at every start, 2.7 MB of the presenter's peak memory (issue 16). The
// symbols below are what those calls go through.
func TestNoMethodsByName(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads the ELF symbol table")
	}
	f, err := elf.Open(briefingBin(t))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	syms, err := f.Symbols()
	if err != nil {
		t.Fatal(err)
	}
	banned := map[string]bool{
		"reflect.Value.Method":             true,
		"reflect.Value.MethodByName":       true,
		"reflect.(*rtype).Method":          true,
		"reflect.(*rtype).MethodByName":    true,
		"text/template.(*state).evalField": true,
	}
	for _, s := range syms {
		if banned[s.Name] {
			t.Errorf("the binary holds %s: something calls methods by name (go build -ldflags=-dumpdep | grep '<ReflectMethod> ->' names it); "+
				"write it without, as help.go's writeUsage and third_party's glamour and excelize patches do", s.Name)
		}
	}
}
