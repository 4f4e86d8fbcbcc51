package main

import (
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// onceFlags makes every single-valued flag of c and its subcommands an error
// when given twice: `checkin --query a --query b` checked in b, `session start
// --title x --title y` made "y"; which one a script meant is anyone's guess.
// Lists (string slices) and switches (bool) may repeat.
func onceFlags(c *cobra.Command) {
	c.Flags().VisitAll(func(f *pflag.Flag) {
		switch f.Value.(type) {
		case *onceString, *onceValue:
			return
		}
		switch f.Value.Type() {
		case "string", "int", "int64", "uint", "float64", "duration":
			f.Value = &onceValue{Value: f.Value}
		}
	})
	for _, sub := range c.Commands() {
		onceFlags(sub)
	}
}

// onceValue is a flag's value that may be set once.
type onceValue struct {
	pflag.Value
	set bool
}

func (o *onceValue) Set(v string) error {
	if o.set {
		return errRepeated
	}
	o.set = true
	return o.Value.Set(v)
}
