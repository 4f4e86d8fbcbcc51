// Command lazyvars applies briefing's patch to a copy of a library (issue 16):
// each named package-level variable `X = expr` of the package in DIR becomes
// `X = sync.OnceValue(func() T { return expr })`, marked with a comment
// containing "briefing's patch", and every use of X becomes X(). The value is
// then built on first use instead of at every start of the binary.
//
// Usage (from this folder; the names are listed in ../README.md):
//
//	go run . ../excelize NAME...
//
// Set LAZY_TESTS=1 to rewrite the uses in the package's _test.go files too
// (to run upstream's tests against the patched copy).
package main

import (
	"fmt"
	"go/ast"
	"go/format"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type edit struct {
	pos, end int
	text     string
}

func main() {
	if len(os.Args) < 3 {
		log.Fatal("usage: lazyvars DIR NAME...")
	}
	// The source importer resolves imports from the current module.
	if err := os.Chdir(os.Args[1]); err != nil {
		log.Fatal(err)
	}
	dir := "."
	want := map[string]bool{}
	for _, n := range os.Args[2:] {
		want[n] = true
	}
	fset := token.NewFileSet()
	paths, _ := filepath.Glob(filepath.Join(dir, "*.go"))
	var files []*ast.File
	src := map[string][]byte{}
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") && os.Getenv("LAZY_TESTS") == "" {
			continue
		}
		b, _ := os.ReadFile(p)
		src[p] = b
		f, err := parser.ParseFile(fset, p, b, parser.ParseComments)
		if err != nil {
			log.Fatal(err)
		}
		files = append(files, f)
	}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Defs: map[*ast.Ident]types.Object{}}
	pkg, err := conf.Check("x", fset, files, info)
	if err != nil {
		log.Fatal(err)
	}
	edits := map[string][]edit{}
	objs := map[types.Object]bool{}
	needSync := map[string]bool{}
	off := func(p token.Pos) int { return fset.Position(p).Offset }
	for _, f := range files {
		fn := fset.Position(f.Pos()).Filename
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, s := range g.Specs {
				vs := s.(*ast.ValueSpec)
				for _, n := range vs.Names {
					if !want[n.Name] {
						continue
					}
					delete(want, n.Name)
					if len(vs.Names) != 1 || len(vs.Values) != 1 {
						log.Fatal("multi spec " + n.Name)
					}
					obj := info.Defs[n]
					objs[obj] = true
					T := types.TypeString(obj.Type(), types.RelativeTo(pkg))
					b := src[fn]
					val := string(b[off(vs.Values[0].Pos()):off(vs.Values[0].End())])
					var body string
					if fl, ok := vs.Values[0].(*ast.CallExpr); ok && len(fl.Args) == 0 {
						if lit, ok := fl.Fun.(*ast.FuncLit); ok {
							// var x = func() T {...}(): use the func literal itself
							body = string(b[off(lit.Pos()):off(lit.End())])
						}
					}
					if body == "" {
						body = "func() " + T + " {\n\t\treturn " + val + "\n\t}"
					}
					// line start of the spec (after its doc comment)
					ls := off(vs.Names[0].Pos())
					for ls > 0 && b[ls-1] != '\n' {
						ls--
					}
					indent := string(b[ls:off(vs.Names[0].Pos())])
					indent = indent[:len(indent)-len(strings.TrimLeft(indent, " \t"))]
					edits[fn] = append(edits[fn],
						edit{ls, ls, indent + "// briefing's patch: built on first use, not at package init.\n"},
						edit{off(vs.Names[0].End()), off(vs.End()), " = sync.OnceValue(" + body + ")"})
					needSync[fn] = true
				}
			}
		}
	}
	if len(want) > 0 {
		log.Fatal(fmt.Sprint("not found: ", want))
	}
	for id, obj := range info.Uses {
		if objs[obj] {
			fn := fset.Position(id.Pos()).Filename
			edits[fn] = append(edits[fn], edit{off(id.End()), off(id.End()), "()"})
		}
	}
	for _, f := range files {
		fn := fset.Position(f.Pos()).Filename
		if needSync[fn] {
			has := false
			for _, im := range f.Imports {
				if im.Path.Value == `"sync"` {
					has = true
				}
			}
			if !has {
				g := f.Decls[0].(*ast.GenDecl)
				if g.Tok != token.IMPORT {
					log.Fatal("import " + fn)
				}
				if g.Lparen.IsValid() {
					edits[fn] = append(edits[fn], edit{off(g.Rparen), off(g.Rparen), "\t\"sync\"\n"})
				} else {
					b := src[fn]
					spec := string(b[off(g.Specs[0].Pos()):off(g.Specs[0].End())])
					edits[fn] = append(edits[fn], edit{off(g.Pos()), off(g.End()), "import (\n\t" + spec + "\n\t\"sync\"\n)"})
				}
			}
		}
	}
	for fn, es := range edits {
		sort.SliceStable(es, func(i, j int) bool { return es[i].pos > es[j].pos })
		for _, r := range es {
			for _, e := range es {
				if r.end > r.pos && e.pos > r.pos && e.pos < r.end {
					log.Fatal(fmt.Sprint("nested edit in ", fn, " at ", e.pos))
				}
			}
		}
		b := src[fn]
		for _, e := range es {
			b = append(b[:e.pos:e.pos], append([]byte(e.text), b[e.end:]...)...)
		}
		out, err := format.Source(b)
		if err != nil {
			os.WriteFile(fn, b, 0o644)
			log.Fatal(fmt.Sprint(fn, err))
		}
		os.WriteFile(fn, out, 0o644)
		fmt.Println("rewrote", filepath.Base(fn), len(es), "edits")
	}
}
