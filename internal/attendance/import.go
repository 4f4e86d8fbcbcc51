package attendance

import (
	"context"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"briefing/internal/cccd"
	"briefing/internal/roster"
	"briefing/internal/store"
	"briefing/internal/textvi"
	"briefing/internal/unit"
)

// RowReader is a roster file being read (roster.Reader).
type RowReader interface {
	Next() (roster.Row, error)
	Progress() (done, total int64)
}

// ImportOptions tune Import.
type ImportOptions struct {
	// Unit is given to rows that have none.
	Unit string
	// DryRun reads and checks everything, counts what would change, and
	// writes nothing: the stored people are read with plain queries (no
	// write transaction, so no writer waits on it), the file's rows are
	// weighed against them in memory, and no key is made.
	DryRun bool
	// SkipInvalid imports the valid rows even when some are invalid.
	SkipInvalid bool
	// Progress, if set, is called now and then with the reader's progress.
	Progress func(done, total int64)
	// File is the file's name as the clerk gave it, kept with the import's
	// record (roster imports).
	File string
}

// ImportResult says what an import did (or, in a dry run, would do).
type ImportResult struct {
	Imported, Updated, Unchanged, Rejected int
	// Problems are the rejected rows' reasons, the first MaxProblems of them.
	Problems []roster.Problem
	// Applied: the changes were committed.
	Applied bool
	// Refused: rejected rows stopped the import (ErrRejected); nothing was written.
	Refused bool
	// ImportID is the number of the import's record, for roster import
	// --undo; 0 when nothing was written.
	ImportID int64
	// UnknownUnits are the units, as typed on accepted rows, that the unit
	// catalog does not know, with how many rows carry each, in file order:
	// kept as typed, for the clerk to alias (unit alias).
	UnknownUnits []unit.Spelling
}

// ImportOutcome is what an import came to, as the clerk is told it.
type ImportOutcome int

const (
	ImportDone        ImportOutcome = iota // written, every row valid
	ImportDoneSkipped                      // written, the rejected rows skipped (SkipInvalid)
	ImportDryRun                           // nothing written, as asked: the counts are what it would do
	ImportRefused                          // nothing written: rejected rows to fix, or SkipInvalid
	ImportNoValid                          // nothing written: every row was rejected
	ImportEmpty                            // nothing written: the file has no rows
)

// Outcome is what the import came to.
func (r ImportResult) Outcome() ImportOutcome {
	switch {
	case r.Imported+r.Updated+r.Unchanged == 0 && r.Rejected == 0:
		return ImportEmpty
	case r.Imported+r.Updated+r.Unchanged == 0:
		return ImportNoValid
	case r.Refused:
		return ImportRefused
	case !r.Applied:
		return ImportDryRun
	case r.Rejected > 0:
		return ImportDoneSkipped
	}
	return ImportDone
}

// Failed says nothing was imported when something was meant to be: the run fails.
func (o ImportOutcome) Failed() bool { return o >= ImportRefused }

// MaxProblems caps the problems an import keeps; Rejected counts them all.
const MaxProblems = 1000

// ErrRejected: the roster has invalid rows, so nothing was imported.
var ErrRejected = errors.New("roster has invalid rows; nothing was imported")

// importBatch is how many new people go to the database at once.
const importBatch = 1000

// Import reads a roster and adds or updates its people in one transaction:
// all of it is applied, or none. Every row is checked first; if any is
// invalid nothing is written (ErrRejected) unless SkipInvalid.
//
// A person is recognised by their citizen-ID hash, else by name, unit and
// phone, two names being the same when they fold the same and their
// diacritics agree (marksAgree: "Lê Văn Tám" is not "Lê Văn Tâm", "Le Van Tam"
// may be either, and is rejected as ambiguous when both are known). A row
// that repeats an earlier row's person is rejected. Importing
// the same file again changes nothing. Empty cells keep what is stored.
func (s *Service) Import(ctx context.Context, r RowReader, opt ImportOptions) (ImportResult, error) {
	if opt.DryRun {
		return s.dryRun(ctx, r, opt)
	}
	hashers, err := s.hashers(ctx)
	if err != nil {
		return ImportResult{}, err
	}
	var res ImportResult
	err = s.st.Tx(ctx, func(tx *store.Tx) error {
		res = ImportResult{} // a retried transaction starts over
		if err := tx.GrowCache(ctx, 128); err != nil {
			return err
		}
		im := newImporter(ctx, tx, tx, hashers, opt, s.now())
		if im.cat, err = s.units.CatalogInTx(ctx, tx); err != nil {
			return err
		}
		firstRow, err := tx.MaxPersonRow(ctx)
		if err != nil {
			return err
		}
		if err := im.loadKnown(); err != nil {
			return err
		}
		if err := im.readAll(r, &res); err != nil {
			return err
		}
		if res.Rejected > 0 && !opt.SkipInvalid {
			return ErrRejected
		}
		// Kept so that it can be undone: what it added, and what it changed.
		rec := store.RosterImport{
			File: opt.File, At: im.now, Added: res.Imported, Updated: res.Updated, Unchanged: res.Unchanged,
			Reject: res.Rejected, FirstRow: firstRow,
		}
		if err := tx.AddRosterImport(ctx, &rec, im.changes); err != nil {
			return err
		}
		res.ImportID = rec.ID
		return nil
	})
	switch {
	case errors.Is(err, ErrRejected):
		res.Refused = true
		return res, ErrRejected
	case err != nil:
		return res, fmt.Errorf("import roster: %w", err)
	}
	res.Applied = true
	return res, nil
}

// dryRun is Import with DryRun: the same importer, reading the stored people
// through the store's own queries and writing nothing. The hash keys are
// the installation's if it has them; if not, a real import would make one,
// and no stored hash can be under a key not yet made, so a key kept in
// memory for the run compares the same.
func (s *Service) dryRun(ctx context.Context, r RowReader, opt ImportOptions) (ImportResult, error) {
	hashers, err := s.existingHashers(ctx)
	if err != nil {
		return ImportResult{}, err
	}
	if len(hashers) == 0 {
		key := cccd.NewKey()
		hashers = []cccd.Hasher{cccd.NewHasher(cccd.KeyID(key), key)}
	}
	var res ImportResult
	im := newImporter(ctx, s.st, nil, hashers, opt, s.now())
	if im.cat, err = s.units.Catalog(ctx); err != nil {
		return res, fmt.Errorf("import roster: %w", err)
	}
	if err := im.loadKnown(); err != nil {
		return res, fmt.Errorf("import roster: %w", err)
	}
	if err := im.readAll(r, &res); err != nil {
		return res, fmt.Errorf("import roster: %w", err)
	}
	if res.Rejected > 0 && !opt.SkipInvalid {
		res.Refused = true
		return res, ErrRejected
	}
	return res, nil
}

// peopleReader is where an import reads the stored people: the write
// transaction, or for a dry run the store itself.
type peopleReader interface {
	EachPerson(ctx context.Context, afterRow int64, fn func(store.Person) error) error
	PersonAtRow(ctx context.Context, row int64) (store.Person, error)
	DeviceID() string
}

// importer holds one import's state: the people already known (stored, or
// seen earlier in the file), keyed by a 64-bit hash of their identity so a
// million rows fit in tens of megabytes.
type importer struct {
	ctx context.Context
	db  peopleReader
	tx  *store.Tx // nil in a dry run, which writes nothing
	// hashers are the citizen-ID hashers, the current one first: a stored
	// hash made under an older key of this installation is still recognised.
	hashers []cccd.Hasher
	opt     ImportOptions
	now     time.Time
	seed    maphash.Seed
	known   map[uint64]known
	// more holds a name key's other entries, for names that fold the same
	// but differ in their diacritics: rare, so kept apart from known.
	more  map[uint64][]known
	units map[string]string // unit -> its key in the catalog, units repeat
	cat   *unit.Catalog
	// unknown indexes res.UnknownUnits by spelling.
	unknown map[string]int
	batch   []*store.Person
	// changes are the stored people the import updated, as they were, for
	// the import's record.
	changes []store.ImportChange
}

type known struct {
	row int64 // the stored person's rowid, 0 if new in this file
	// fields is a hash of the stored person's fields: a row that carries
	// the same ones changes nothing and needs no read of the person, which
	// makes importing the same roster again a pass over the file.
	fields uint64
	// marks is a hash of the name's diacritics (marksKey), 0 for a name
	// without them and in the entries of citizen-ID keys. Name keys fold
	// the name, so one key may have entries with different marks.
	marks uint64
	line  int32 // the file line that named this person, 0 if not yet seen
	// several: more than one stored person answers to this key (a name and
	// unit without a phone), so a row cannot say which one it means.
	several bool
	// hasMore: the key has other entries, in importer.more.
	hasMore bool
}

func newImporter(ctx context.Context, db peopleReader, tx *store.Tx, hashers []cccd.Hasher, opt ImportOptions, now time.Time) *importer {
	return &importer{
		ctx: ctx, db: db, tx: tx, hashers: hashers, opt: opt, now: now,
		seed: maphash.MakeSeed(), known: map[uint64]known{}, more: map[uint64][]known{}, units: map[string]string{},
		unknown: map[string]int{},
	}
}

// marksKey hashes name's diacritics (textvi.Marks): 0 for a name without any.
func marksKey(seed maphash.Seed, name string) uint64 {
	var buf [128]byte
	m, ok := textvi.AppendMarks(buf[:0], name)
	if !ok {
		return 0
	}
	if h := maphash.Bytes(seed, m); h != 0 {
		return h
	}
	return 1
}

// find looks a name key up for a name whose diacritics hash to marks: the
// entry of the same diacritics, else that of the name without diacritics; a
// name without diacritics takes the key's only person, and when the key has
// several (Tám and Tâm) an entry with several set.
func (im *importer) find(k, marks uint64) (known, bool) {
	first, ok := im.known[k]
	if !ok || !first.hasMore {
		if ok && marks != 0 && first.marks != marks && first.marks != 0 {
			return known{}, false
		}
		return first, ok
	}
	more := im.more[k]
	if marks != 0 {
		if first.marks == marks {
			return first, true
		}
		plain, hasPlain := first, first.marks == 0
		for _, kn := range more {
			if kn.marks == marks {
				return kn, true
			}
			if kn.marks == 0 && !hasPlain {
				plain, hasPlain = kn, true
			}
		}
		return plain, hasPlain
	}
	for _, kn := range more {
		if kn.row == 0 || kn.row != first.row {
			return known{several: true}, true
		}
	}
	return first, true
}

func has(m map[uint64]known, k uint64) bool {
	_, ok := m[k]
	return ok
}

// put sets k's entry with kn's marks to kn, or with first set, only adds
// it when k has none with those marks. It reports whether it did.
func (im *importer) put(k uint64, kn known, first bool) bool {
	prev, ok := im.known[k]
	switch {
	case !ok:
		im.known[k] = kn
		return true
	case prev.marks == kn.marks:
		if !first {
			kn.hasMore = prev.hasMore
			im.known[k] = kn
		}
		return !first
	}
	if e := im.entry(k, kn.marks); e != nil {
		if !first {
			*e = kn
		}
		return !first
	}
	im.more[k] = append(im.more[k], kn)
	if !prev.hasMore {
		prev.hasMore = true
		im.known[k] = prev
	}
	return true
}

// entry returns a pointer to k's entry with marks among its other entries
// (more), or nil.
func (im *importer) entry(k, marks uint64) *known {
	more := im.more[k]
	for i := range more {
		if more[i].marks == marks {
			return &more[i]
		}
	}
	return nil
}

// taken records that the file's line names the person of name key k that
// a row with marks was matched to (rowid 0: a new person): every entry of
// that stored person, and the entry of the row's own diacritics, or, for a
// row without diacritics matched to nobody stored, that of no diacritics.
func (im *importer) taken(k, marks uint64, rowid int64, line int32) {
	first, ok := im.known[k]
	if !ok {
		im.known[k] = known{row: rowid, marks: marks, line: line}
		return
	}
	touched := false
	if rowid != 0 && first.row == rowid {
		first = known{row: rowid, marks: first.marks, line: line, hasMore: first.hasMore}
		im.known[k] = first
		touched = true
	}
	if first.hasMore && rowid != 0 {
		for i, kn := range im.more[k] {
			if kn.row == rowid {
				im.more[k][i] = known{row: rowid, marks: kn.marks, line: line}
				touched = true
			}
		}
	}
	if (marks != 0 || !touched) && !(touched && first.marks == marks && !first.hasMore) {
		im.put(k, known{row: rowid, marks: marks, line: line}, false)
	}
}

func (im *importer) idKey(hash string) uint64 { return maphash.String(im.seed, "id\x00"+hash) }

// knownCard looks a card up by its hash under each key, the current first.
func (im *importer) knownCard(hashes []string) (known, bool) {
	for _, h := range hashes {
		if kn, ok := im.known[im.idKey(h)]; ok {
			return kn, true
		}
	}
	return known{}, false
}

func (im *importer) nameKey(nameKey, unit, phone string) uint64 {
	return maphash.String(im.seed, "name\x00"+nameKey+"\x00"+im.foldUnit(unit)+"\x00"+phone)
}

// looseKey is a name and unit with any phone: how a row without a phone finds
// a person stored with one.
func (im *importer) looseKey(nameKey, unit string) uint64 {
	return maphash.String(im.seed, "loose\x00"+nameKey+"\x00"+im.foldUnit(unit))
}

// foldUnit is the unit a person is recognised by: the catalog unit its
// spelling resolves to (so "P.4" finds a person stored under "Phường 4"),
// else the spelling's key.
func (im *importer) foldUnit(spelling string) string {
	f, ok := im.units[spelling]
	if !ok {
		if u, known := im.cat.Resolve(spelling); known {
			f = "id\x00" + u.ID
		} else {
			f = "key\x00" + unit.Key(spelling)
		}
		im.units[spelling] = f
	}
	return f
}

// noteUnit counts an accepted row's unit when the catalog does not know it.
func (im *importer) noteUnit(spelling string, res *ImportResult) {
	if spelling == "" || strings.HasPrefix(im.foldUnit(spelling), "id\x00") {
		return
	}
	i, ok := im.unknown[spelling]
	if !ok {
		i = len(res.UnknownUnits)
		im.unknown[spelling] = i
		res.UnknownUnits = append(res.UnknownUnits, unit.Spelling{Unit: spelling})
	}
	res.UnknownUnits[i].Count++
}

// fieldsKey hashes what an import can change in a person.
func (im *importer) fieldsKey(name, nameKey, unit, position, group, phone, idHash string) uint64 {
	var h maphash.Hash
	h.SetSeed(im.seed)
	for _, f := range [...]string{name, nameKey, unit, position, group, phone, idHash} {
		h.WriteString(f)
		h.WriteByte(0)
	}
	return h.Sum64()
}

// loadKnown indexes the stored people; the first of equal keys (and equal
// diacritics) wins. The database is read here while another goroutine works
// out the names' diacritics and fills the index, a batch behind.
func (im *importer) loadKnown() error {
	// Three batches go round: one read into, one indexed, one waiting.
	batches, free := make(chan []storedPerson, 1), make(chan []storedPerson, 3)
	for range 3 {
		free <- make([]storedPerson, 0, readBatchRows)
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		for b := range batches {
			for _, sp := range b {
				im.index(sp)
			}
			free <- b[:0]
		}
	}()
	batch := <-free
	err := im.db.EachPerson(im.ctx, 0, func(p store.Person) error {
		sp := storedPerson{
			kn:   known{row: p.Row, fields: im.fieldsKey(p.Name, p.NameKey, p.Unit, p.Position, p.Group, p.Phone, p.IDHash)},
			name: p.Name, nameKey: im.nameKey(p.NameKey, p.Unit, p.Phone),
		}
		if p.IDHash != "" {
			sp.idKey, sp.hasID = im.idKey(p.IDHash), true
		}
		if p.Phone != "" {
			sp.looseKey, sp.hasPhone = im.looseKey(p.NameKey, p.Unit), true
		}
		batch = append(batch, sp)
		if len(batch) == cap(batch) {
			batches <- batch
			batch = <-free
		}
		return nil
	})
	batches <- batch
	close(batches)
	<-done
	return err
}

// storedPerson is a stored person's keys, for index.
type storedPerson struct {
	kn                       known
	name                     string
	idKey, nameKey, looseKey uint64
	hasID, hasPhone          bool
}

// index adds a stored person to the index; the first of equal keys (and
// equal diacritics) wins, and a loose key that several answer to says so.
func (im *importer) index(sp storedPerson) {
	kn := sp.kn
	if sp.hasID && !has(im.known, sp.idKey) {
		im.known[sp.idKey] = kn
	}
	kn.marks = marksKey(im.seed, sp.name)
	im.put(sp.nameKey, kn, true)
	if sp.hasPhone && !im.put(sp.looseKey, kn, true) {
		if prev := im.known[sp.looseKey]; prev.marks == kn.marks {
			prev.several = true
			im.known[sp.looseKey] = prev
		} else if e := im.entry(sp.looseKey, kn.marks); e != nil {
			e.several = true
		}
	}
}

// readAll reads the file in a goroutine of its own, a batch ahead: parsing
// and checking rows then overlaps with writing the rows before them.
func (im *importer) readAll(r RowReader, res *ImportResult) error {
	ctx, cancel := context.WithCancel(im.ctx)
	batches := make(chan readBatch, 2)
	go readAhead(ctx, r, im.hashers, im.seed, batches)
	defer func() {
		cancel()
		for range batches { // the reader is the caller's again only when this goroutine is done
		}
	}()
	for b := range batches {
		if b.err != nil {
			return b.err
		}
		if err := im.ctx.Err(); err != nil {
			return err
		}
		if im.opt.Progress != nil {
			im.opt.Progress(b.done, b.total)
		}
		for _, row := range b.rows {
			if err := im.row(row, res); err != nil {
				return err
			}
		}
	}
	if err := im.ctx.Err(); err != nil {
		return err // reading stopped early
	}
	if im.tx == nil {
		return nil
	}
	return im.flush()
}

// readBatch is rows read ahead, with the reader's progress after them, or
// the error that stopped reading.
type readBatch struct {
	rows        []readRow
	done, total int64
	err         error
}

// readRow is a row with what can be worked out from it alone.
type readRow struct {
	roster.Row
	nameKey string
	marks   uint64 // marksKey of the name
	// idHashes are the citizen ID's hashes under each hasher, the current
	// one first; only for a row whose citizen ID is valid.
	idHashes []string
}

// readBatchRows is how many rows a batch carries.
const readBatchRows = 2000

// readAhead sends r's rows in batches until the end, an error or ctx is done,
// then closes batches.
func readAhead(ctx context.Context, r RowReader, hashers []cccd.Hasher, seed maphash.Seed, batches chan<- readBatch) {
	defer close(batches)
	send := func(b readBatch) bool {
		select {
		case batches <- b:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for {
		rows := make([]readRow, 0, readBatchRows)
		for len(rows) < readBatchRows {
			row, err := r.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				send(readBatch{err: err})
				return
			}
			rr := readRow{Row: row, nameKey: textvi.Fold(row.Name), marks: marksKey(seed, row.Name)}
			if row.CitizenID != "" && len(row.Problems) == 0 {
				rr.idHashes = hashesOf(hashers, row.CitizenID)
			}
			rows = append(rows, rr)
		}
		done, total := r.Progress()
		if !send(readBatch{rows: rows, done: done, total: total}) || len(rows) < readBatchRows {
			return
		}
	}
}

// row checks one row and, unless the import is already doomed, writes it.
func (im *importer) row(rr readRow, res *ImportResult) error {
	row, nameKey := rr.Row, rr.nameKey
	idHash := ""
	if len(rr.idHashes) > 0 {
		idHash = rr.idHashes[0]
	}
	if row.Unit == "" {
		row.Unit = im.opt.Unit
	}
	// The row's identities, strongest first; then, only for finding a stored
	// person, the same name and unit without the phone (stored before the
	// phone was known), or, for a row without a phone, with any phone (the
	// file left the phone out). Only the first, when the row has a citizen
	// ID, is not a name key.
	var keys []uint64
	hasID := idHash != ""
	if hasID {
		keys = append(keys, im.idKey(idHash))
	}
	keys = append(keys, im.nameKey(nameKey, row.Unit, row.Phone))
	var lookup []uint64
	if row.Phone != "" {
		keys = append(keys, im.looseKey(nameKey, row.Unit))
		lookup = append(keys[:len(keys)-1:len(keys)-1], im.nameKey(nameKey, row.Unit, ""))
	} else {
		lookup = append(keys[:len(keys):len(keys)], im.looseKey(nameKey, row.Unit))
	}

	problems := row.Problems
	var match known
	phoneKey := -1 // a name, unit and phone: the phone says who it is, whatever the spelling
	if row.Phone != "" {
		phoneKey = len(lookup) - 2
	}
	for i, k := range lookup {
		var kn known
		var ok bool
		switch {
		case hasID && i == 0:
			kn, ok = im.knownCard(rr.idHashes)
		case i == phoneKey:
			kn, ok = im.find(k, 0) // so a corrected spelling updates the person
		default:
			kn, ok = im.find(k, rr.marks)
		}
		if ok {
			match = kn
			break
		}
	}
	switch {
	case match.line > 0:
		problems = append(problems, roster.Problem{Line: row.Line, Key: "import.duplicate", Args: []any{int(match.line)}})
	case match.several:
		problems = append(problems, roster.Problem{Line: row.Line, Key: "import.ambiguous", Args: []any{row.Name}})
	}
	if len(problems) > 0 {
		res.Rejected++
		for _, p := range problems {
			if len(res.Problems) < MaxProblems {
				res.Problems = append(res.Problems, p)
			}
		}
		return nil
	}
	im.noteUnit(row.Unit, res)
	for i, k := range keys {
		if hasID && i == 0 {
			im.known[k] = known{row: match.row, line: int32(row.Line)}
		} else {
			im.taken(k, rr.marks, match.row, int32(row.Line))
		}
	}
	// Once a row is rejected nothing will be written, but the counts go on,
	// so that the summary says what the file would do.
	write := im.tx != nil && (res.Rejected == 0 || im.opt.SkipInvalid)
	if match.row == 0 {
		res.Imported++
		if !write {
			return nil
		}
		return im.add(row, nameKey, idHash)
	}
	if im.fieldsKey(row.Name, nameKey, row.Unit, row.Position, string(row.Group), row.Phone, idHash) == match.fields {
		res.Unchanged++
		return nil
	}
	changed, err := im.update(match.row, row, nameKey, idHash, write)
	if changed {
		res.Updated++
	} else {
		res.Unchanged++
	}
	return err
}

func (im *importer) add(row roster.Row, nameKey, idHash string) error {
	p := &store.Person{
		Name: row.Name, NameKey: nameKey, Unit: row.Unit, Position: row.Position, Group: string(row.Group),
		Phone: row.Phone, IDHash: idHash, Source: sourceRoster,
	}
	p.CreatedAt = im.now
	if idHash != "" {
		p.IDLast4 = cccd.Last4(row.CitizenID)
	}
	im.batch = append(im.batch, p)
	if len(im.batch) >= importBatch {
		return im.flush()
	}
	return nil
}

func (im *importer) flush() error {
	err := im.tx.InsertPeople(im.ctx, im.batch)
	im.batch = im.batch[:0]
	return err
}

// update applies a row to the stored person at rowid, or with write false
// only compares them; empty cells keep what is stored. It reports whether
// anything changes.
func (im *importer) update(rowid int64, row roster.Row, nameKey, idHash string, write bool) (bool, error) {
	p, err := im.db.PersonAtRow(im.ctx, rowid)
	if err != nil {
		return false, err
	}
	before := p
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	// A name, unit or position that only shouts in capitals or drops the
	// diacritics, as many official lists do, keeps what is stored.
	setText := func(dst *string, v string) {
		if !sameOrWeaker(*dst, v) {
			set(dst, v)
		}
	}
	setText(&p.Name, row.Name)
	set(&p.NameKey, nameKey)
	setText(&p.Unit, row.Unit)
	setText(&p.Position, row.Position)
	set(&p.Group, string(row.Group))
	set(&p.Phone, row.Phone)
	if idHash != "" {
		p.IDHash, p.IDLast4 = idHash, cccd.Last4(row.CitizenID)
	}
	if p == before {
		return false, nil
	}
	if p.Origin != im.db.DeviceID() {
		return false, nil // another device's record: it changes there, and reaches us by sync
	}
	if !write {
		return true, nil
	}
	if err := im.tx.UpdatePerson(im.ctx, &p); err != nil {
		return true, err
	}
	im.changes = append(im.changes, store.ImportChange{Before: before, HLC: p.HLC})
	return true, nil
}

// sameOrWeaker reports whether v says nothing that stored does not: the same
// text in other letter case ("PHAN VĂN MỘT"), or without its diacritics
// ("Phan Van Mot").
func sameOrWeaker(stored, v string) bool {
	if strings.EqualFold(stored, v) {
		return true
	}
	for i := 0; i < len(v); i++ {
		if v[i] >= utf8.RuneSelf {
			return false
		}
	}
	return textvi.Fold(v) == textvi.Fold(stored)
}
