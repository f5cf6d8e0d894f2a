// clients-go: a small nats.go (Debian golang-github-nats-io-go-nats-dev, v1.22.1) application
// used by samples-logs/clients/generate.sh. It logs the way nats.go's examples and most services
// built on them do: the standard library logger (default flags, "2006/01/02 15:04:05 "), the
// DisconnectErrHandler / ReconnectHandler / ClosedHandler / ErrorHandler lines of nats.go's
// examples (nats-sub: "Disconnected due to: ...", "Reconnected [...]", "Exiting: ..."), and a
// plain log.Fatal(err) when a call fails. One binary; -scenario picks what the application does.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/nats-io/nats.go"
)

func main() {
	scenario := flag.String("scenario", "healthy", "what the application does (see the switch below)")
	url := flag.String("url", nats.DefaultURL, "server URL")
	name := flag.String("name", "orders-service", "connection name")
	user := flag.String("user", "", "user")
	pass := flag.String("pass", "", "password")
	runFor := flag.Duration("for", 2*time.Second, "how long a long-running scenario runs before it drains")
	flag.Parse()

	// The reconnect budget of nats.go's nats-sub example, made short so that a lost server shows
	// the whole story (disconnect, failed reconnects, close) within a couple of seconds.
	reconnectDelay := 250 * time.Millisecond
	totalWait := 2 * time.Second
	closed := make(chan struct{})
	var closeOnce sync.Once

	opts := []nats.Option{
		nats.Name(*name),
		nats.ReconnectWait(reconnectDelay),
		nats.MaxReconnects(int(totalWait / reconnectDelay)),
		nats.DisconnectErrHandler(func(nc *nats.Conn, err error) {
			log.Printf("Disconnected due to: %v, will attempt reconnects for %.0fs", err, totalWait.Seconds())
		}),
		nats.ReconnectHandler(func(nc *nats.Conn) {
			log.Printf("Reconnected [%s]", nc.ConnectedUrl())
		}),
		nats.ClosedHandler(func(nc *nats.Conn) {
			log.Printf("Exiting: %v", nc.LastError())
			closeOnce.Do(func() { close(closed) })
		}),
		nats.ErrorHandler(func(nc *nats.Conn, sub *nats.Subscription, err error) {
			if err == nats.ErrSlowConsumer && sub != nil {
				dropped, _ := sub.Dropped()
				log.Printf("Slow consumer on subject %s dropped %d messages", sub.Subject, dropped)
				return
			}
			log.Printf("Error: %v", err)
		}),
	}
	if *user != "" {
		opts = append(opts, nats.UserInfo(*user, *pass))
	}
	if creds := os.Getenv("NATS_CREDS"); creds != "" {
		opts = append(opts, nats.UserCredentials(creds))
	}
	if *scenario == "network-stale-connection" {
		// A service that wants to notice a dead path in seconds, not in nats.go's default 4 minutes.
		opts = append(opts, nats.PingInterval(time.Second), nats.MaxPingsOutstanding(2))
	}

	nc, err := nats.Connect(*url, opts...)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("Connected to %s", nc.ConnectedUrl())

	finish := func() {
		if err := nc.Drain(); err != nil {
			log.Printf("Drain: %v", err)
		}
		select {
		case <-closed:
		case <-time.After(3 * time.Second):
		}
	}

	switch *scenario {
	case "healthy":
		var got int
		var mu sync.Mutex
		if _, err := nc.Subscribe("orders.>", func(m *nats.Msg) { mu.Lock(); got++; mu.Unlock() }); err != nil {
			log.Fatal(err)
		}
		if _, err := nc.Subscribe("orders.lookup", func(m *nats.Msg) { m.Respond([]byte(`{"status":"shipped"}`)) }); err != nil {
			log.Fatal(err)
		}
		log.Printf("Listening on [orders.>]")
		for i := 1; i <= 3; i++ {
			msg := fmt.Sprintf(`{"order":%d}`, i)
			if err := nc.Publish("orders.created", []byte(msg)); err != nil {
				log.Fatal(err)
			}
			log.Printf("Published [orders.created] : '%s'", msg)
		}
		reply, err := nc.Request("orders.lookup", []byte(`{"order":1}`), 2*time.Second)
		if err != nil {
			log.Fatalf("%v for request", err)
		}
		log.Printf("Received [%v] : '%s'", reply.Subject, string(reply.Data))
		if err := nc.Flush(); err != nil {
			log.Fatal(err)
		}
		mu.Lock()
		log.Printf("Received %d messages on [orders.>]", got)
		mu.Unlock()
		finish()

	case "auth-permissions-violation":
		if _, err := nc.Subscribe("orders.>", func(m *nats.Msg) {}); err != nil {
			log.Fatal(err)
		}
		log.Printf("Listening on [orders.>]")
		for _, subj := range []string{"orders.created", "admin.shutdown"} {
			if err := nc.Publish(subj, []byte(`{"by":"worker"}`)); err != nil {
				log.Fatal(err)
			}
			log.Printf("Published [%s] : '%s'", subj, `{"by":"worker"}`)
		}
		if _, err := nc.Subscribe("admin.events", func(m *nats.Msg) {}); err != nil {
			log.Fatal(err)
		}
		log.Printf("Listening on [admin.events]")
		if err := nc.Flush(); err != nil {
			log.Fatal(err)
		}
		time.Sleep(300 * time.Millisecond)
		finish()

	case "payload-max-payload":
		log.Printf("Server max payload is %d bytes", nc.MaxPayload())
		body := []byte(strings.Repeat("x", 4096))
		if err := nc.Publish("images.uploaded", body); err != nil {
			log.Fatal(err)
		}
		log.Printf("Published [images.uploaded] : %d bytes", len(body))
		finish()

	case "overload-slow-consumer", "overload-client-slow-consumer":
		sub, err := nc.Subscribe("metrics.>", func(m *nats.Msg) { time.Sleep(20 * time.Millisecond) })
		if err != nil {
			log.Fatal(err)
		}
		// A bounded client-side buffer, as a service that would rather drop than grow without limit.
		if err := sub.SetPendingLimits(64, 4*1024*1024); err != nil {
			log.Fatal(err)
		}
		log.Printf("Listening on [metrics.>]")
		runUntil(*runFor, closed)
		finish()

	case "unreachable-server-stopped", "network-stale-connection", "network-connection-reset", "auth-expired-credentials", "healthy-server-restart", "healthy-cluster-rolling-restart":
		if _, err := nc.Subscribe("prices.>", func(m *nats.Msg) {}); err != nil {
			log.Fatal(err)
		}
		log.Printf("Listening on [prices.>]")
		deadline := time.After(*runFor)
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for n := 1; ; n++ {
			select {
			case <-deadline:
				finish()
				return
			case <-tick.C:
				if err := nc.Publish("ticks.eurusd", []byte(fmt.Sprintf(`{"tick":%d}`, n))); err != nil {
					log.Fatal(err)
				}
			}
		}

	case "client-request-timeout", "no-responders":
		reply, err := nc.Request("orders.lookup", []byte(`{"order":42}`), time.Second)
		if err != nil {
			log.Fatalf("%v for request", err)
		}
		log.Printf("Received [%v] : '%s'", reply.Subject, string(reply.Data))
		finish()

	default:
		// auth-wrong-password, overload-max-connections, unreachable-never-started,
		// client-wrong-port, client-tls-required: the connect itself is the scenario.
		finish()
	}
}

// runUntil waits for d, or until nats.go closes the connection for good.
func runUntil(d time.Duration, closed <-chan struct{}) {
	select {
	case <-time.After(d):
	case <-closed:
		os.Exit(1)
	}
}
