// lifecycle-client: a small nats.go (Debian golang-github-nats-io-go-nats-dev,
// v1.22.1) application used by samples-logs/lifecycle/generate.sh. It logs
// what an ordinary service logs around its NATS connection: the connect
// result, nats.go's disconnect / reconnect / closed / lame-duck callbacks,
// failed dials (through a logging dialer, because nats.go 1.22 reports a
// refused dial only as "no servers available"), and its own retry loop.
//
// Lines: Go's log layout in UTC with microseconds, then a level word, the
// client name and the message, e.g.
//   2026/11/26 20:59:37.724742 WARN orders-api: disconnected from nats: EOF
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"net"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/nats-io/nats.go"
)

type appLog struct {
	l    *log.Logger
	name string
}

func (a appLog) line(level, format string, args ...interface{}) {
	a.l.Printf("%-5s %s: %s", level, a.name, fmt.Sprintf(format, args...))
}

// loggingDialer dials like nats.go's default dialer and logs the dials that fail.
type loggingDialer struct {
	d   net.Dialer
	log appLog
}

func (ld *loggingDialer) Dial(network, address string) (net.Conn, error) {
	c, err := ld.d.Dial(network, address)
	if err != nil {
		ld.log.line("WARN", "nats dial %s failed: %v", address, err)
	}
	return c, err
}

func main() {
	name := flag.String("name", "lifecycle-client", "client name sent in CONNECT")
	urls := flag.String("urls", "nats://127.0.0.1:4222", "comma-separated server URLs")
	logPath := flag.String("log", "", "log file (appended); stderr if empty")
	subject := flag.String("subject", "orders.created", "subject to subscribe and publish on")
	runFor := flag.Duration("for", 3*time.Second, "how long to publish before closing")
	every := flag.Duration("every", 100*time.Millisecond, "publish interval")
	maxReconnects := flag.Int("max-reconnects", 60, "nats.go MaxReconnects")
	reconnectWait := flag.Duration("reconnect-wait", 250*time.Millisecond, "nats.go ReconnectWait")
	connectAttempts := flag.Int("connect-attempts", 1, "application-level connect attempts (also used after the connection is closed)")
	connectWait := flag.Duration("connect-wait", 500*time.Millisecond, "wait between application-level connect attempts")
	user := flag.String("user", "", "user")
	pass := flag.String("pass", "", "password")
	jetstream := flag.Bool("jetstream", false, "create a stream and publish to it with acks")
	replicas := flag.Int("replicas", 1, "replicas of the stream -jetstream creates")
	payloadsPath := flag.String("payloads", "", "file of message bodies, one per line, published in turn (default: a small JSON order)")
	flag.Parse()

	out := os.Stderr
	if *logPath != "" {
		f, err := os.OpenFile(*logPath, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		defer f.Close()
		out = f
	}
	lg := appLog{l: log.New(out, "", log.LstdFlags|log.Lmicroseconds|log.LUTC), name: *name}

	stop := make(chan os.Signal, 1)
	signal.Notify(stop, syscall.SIGTERM, syscall.SIGINT)
	deadline := time.After(*runFor)

	closed := make(chan struct{}, 1)
	opts := []nats.Option{
		nats.Name(*name),
		nats.MaxReconnects(*maxReconnects),
		nats.ReconnectWait(*reconnectWait),
		nats.ReconnectJitter(0, 0),
		nats.DontRandomize(),
		nats.SetCustomDialer(&loggingDialer{d: net.Dialer{Timeout: 2 * time.Second}, log: lg}),
		nats.DisconnectErrHandler(func(nc *nats.Conn, err error) {
			if err != nil {
				lg.line("WARN", "disconnected from nats: %v", err)
			} else {
				lg.line("INFO", "disconnected from nats")
			}
		}),
		nats.ReconnectHandler(func(nc *nats.Conn) {
			lg.line("INFO", "reconnected to nats at %s (server %s)", nc.ConnectedUrl(), nc.ConnectedServerName())
		}),
		nats.ClosedHandler(func(nc *nats.Conn) {
			if err := nc.LastError(); err != nil {
				lg.line("ERROR", "nats connection closed: %v", err)
			} else {
				lg.line("INFO", "nats connection closed")
			}
			select {
			case closed <- struct{}{}:
			default:
			}
		}),
		nats.LameDuckModeHandler(func(nc *nats.Conn) {
			lg.line("WARN", "nats server %s entered lame duck mode; expect a reconnect", nc.ConnectedUrl())
		}),
		nats.DiscoveredServersHandler(func(nc *nats.Conn) {
			lg.line("INFO", "discovered nats servers: %s", strings.Join(nc.DiscoveredServers(), ","))
		}),
		nats.ErrorHandler(func(nc *nats.Conn, sub *nats.Subscription, err error) {
			if sub != nil {
				lg.line("ERROR", "nats error on subscription %q: %v", sub.Subject, err)
			} else {
				lg.line("ERROR", "nats error: %v", err)
			}
		}),
	}
	if *user != "" {
		opts = append(opts, nats.UserInfo(*user, *pass))
	}

	// connect tries up to connectAttempts times, as a service's start-up code would.
	connect := func() *nats.Conn {
		for attempt := 1; attempt <= *connectAttempts; attempt++ {
			nc, err := nats.Connect(*urls, opts...)
			if err == nil {
				lg.line("INFO", "connected to nats at %s (server %s)", nc.ConnectedUrl(), nc.ConnectedServerName())
				return nc
			}
			if attempt < *connectAttempts {
				lg.line("WARN", "connect to nats %s failed (attempt %d of %d): %v; retrying in %v", *urls, attempt, *connectAttempts, err, *connectWait)
				select {
				case <-time.After(*connectWait):
				case <-stop:
					return nil
				case <-deadline:
					return nil
				}
			} else {
				lg.line("ERROR", "connect to nats %s failed (attempt %d of %d): %v; giving up", *urls, attempt, *connectAttempts, err)
			}
		}
		return nil
	}

	lg.line("INFO", "starting; servers %s", *urls)
	nc := connect()
	if nc == nil {
		os.Exit(1)
	}

	var received int64
	if _, err := nc.Subscribe(*subject, func(m *nats.Msg) { atomic.AddInt64(&received, 1) }); err != nil {
		lg.line("ERROR", "subscribe %s: %v", *subject, err)
	} else {
		lg.line("INFO", "subscribed to %s", *subject)
	}

	var js nats.JetStreamContext
	if *jetstream {
		var err error
		js, err = nc.JetStream()
		if err == nil {
			var si *nats.StreamInfo
			si, err = js.AddStream(&nats.StreamConfig{Name: "ORDERS", Subjects: []string{"orders.>"}, Storage: nats.FileStorage, Replicas: *replicas})
			if err == nil {
				lg.line("INFO", "stream %s ready (%d messages)", si.Config.Name, si.State.Msgs)
			}
		}
		if err != nil {
			lg.line("ERROR", "jetstream setup: %v", err)
			js = nil
		}
	}

	var payloads []string
	if *payloadsPath != "" {
		data, err := os.ReadFile(*payloadsPath)
		if err != nil {
			lg.line("ERROR", "payloads: %v", err)
			os.Exit(1)
		}
		for _, p := range strings.Split(strings.TrimSpace(string(data)), "\n") {
			payloads = append(payloads, p)
		}
	}

	published, failed := 0, 0
	tick := time.NewTicker(*every)
	defer tick.Stop()
loop:
	for {
		select {
		case <-stop:
			lg.line("INFO", "stop requested")
			break loop
		case <-deadline:
			break loop
		case <-closed:
			// nats.go gave up reconnecting; the service tries again itself.
			lg.line("WARN", "nats connection lost for good; reconnecting from scratch")
			nc = connect()
			if nc == nil {
				lg.line("ERROR", "no nats connection; published %d, failed %d, received %d", published, failed, atomic.LoadInt64(&received))
				os.Exit(1)
			}
			if _, err := nc.Subscribe(*subject, func(m *nats.Msg) { atomic.AddInt64(&received, 1) }); err == nil {
				lg.line("INFO", "subscribed to %s", *subject)
			}
		case <-tick.C:
			body := []byte(fmt.Sprintf(`{"order":%d}`, published+failed+1))
			if len(payloads) > 0 {
				body = []byte(payloads[(published+failed)%len(payloads)])
			}
			var err error
			if js != nil {
				ctx, cancel := context.WithTimeout(context.Background(), time.Second)
				_, err = js.Publish(*subject, body, nats.Context(ctx))
				cancel()
			} else {
				err = nc.Publish(*subject, body)
			}
			if err != nil {
				failed++
				if failed == 1 || failed%10 == 0 {
					lg.line("ERROR", "publish to %s failed (%d so far): %v", *subject, failed, err)
				}
			} else {
				published++
			}
		}
	}

	if err := nc.Drain(); err != nil {
		lg.line("WARN", "drain: %v", err)
		nc.Close()
	}
	select {
	case <-closed:
	case <-time.After(2 * time.Second):
	}
	lg.line("INFO", "done; published %d, failed %d, received %d", published, failed, atomic.LoadInt64(&received))
}
