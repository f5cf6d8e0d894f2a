#!/usr/bin/env python3
"""Extracts the rules' own message patterns for a grep baseline (standard library only).

    bench/rule-patterns.py RULES_DIR OUT_PREFIX

writes
  OUT_PREFIX.fixed  the `when.message.contains` literals of every rule, one per line, for
                    `grep -F -i -f` (the literals the engine's prefilter searches for);
  OUT_PREFIX.ere    one POSIX ERE per rule, for `grep -E -i -f`: the rule's `when.message.regex`
                    converted from .NET syntax where possible, else its literals; a rule whose
                    regex cannot be converted falls back to its literals (listed on stderr).
`when.unless`, `level`, `kind` and `source` are ignored (grep cannot know them), so grep counts
a superset of the lines the rules match. The YAML subset used by rules/*.yaml is parsed here
(scalar, flow-list and block-list `contains`, single- or double-quoted `regex`).
"""
import glob
import os
import re
import subprocess
import sys


def unquote(text):
    text = text.strip()
    if text.startswith("'") and text.endswith("'") and len(text) >= 2:
        return text[1:-1].replace("''", "'")
    if text.startswith('"') and text.endswith('"') and len(text) >= 2:
        return bytes(text[1:-1], "utf-8").decode("unicode_escape")
    return text


def split_flow_list(text):
    """["a", 'b', "c, d"] -> [a, b, c, d]"""
    inner = text.strip()[1:-1]
    items, current, quote = [], "", None
    i = 0
    while i < len(inner):
        ch = inner[i]
        if quote:
            current += ch
            if ch == quote:
                if quote == "'" and i + 1 < len(inner) and inner[i + 1] == "'":
                    current += "'"
                    i += 1
                elif quote == '"' and current.endswith('\\"'):
                    pass
                else:
                    quote = None
        elif ch in "'\"":
            quote = ch
            current += ch
        elif ch == ",":
            items.append(unquote(current))
            current = ""
        else:
            current += ch
        i += 1
    if current.strip():
        items.append(unquote(current))
    return items


def indent_of(line):
    return len(line) - len(line.lstrip(" "))


def parse_rules(path):
    """Yields (rule_id, contains_list, regex_or_None) for each rule with a when.message."""
    lines = open(path, encoding="utf-8").read().splitlines()
    rule = None
    section = None          # None | 'when' | 'message' | 'unless'
    when_indent = message_indent = -1
    block_key_indent = -1   # indent of a `contains:` whose list follows as a block
    for raw in lines:
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        ind = indent_of(raw)
        text = raw.strip()
        m = re.match(r"- id:\s*(\S+)", text)
        if m and ind <= 2:
            if rule and (rule["contains"] or rule["regex"]):
                yield rule["id"], rule["contains"], rule["regex"]
            rule = {"id": m.group(1), "contains": [], "regex": None}
            section = None
            block_key_indent = -1
            continue
        if rule is None:
            continue
        if block_key_indent >= 0:
            if ind > block_key_indent and text.startswith("- "):
                rule["contains"].append(unquote(text[2:]))
                continue
            block_key_indent = -1
        if section in ("message", "unless") and ind <= message_indent:
            section = "when" if ind > when_indent else None
        if section == "when" and ind <= when_indent:
            section = None
        if text.startswith("when:"):
            section, when_indent = "when", ind
            continue
        if section == "when" and text.startswith("message:"):
            section, message_indent = "message", ind
            continue
        if section == "when" and text.startswith("unless:"):
            section, message_indent = "unless", ind
            continue
        if section == "message":
            if text.startswith("contains:"):
                value = text[len("contains:"):].strip()
                if not value:
                    block_key_indent = ind
                elif value.startswith("["):
                    rule["contains"].extend(split_flow_list(value))
                else:
                    rule["contains"].append(unquote(value))
            elif text.startswith("regex:"):
                rule["regex"] = unquote(text[len("regex:"):])
    if rule and (rule["contains"] or rule["regex"]):
        yield rule["id"], rule["contains"], rule["regex"]


CLASS_ESCAPES = {"d": "0-9", "s": "[:space:]", "w": "[:alnum:]_"}
ESCAPES = {"d": "[0-9]", "D": "[^0-9]", "s": "[[:space:]]", "S": "[^[:space:]]", "w": "[[:alnum:]_]", "W": "[^[:alnum:]_]"}


def to_ere(regex):
    """.NET regex -> POSIX ERE (GNU grep), or None when it uses something ERE lacks."""
    if re.search(r"\(\?[=!]|\(\?<[=!]|\\[AzZGpPk]|\\[1-9]", regex):
        return None
    out, i, n = [], 0, len(regex)
    regex = regex.replace("(?i)", "")
    n = len(regex)
    while i < n:
        ch = regex[i]
        if ch == "\\" and i + 1 < n:
            nxt = regex[i + 1]
            if nxt in ESCAPES:
                out.append(ESCAPES[nxt])
            elif nxt in "bB<>":
                out.append("\\" + nxt)
            elif nxt in "rnt":
                return None
            else:
                out.append("\\" + nxt if nxt in ".[]()*+?{}|^$\\/" else nxt)
            i += 2
            continue
        if ch == "[":
            # character class: copy, translating escapes; a literal ']' goes first
            j, body, negate = i + 1, [], False
            if j < n and regex[j] == "^":
                negate, j = True, j + 1
            has_bracket = False
            while j < n and regex[j] != "]":
                if regex[j] == "\\" and j + 1 < n:
                    e = regex[j + 1]
                    if e == "]":
                        has_bracket = True
                    elif e in CLASS_ESCAPES:
                        body.append(CLASS_ESCAPES[e])
                    elif e in "SWD":
                        return None
                    else:
                        body.append(e)
                    j += 2
                    continue
                body.append(regex[j])
                j += 1
            if j >= n:
                return None
            out.append("[" + ("^" if negate else "") + ("]" if has_bracket else "") + "".join(body) + "]")
            i = j + 1
            continue
        if ch == "(" and regex.startswith("(?", i):
            m = re.match(r"\(\?(?::|<[A-Za-z_]\w*>|'[A-Za-z_]\w*'|P<[A-Za-z_]\w*>)", regex[i:])
            if not m:
                return None
            out.append("(")
            i += len(m.group(0))
            continue
        if ch in "+*?}" and i + 1 < n and regex[i + 1] == "?":
            out.append(ch)        # lazy quantifier: same set of matching lines
            i += 2
            continue
        if ch == "^":
            i += 1                # the rule anchors the message, not the line: drop
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def ere_literal(text):
    return re.sub(r"([.\[\]()*+?{}|^$\\])", r"\\\1", text)


def valid_ere(pattern):
    r = subprocess.run(["grep", "-E", "-e", pattern], input=b"", capture_output=True)
    return r.returncode in (0, 1)


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    rules_dir, prefix = sys.argv[1], sys.argv[2]
    fixed, ere, seen = [], [], set()
    rules = converted = fallback = 0
    for path in sorted(glob.glob(os.path.join(rules_dir, "*.yaml")) + glob.glob(os.path.join(rules_dir, "*.yml"))):
        for rule_id, contains, regex in parse_rules(path):
            rules += 1
            for lit in contains:
                if lit.lower() not in seen:
                    seen.add(lit.lower())
                    fixed.append(lit)
            pattern = to_ere(regex) if regex else None
            if pattern is not None and valid_ere(pattern):
                ere.append(pattern)
                converted += 1
            else:
                if regex:
                    fallback += 1
                    print(f"rule-patterns: {rule_id}: regex not convertible to ERE, using its literals", file=sys.stderr)
                ere.extend(ere_literal(lit) for lit in contains)
    with open(prefix + ".fixed", "w", encoding="utf-8") as f:
        f.write("".join(lit + "\n" for lit in fixed))
    with open(prefix + ".ere", "w", encoding="utf-8") as f:
        f.write("".join(p + "\n" for p in dict.fromkeys(ere)))
    print(f"rule-patterns: {rules} rules with message patterns; {len(fixed)} distinct literals; "
          f"{converted} regexes converted to ERE, {fallback} fell back to literals", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
