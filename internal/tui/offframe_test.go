package tui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoDatabaseOnTheFrame holds the rule that the TUI reads and writes the database only
// in a tea.Cmd, never in Update, View or a helper they call: every call that is given a
// context (every service and store call takes one first) must sit in a function literal
// (the Cmd), or in a function that itself takes a context (so it can only be called from
// one). A call such as s.Units(context.Background()) made in Update fails it.
func TestNoDatabaseOnTheFrame(t *testing.T) {
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		checked++
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Body == nil || takesContext(fn.Type) {
				continue
			}
			onFrame(fn.Body, func(call *ast.CallExpr) {
				t.Errorf("%s: %s calls with a context outside a tea.Cmd: move the call into the Cmd it returns",
					fset.Position(call.Pos()), fn.Name.Name)
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 10 {
		t.Fatalf("only %d files checked: the walk did not find the screens", checked)
	}
}

// onFrame reports the calls in n, outside function literals, whose first argument is a
// context: context.Background(), context.TODO(), ctx or ctx().
func onFrame(n ast.Node, report func(*ast.CallExpr)) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a Cmd, run off the frame
		case *ast.CallExpr:
			if len(n.Args) > 0 && isContext(n.Args[0]) {
				report(n)
			}
		}
		return true
	})
}

func isContext(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name == "ctx"
	case *ast.CallExpr:
		switch fun := e.Fun.(type) {
		case *ast.Ident:
			return fun.Name == "ctx"
		case *ast.SelectorExpr:
			pkg, ok := fun.X.(*ast.Ident)
			return ok && pkg.Name == "context" && (fun.Sel.Name == "Background" || fun.Sel.Name == "TODO")
		}
	}
	return false
}

func takesContext(ft *ast.FuncType) bool {
	for _, p := range ft.Params.List {
		if sel, ok := p.Type.(*ast.SelectorExpr); ok && sel.Sel.Name == "Context" {
			if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "context" {
				return true
			}
		}
	}
	return false
}

// The rule finds a call made on the frame, and lets the same call through inside a Cmd.
func TestNoDatabaseOnTheFrameCanFail(t *testing.T) {
	const src = `package p
func (a App) newForm() Form {
	units, _ := a.opts.Service.Units(context.Background())
	return Form{units: units}
}
func (a App) load() tea.Cmd {
	return func() tea.Msg { u, _ := a.opts.Service.Units(context.Background()); return u }
}`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var found []string
	for _, decl := range f.Decls {
		fn := decl.(*ast.FuncDecl)
		onFrame(fn.Body, func(*ast.CallExpr) { found = append(found, fn.Name.Name) })
	}
	if strings.Join(found, ",") != "newForm" {
		t.Errorf("found calls on the frame in %v, want [newForm]", found)
	}
}
