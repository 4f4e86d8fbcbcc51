package sqlitedb

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// WriteLockHolder is the process holding the write lock of the WAL database at
// path, as the system lists it (/proc/locks: a POSIX write lock on byte 120 of
// path-shm, SQLite's WAL_WRITE_LOCK): its pid and command line, or ok false
// when it cannot be told. It only reads: opening and closing the -shm file
// here would drop this process's own locks on it.
func WriteLockHolder(path string) (pid int, command string, ok bool) {
	var st syscall.Stat_t
	if err := syscall.Stat(path+"-shm", &st); err != nil {
		return 0, "", false
	}
	locks, err := os.ReadFile("/proc/locks")
	if err != nil {
		return 0, "", false
	}
	inode := ":" + strconv.FormatUint(st.Ino, 10)
	for line := range strings.Lines(string(locks)) {
		f := strings.Fields(line)
		// "1: POSIX  ADVISORY  WRITE 20427 fe:00:10002821 120 120"
		if len(f) < 8 || f[1] != "POSIX" || f[3] != "WRITE" || !strings.HasSuffix(f[5], inode) || f[6] != "120" {
			continue
		}
		pid, err := strconv.Atoi(f[4])
		if err != nil || pid == os.Getpid() {
			continue
		}
		cmdline, _ := os.ReadFile("/proc/" + f[4] + "/cmdline")
		cmdline = bytes.TrimRight(cmdline, "\x00")
		return pid, string(bytes.ReplaceAll(cmdline, []byte{0}, []byte{' '})), true
	}
	return 0, "", false
}
