// clients-js3: a small nats.js v3 (npm `@nats-io/transport-node`, see package.json) application
// used by samples-logs/clients/generate.sh. It logs the way v3's README does: `console.log(s)` of
// every `nc.status()` event (Node prints the object, `{ type: 'disconnect', server: ... }`), the
// `closed()` promise's error, and errors either whole with `console.error("...", err)` (Node
// prints the class name, the message, the stack and any `cause`) or by message. Where an
// application does not guard its start-up, Node prints the unhandled rejection and exits.
//
//   node client.mjs SCENARIO URL [USER PASS] [RUN_MS]
import { readFileSync } from "node:fs";
import { connect, credsAuthenticator, errors } from "@nats-io/transport-node";

const [scenario, url, user = "", pass = "", runMsArg = "2000"] = process.argv.slice(2);
const runMs = Number(runMsArg);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const opts = {
  servers: url,
  name: "billing-service-js3",
  reconnectTimeWait: 250,
  maxReconnectAttempts: 8,
  timeout: 5000,
};
if (user) {
  opts.user = user;
  opts.pass = pass;
}
if (process.env.NATS_CREDS) {
  opts.authenticator = credsAuthenticator(readFileSync(process.env.NATS_CREDS));
}
if (scenario === "network-stale-connection") {
  opts.pingInterval = 1000;
  opts.maxPingOut = 2;
}

async function connectCaught() {
  try {
    return await connect(opts);
  } catch (err) {
    console.error("failed to connect:", err);
    process.exit(1);
  }
}

const unguarded = ["auth-wrong-password", "overload-max-connections", "client-tls-required"];
const nc = unguarded.includes(scenario) ? await connect(opts) : await connectCaught();

console.info(`connected ${nc.getServer()}`);
(async () => {
  for await (const s of nc.status()) {
    if (s.type === "ping" && s.pendingPings < 2) continue;
    // The whole subscription object is no use in a log: its subject says which one.
    if (s.type === "slowConsumer") console.log({ type: s.type, subject: s.sub.getSubject(), pending: s.pending });
    else console.log(s);
  }
})().then();
const done = nc.closed().then((err) => {
  console.log(`connection closed ${err ? " with error: " + err.message : ""}`);
});

async function finish() {
  await nc.drain();
  await done;
}

switch (scenario) {
  case "healthy": {
    const sub = nc.subscribe("invoices.>");
    let got = 0;
    (async () => {
      for await (const m of sub) got++;
    })();
    const svc = nc.subscribe("invoices.lookup");
    (async () => {
      for await (const m of svc) m.respond('{"status":"paid"}');
    })();
    console.log("subscribed to invoices.>");
    for (let i = 1; i <= 3; i++) nc.publish("invoices.created", `{"invoice":${i}}`);
    const m = await nc.request("invoices.lookup", '{"invoice":1}', { timeout: 2000 });
    console.log(`reply: ${m.string()}`);
    await nc.flush();
    console.log(`received ${got} messages on invoices.>`);
    await finish();
    break;
  }

  case "auth-permissions-violation": {
    nc.subscribe("orders.>");
    console.log("subscribed to orders.>");
    nc.publish("orders.created", '{"by":"worker"}');
    nc.publish("admin.shutdown", '{"by":"worker"}');
    const admin = nc.subscribe("admin.events");
    (async () => {
      try {
        for await (const m of admin) console.log(`admin event: ${m.string()}`);
      } catch (err) {
        console.error(`subscription to ${admin.getSubject()} ended:`, err);
      }
    })();
    await nc.flush();
    await sleep(300);
    await finish();
    break;
  }

  case "payload-max-payload": {
    console.log(`server max payload is ${nc.info.max_payload} bytes`);
    try {
      nc.publish("images.uploaded", new Uint8Array(4096));
    } catch (err) {
      console.error("publish failed:", err);
    }
    await finish();
    break;
  }

  case "overload-slow-consumer":
  case "overload-client-slow-consumer": {
    // v3 reports a subscription whose backlog passes `slow` messages as a slowConsumer status.
    const sub = nc.subscribe("metrics.>", { slow: 500 });
    (async () => {
      for await (const m of sub) await sleep(20);
    })();
    console.log("subscribed to metrics.>");
    await Promise.race([sleep(runMs), done]);
    await finish();
    break;
  }

  case "unreachable-server-stopped":
  case "network-stale-connection":
  case "network-connection-reset":
  case "auth-expired-credentials":
  case "healthy-server-restart":
  case "healthy-cluster-rolling-restart": {
    nc.subscribe("prices.>");
    console.log("subscribed to prices.>");
    const end = Date.now() + runMs;
    for (let n = 1; Date.now() < end; n++) {
      try {
        nc.publish("ticks.eurusd", `{"tick":${n}}`);
      } catch (err) {
        console.error("publish failed:", err);
        process.exit(1);
      }
      await sleep(200);
    }
    await finish();
    break;
  }

  case "client-request-timeout":
  case "no-responders": {
    try {
      const m = await nc.request("invoices.lookup", '{"invoice":42}', { timeout: 1000 });
      console.log(`reply: ${m.string()}`);
    } catch (err) {
      if (err instanceof errors.TimeoutError) {
        console.log(`request timed out: ${err.message}`);
      } else {
        console.error("request failed:", err);
      }
    }
    await finish();
    break;
  }

  default:
    await finish();
}
