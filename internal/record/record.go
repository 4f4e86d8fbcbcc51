// Package record holds the plain shapes of the records every layer passes
// around: the store reads and writes them, the domain services return them,
// the reports and --json print them. It imports only the standard library,
// so any package may use it.
//
// A record's JSON form is its change-log payload: a field's json name is
// its column name, and the names never change (the sync protocol reads
// them). Times are UTC with millisecond precision, the database's.
package record

// Meta is the identity every syncable record carries: a UUIDv7 id, the device
// that wrote it, and the HLC stamp of its last write (HLC orders writes, so
// pollers ask for what was written after the last stamp they saw).
type Meta struct {
	ID     string `json:"id"`
	Origin string `json:"origin"`
	HLC    string `json:"hlc"`
}
