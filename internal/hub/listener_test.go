package hub

import (
	"io"
	"net"
	"testing"
	"time"
)

// Past MaxConnsPerIP open connections from one address, a new one is closed
// at once; once one of them closes, a new one is served again.
func TestConnectionsPerAddressAreCapped(t *testing.T) {
	tcp, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln := newLimitListener(tcp)
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() { io.Copy(io.Discard, c); c.Close() }() // holds it until the client closes
		}
	}()
	var open []net.Conn
	defer func() {
		for _, c := range open {
			c.Close()
		}
	}()
	dial := func() net.Conn {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	closedAtOnce := func(c net.Conn) bool {
		c.SetReadDeadline(time.Now().Add(2 * time.Second))
		_, err := c.Read(make([]byte, 1))
		return err == io.EOF || err != nil && !isTimeout(err)
	}
	for range MaxConnsPerIP {
		open = append(open, dial())
	}
	time.Sleep(100 * time.Millisecond) // all accepted
	extra := dial()
	if !closedAtOnce(extra) {
		t.Fatalf("connection %d from one address was kept open", MaxConnsPerIP+1)
	}
	open[0].Close()
	open = open[1:]
	time.Sleep(100 * time.Millisecond)
	again := dial()
	open = append(open, again)
	if closedAtOnce(again) {
		t.Fatalf("a connection after one closed was refused")
	}
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}
