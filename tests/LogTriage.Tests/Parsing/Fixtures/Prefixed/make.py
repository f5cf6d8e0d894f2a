#!/usr/bin/env python3
"""Writes the fixtures of this folder: the real server's lines and crash (samples-logs/go-panic.log,
samples-logs/auth-wrong-password.log) wrapped the way each platform or paste wraps them. The layouts
follow the tools' own code: kubectl logs --prefix "[pod/NAME/CONTAINER] "; stern's default template
"{{color .PodColor .PodName}} {{color .ContainerColor .ContainerName}} {{.Message}}"; docker compose v2
fmt.Sprintf("%-*s | ", width, name) coloured as a whole ("\\x1b[36m...\\x1b[0m"), width = longest name + 1;
compose v1 "nats_1  | "; journalctl short "Mon DD HH:MM:SS host ident[pid]: msg"; GitHub markdown."""
import os, re

here = os.path.dirname(os.path.abspath(__file__))
samples = os.path.join(here, *[".."] * 5, "samples-logs")
panic = open(os.path.join(samples, "go-panic.log")).read().splitlines()
auth = open(os.path.join(samples, "auth-wrong-password.log")).read().splitlines()
stamp = re.compile(r"^\[(\d+)\] (\d{4})/(\d\d)/(\d\d) (\d\d:\d\d:\d\d)\.(\d{6}) \[(\w{3})\] (.*)$")
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

def write(name, lines, end="\n"):
    with open(os.path.join(here, name), "w", newline="") as f:
        f.write("".join(l + end for l in lines))

def timed(lines):
    """Each line with the time of the last stamped line (the runtime's crash lines have none)."""
    last = None
    for l in lines:
        m = stamp.match(l)
        if m:
            last = m
        yield l, last

def compose(width_names, name, colour, line):
    width = max(len(n) for n in width_names) + 1
    return f"\x1b[{colour}m" + f"%-{width}s | " % name + "\x1b[0m" + line

write("kubectl-prefix.log", [f"[pod/nats-0/nats] {l}" for l in panic])
write("kubectl-timestamps.log", [f"{m.group(2)}-{m.group(3)}-{m.group(4)}T{m.group(5)}.{m.group(6)}417Z {l}" for l, m in timed(panic)])
write("stern.log", [f"\x1b[36mnats-0\x1b[0m \x1b[32mnats\x1b[0m {l}" for l in panic])
write("compose-v2.log", [compose(["nats-1"], "nats-1", "36", l) for l in panic])
write("compose-v1.log", [f"nats_1  | {l}" for l in panic])
write("journald.log", [f"{months[int(m.group(3)) - 1]} {m.group(4)} {m.group(5)} nats-host nats-server[{m.group(1)}]: {l}" for l, m in timed(panic)])
write("journald-label-only.log", [f"{months[int(m.group(3)) - 1]} {m.group(4)} {m.group(5)} nats-host nats-server[{m.group(1)}]: "
                                  + (f"[{m.group(7)}] {m.group(8)}" if stamp.match(l) else l) for l, m in timed(auth)])
write("markdown-table.log", ["| nats-server log |", "| --- |"] + [f"| {l} |" for l in auth])
write("markdown-quote.log", [f"> {l}" if l else ">" for l in panic])
write("indented.log", [f"    {l}" if l else "" for l in panic])
write("crlf.log", panic, end="\r\n")
# A crash dump a supervisor indented by four spaces, behind compose's prefix.
write("compose-panic-indented.log", [compose(["nats-1"], "nats-1", "36", l if stamp.match(l) else ("    " + l if l else "")) for l in panic])

# Mixed: a compose cluster of three servers and an application, lines interleaved as compose prints them.
names = ["nats-1", "nats-2", "nats-3", "orders-1"]
cluster = []
for i, l in enumerate(auth):
    cluster.append(compose(names, ["nats-1", "nats-3"][i % 2], ["36", "33"][i % 2], l))
    if i == 10:
        cluster += [compose(names, "nats-2", "32", p) for p in panic[13:25]]
        cluster.append(compose(names, "orders-1", "35", "2026/11/26 19:45:04 nats: no servers available for connection"))
write("compose-cluster-mixed.log", cluster)

# Mixed: a bug report paste, part quoted, part indented, part plain.
write("paste-mixed.log", [f"> {l}" for l in auth[:8]] + [""] + [f"    {l}" if l else "" for l in panic[12:25]] + [""] + auth[8:])
