// clients-helper: the parts of samples-logs/clients/generate.sh's scenarios that are not the
// application whose log is kept. Its own output is not a sample.
//
//	helper proxy -listen PORT -to PORT   TCP proxy; SIGUSR1 freezes the current links (a black
//	                                     hole: bytes and closes are dropped both ways, as a
//	                                     firewall that forgot the flow), SIGUSR2 resets them
//	                                     (RST to both sides); new links are forwarded normally
//	helper firehose -url U -subject S -size N -count N   publishes, then flushes and exits
//	helper hold -url U [-subject S]      stays connected (taking a connection slot, or
//	                                     subscribed to S and never answering) until SIGTERM
//	helper jwt -dir D -expires DUR [-max-conns N]  an operator, an account (limited to N
//	                                     connections) and a user whose JWT expires DUR from now
//	                                     (0: never) (the operator mode an nsc set-up makes):
//	                                     writes D/operator.conf (operator, resolver MEMORY,
//	                                     preloaded account) and D/user.creds
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/nats-io/jwt/v2"
	"github.com/nats-io/nats.go"
	"github.com/nats-io/nkeys"
)

func main() {
	if len(os.Args) < 2 {
		log.Fatal("usage: helper proxy|firehose|hold [flags]")
	}
	fs := flag.NewFlagSet(os.Args[1], flag.ExitOnError)
	url := fs.String("url", nats.DefaultURL, "server URL")
	subject := fs.String("subject", "", "subject")
	size := fs.Int("size", 1024, "message size")
	count := fs.Int("count", 100, "messages")
	listen := fs.Int("listen", 0, "proxy: port to listen on (127.0.0.1)")
	to := fs.Int("to", 4222, "proxy: upstream port (127.0.0.1)")
	dir := fs.String("dir", ".", "jwt: where to write operator.conf and user.creds")
	expires := fs.Duration("expires", 5*time.Second, "jwt: the user JWT's lifetime (0: never)")
	maxConns := fs.Int64("max-conns", -1, "jwt: the account's connection limit (-1: none)")
	fs.Parse(os.Args[2:])

	switch os.Args[1] {
	case "proxy":
		proxy(*listen, *to)
	case "firehose":
		nc, err := nats.Connect(*url, nats.Name("metrics-firehose"))
		if err != nil {
			log.Fatal(err)
		}
		body := []byte(strings.Repeat("m", *size))
		for i := 0; i < *count; i++ {
			if err := nc.Publish(*subject, body); err != nil {
				log.Fatal(err)
			}
		}
		if err := nc.FlushTimeout(10 * time.Second); err != nil {
			log.Fatal(err)
		}
		nc.Close()
	case "hold":
		opts := []nats.Option{nats.Name("slot-holder")}
		if creds := os.Getenv("NATS_CREDS"); creds != "" {
			opts = append(opts, nats.UserCredentials(creds))
		}
		nc, err := nats.Connect(*url, opts...)
		if err != nil {
			log.Fatal(err)
		}
		if *subject != "" {
			if _, err := nc.Subscribe(*subject, func(m *nats.Msg) {}); err != nil {
				log.Fatal(err)
			}
			nc.Flush()
		}
		fmt.Println("holding")
		waitSignal(syscall.SIGTERM, syscall.SIGINT)
		nc.Close()
	case "jwt":
		if err := writeOperatorSetup(*dir, *expires, *maxConns); err != nil {
			log.Fatal(err)
		}
	default:
		log.Fatalf("unknown mode %s", os.Args[1])
	}
}

func waitSignal(sigs ...os.Signal) os.Signal {
	c := make(chan os.Signal, 1)
	signal.Notify(c, sigs...)
	return <-c
}

type link struct {
	mu     sync.Mutex
	frozen bool
	down   *net.TCPConn
	up     *net.TCPConn
}

func (l *link) isFrozen() bool { l.mu.Lock(); defer l.mu.Unlock(); return l.frozen }

func proxy(listenPort, upstreamPort int) {
	ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", listenPort))
	if err != nil {
		log.Fatal(err)
	}
	var mu sync.Mutex
	var links []*link
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			u, err := net.Dial("tcp", fmt.Sprintf("127.0.0.1:%d", upstreamPort))
			if err != nil {
				c.Close()
				continue
			}
			l := &link{down: c.(*net.TCPConn), up: u.(*net.TCPConn)}
			mu.Lock()
			links = append(links, l)
			mu.Unlock()
			go pump(l, l.down, l.up)
			go pump(l, l.up, l.down)
		}
	}()
	fmt.Println("proxying")
	for {
		sig := waitSignal(syscall.SIGUSR1, syscall.SIGUSR2, syscall.SIGTERM, syscall.SIGINT)
		mu.Lock()
		current := links
		links = nil
		mu.Unlock()
		switch sig {
		case syscall.SIGUSR1:
			for _, l := range current {
				l.mu.Lock()
				l.frozen = true
				l.mu.Unlock()
			}
		case syscall.SIGUSR2:
			for _, l := range current {
				// Linger 0: Close sends RST instead of FIN.
				l.down.SetLinger(0)
				l.up.SetLinger(0)
				l.down.Close()
				l.up.Close()
			}
		default:
			return
		}
	}
}

func pump(l *link, from, to *net.TCPConn) {
	buf := make([]byte, 64*1024)
	for {
		n, err := from.Read(buf)
		if l.isFrozen() {
			if err != nil {
				return // a black hole passes no close on
			}
			continue
		}
		if n > 0 {
			if _, werr := to.Write(buf[:n]); werr != nil {
				return
			}
		}
		if err != nil {
			if err == io.EOF {
				to.CloseWrite()
			}
			return
		}
	}
}

// writeOperatorSetup signs an operator, an account (with a connection limit, or none) and a user
// JWT that expires after lifetime (or never).
func writeOperatorSetup(dir string, lifetime time.Duration, maxConns int64) error {
	okp, _ := nkeys.CreateOperator()
	opub, _ := okp.PublicKey()
	oc := jwt.NewOperatorClaims(opub)
	oc.Name = "acme"
	ojwt, err := oc.Encode(okp)
	if err != nil {
		return err
	}
	akp, _ := nkeys.CreateAccount()
	apub, _ := akp.PublicKey()
	ac := jwt.NewAccountClaims(apub)
	ac.Name = "orders"
	ac.Limits.Conn = maxConns
	ajwt, err := ac.Encode(okp)
	if err != nil {
		return err
	}
	ukp, _ := nkeys.CreateUser()
	upub, _ := ukp.PublicKey()
	useed, _ := ukp.Seed()
	uc := jwt.NewUserClaims(upub)
	uc.Name = "orders-app"
	uc.IssuerAccount = apub
	if lifetime > 0 {
		uc.Expires = time.Now().Add(lifetime).Unix()
	}
	ujwt, err := uc.Encode(akp)
	if err != nil {
		return err
	}
	creds, err := jwt.FormatUserConfig(ujwt, useed)
	if err != nil {
		return err
	}
	if err := os.WriteFile(dir+"/operator.jwt", []byte(ojwt), 0o644); err != nil {
		return err
	}
	conf := fmt.Sprintf("operator: %q\nresolver: MEMORY\nresolver_preload: {\n  %s: %q\n}\n", dir+"/operator.jwt", apub, ajwt)
	if err := os.WriteFile(dir+"/operator.conf", []byte(conf), 0o644); err != nil {
		return err
	}
	return os.WriteFile(dir+"/user.creds", creds, 0o600)
}
