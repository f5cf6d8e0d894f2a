// clients-js: a small nats.js v2 (npm `nats`, see package.json) application used by
// samples-logs/clients/generate.sh. It logs the way nats.js' README and examples do: plain
// console.log / console.info / console.error (no logger, no timestamps), every `nc.status()`
// event as `${s.type}: ${s.data}`, the `closed()` promise's error, caught errors by message or
// whole, and, where an application does not catch it, the unhandled rejection Node prints.
//
//   node client.mjs SCENARIO URL [USER PASS] [RUN_MS]
import { readFileSync } from "node:fs";
import { connect, credsAuthenticator, ErrorCode, StringCodec } from "nats";

const [scenario, url, user = "", pass = "", runMsArg = "2000"] = process.argv.slice(2);
const runMs = Number(runMsArg);
const sc = StringCodec();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const opts = {
  servers: url,
  name: "orders-service-js",
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
  // A service that wants to notice a dead path in seconds, not in the default 4 minutes.
  opts.pingInterval = 1000;
  opts.maxPingOut = 2;
}

async function connectCaught() {
  try {
    return await connect(opts);
  } catch (err) {
    console.log(`error connecting to nats: ${err.message}`);
    process.exit(1);
  }
}

// Applications that do not guard their start-up let connect()'s rejection go unhandled.
const unguarded = ["auth-wrong-password", "overload-max-connections", "client-tls-required"];
const nc = unguarded.includes(scenario) ? await connect(opts) : await connectCaught();

console.info(`connected ${nc.getServer()}`);
(async () => {
  for await (const s of nc.status()) {
    console.info(`${s.type}: ${s.data}`);
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
    const sub = nc.subscribe("orders.>");
    let got = 0;
    (async () => {
      for await (const m of sub) got++;
    })();
    const svc = nc.subscribe("orders.lookup");
    (async () => {
      for await (const m of svc) m.respond(sc.encode('{"status":"shipped"}'));
    })();
    console.log("listening for orders.>");
    for (let i = 1; i <= 3; i++) nc.publish("orders.created", sc.encode(`{"order":${i}}`));
    const m = await nc.request("orders.lookup", sc.encode('{"order":1}'), { timeout: 2000 });
    console.log(`got response: ${sc.decode(m.data)}`);
    await nc.flush();
    console.log(`received ${got} messages on orders.>`);
    await finish();
    break;
  }

  case "auth-permissions-violation": {
    nc.subscribe("orders.>");
    console.log("listening for orders.>");
    nc.publish("orders.created", sc.encode('{"by":"worker"}'));
    nc.publish("admin.shutdown", sc.encode('{"by":"worker"}'));
    const admin = nc.subscribe("admin.events");
    (async () => {
      try {
        for await (const m of admin) console.log(`admin event: ${sc.decode(m.data)}`);
      } catch (err) {
        console.error(`subscription ${admin.getSubject()} failed: ${err.message}`);
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
      console.error(`publish failed: ${err.message}`);
    }
    await finish();
    break;
  }

  case "overload-slow-consumer":
  case "overload-client-slow-consumer": {
    const sub = nc.subscribe("metrics.>");
    (async () => {
      for await (const m of sub) await sleep(20);
    })();
    console.log("listening for metrics.>");
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
    console.log("listening for prices.>");
    const end = Date.now() + runMs;
    for (let n = 1; Date.now() < end; n++) {
      try {
        nc.publish("ticks.eurusd", sc.encode(`{"tick":${n}}`));
      } catch (err) {
        console.error(`publish failed: ${err.message}`);
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
      const m = await nc.request("orders.lookup", sc.encode('{"order":42}'), { timeout: 1000 });
      console.log(`got response: ${sc.decode(m.data)}`);
    } catch (err) {
      if (err.code === ErrorCode.Timeout) {
        console.log(`problem with request: ${err.message}`);
      } else {
        console.log("request failed", err);
      }
    }
    await finish();
    break;
  }

  default:
    // auth-wrong-password, overload-max-connections, unreachable-never-started,
    // client-wrong-port, client-tls-required: the connect itself is the scenario.
    await finish();
}
