package hub

import (
	"net"
	gosync "sync"
)

// Connection limits: a hub serves a district's laptops, a few hundred at
// most, and a ward office puts several behind one address. A flood of idle
// connections from anyone (no key needed to open one) must not take the
// hub's memory and file descriptors from them.
const (
	MaxConns      = 1024
	MaxConnsPerIP = 64
)

// limitListener closes at once a connection past MaxConns in all or past
// MaxConnsPerIP from one address, instead of serving it.
type limitListener struct {
	net.Listener
	mu    gosync.Mutex
	total int
	perIP map[string]int
}

func newLimitListener(ln net.Listener) *limitListener {
	return &limitListener{Listener: ln, perIP: map[string]int{}}
}

func (l *limitListener) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		ip := remoteIP(c)
		l.mu.Lock()
		if l.total >= MaxConns || l.perIP[ip] >= MaxConnsPerIP {
			l.mu.Unlock()
			c.Close()
			continue
		}
		l.total++
		l.perIP[ip]++
		l.mu.Unlock()
		return &limitedConn{Conn: c, release: func() { l.release(ip) }}, nil
	}
}

func (l *limitListener) release(ip string) {
	l.mu.Lock()
	l.total--
	if l.perIP[ip]--; l.perIP[ip] <= 0 {
		delete(l.perIP, ip)
	}
	l.mu.Unlock()
}

func remoteIP(c net.Conn) string {
	host, _, err := net.SplitHostPort(c.RemoteAddr().String())
	if err != nil {
		return c.RemoteAddr().String()
	}
	return host
}

// limitedConn gives its place back once, when closed.
type limitedConn struct {
	net.Conn
	once    gosync.Once
	release func()
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}
