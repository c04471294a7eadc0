#!/usr/bin/env python3
"""Turns the openspf RFC 7208 test suite (rfc7208-tests.yml) into zone files
that zonelint reads, and a table of its tests.

Usage:
  spf_suite_to_zones.py SUITE.yml --zones OUT.zones --tests OUT.tsv
  spf_suite_to_zones.py SUITE.yml --split-dir DIR   (one .zone per scenario)

The suite is a stream of YAML documents, one per scenario; each has `tests`
and `zonedata` (owner -> list of {TYPE: value} or bare markers such as
TIMEOUT). Each scenario becomes one zone with origin "." and absolute owner
names, because its names belong to several domains (example.com, example.net,
in-addr.arpa...). A root zone also models the suite's DNS exactly: a name the
zonedata does not list does not exist.

How the zonedata maps to records:
  * TXT and SPF values are a string or a list of strings (several
    character-strings of one record). Strings are written quoted, with \\"
    \\\\ and \\DDD escapes for every byte outside printable ASCII (the suite
    has \\x80, \\x0d, \\0...), split into pieces of at most 255 bytes.
    Code points below 256 are the bytes the suite means (YAML "\\xEF" is
    U+00EF); others are UTF-8.
  * SPF (type 99) entries are copied into TXT when the name has no TXT
    entry, as the suite's drivers do (RFC 7208 retired type 99; the suite
    relies on this duplication, see its header). Where a name has TXT
    entries too (the "Record lookup" and "Selecting records" scenarios:
    both, spfonly, example4.com...), its SPF entries stay type SPF, so
    that they are what a verifier ignores. "TXT: NONE" is a TXT entry that
    gives no record (it keeps spfonly from getting a TXT copy).
  * An empty TXT/SPF list (no strings; invalid on the wire) becomes "".
  * TIMEOUT: the name's lookups time out. It becomes a delegation (an NS
    record) so that zonelint treats the name as unknown rather than empty,
    unless the name has TXT values of its own (spftimeout: only the SPF-type
    query times out) or other zonedata names lie below it (a delegation
    would hide them); then the marker is dropped, with a comment.
  * MX [pref, ""] is a null MX ("0 ."); names get a trailing dot.

The tests table (TSV, header row) has one row per test:
  scenario   the scenario's description ("Initial processing")
  zone       the zone's file name ("01-initial-processing.zone")
  test       the test's name
  domain     the domain the check concerns: the MAIL FROM domain, or the
             HELO name when MAIL FROM is empty or has no domain
             (RFC 7208 2.3, 2.4, 4.3); as written
  result     the expected result(s), comma-separated ("fail,permerror")
  spec       the spec reference
  reach      the names whose TXT records evaluating `domain` for this
             test's sender, HELO and IP reaches: the domain, then every
             include: and redirect= target (after macro expansion, through
             CNAMEs), recursively; presentation form, absolute, separated by
             spaces
"""
import argparse
import ipaddress
import os
import re
import sys

import yaml

SPECIAL = set(b' "();@$\\.')


def to_bytes(text):
    text = str(text)
    try:
        return text.encode("latin-1")
    except UnicodeEncodeError:
        return text.encode("utf-8")


def escape_label(label):
    out = []
    for b in label:
        if 0x21 <= b < 0x7F and b not in SPECIAL:
            out.append(chr(b))
        else:
            out.append("\\%03d" % b)
    return "".join(out)


def presentation_name(name):
    """Absolute presentation form of a zonedata name (no escapes in it)."""
    name = str(name)
    if name in ("", "."):
        return "."
    if name.endswith("."):
        name = name[:-1]
    labels = to_bytes(name).split(b".")
    return ".".join(escape_label(label) for label in labels) + "."


def quote_strings(data):
    """A character-string (bytes) as quoted master-file strings."""
    if not data:
        return ['""']
    out = []
    for start in range(0, len(data), 255):
        piece = data[start:start + 255]
        chars = []
        for b in piece:
            if b == 0x22:
                chars.append('\\"')
            elif b == 0x5C:
                chars.append("\\\\")
            elif 0x20 <= b < 0x7F:
                chars.append(chr(b))
            else:
                chars.append("\\%03d" % b)
        out.append('"' + "".join(chars) + '"')
    return out


def txt_rdata(value):
    strings = value if isinstance(value, list) else [value]
    parts = []
    for s in strings:
        parts.extend(quote_strings(to_bytes(s)))
    return " ".join(parts) if parts else '""'


def entries_of(zonedata):
    """owner (lower-case, no trailing dot) -> (written owner, entries)."""
    out = {}
    for owner, entries in zonedata.items():
        key = str(owner).lower().rstrip(".")
        out.setdefault(key, (str(owner), []))[1].extend(entries or [])
    return out


def is_txt_none(value):
    return isinstance(value, str) and value == "NONE"


class Scenario:
    def __init__(self, index, doc):
        self.index = index
        self.description = str(doc.get("description", "scenario %d" % index))
        slug = re.sub(r"[^a-z0-9]+", "-", self.description.lower()).strip("-")
        self.zone_name = "%02d-%s.zone" % (index, slug)
        self.tests = doc.get("tests") or {}
        self.names = entries_of(doc.get("zonedata") or {})
        # name -> list of TXT texts (each a list of strings), as a verifier's
        # TXT query sees them; name -> CNAME target.
        self.txt = {}
        self.cname = {}
        for key, (_, entries) in self.names.items():
            has_txt = any(isinstance(e, dict) and "TXT" in e for e in entries)
            texts = []
            for e in entries:
                if not isinstance(e, dict):
                    continue
                for rtype, value in e.items():
                    if rtype == "TXT" or (rtype == "SPF" and not has_txt):
                        if not is_txt_none(value):
                            texts.append(value if isinstance(value, list)
                                         else [value])
                    elif rtype == "CNAME":
                        self.cname[key] = str(value).lower().rstrip(".")
            self.txt[key] = texts

    def zone_text(self):
        lines = [
            "; RFC 7208 test suite (openspf rfc7208-tests.yml), scenario %d:"
            % self.index,
            ";   %s" % self.description,
            "; Generated by tools/spf_suite_to_zones.py; do not edit.",
            "$ORIGIN .",
            "$TTL 3600",
            ". SOA ns.invalid. hostmaster.invalid. 1 3600 600 86400 300",
            ". NS ns.invalid.",
        ]
        keys = list(self.names)
        for key, (owner, entries) in self.names.items():
            name = presentation_name(owner)
            has_txt = any(isinstance(e, dict) and "TXT" in e for e in entries)
            has_txt_value = any(
                isinstance(e, dict) and "TXT" in e
                and not is_txt_none(e["TXT"]) for e in entries)
            below = [k for k in keys if k != key and k.endswith("." + key)]
            for e in entries:
                if not isinstance(e, dict):
                    marker = str(e)
                    if has_txt_value or below:
                        lines.append(
                            "; %s: %s dropped (%s)" %
                            (name, marker,
                             "the TXT lookup answers" if has_txt_value else
                             "names below it would be hidden"))
                    else:
                        lines.append("%s NS %s.invalid. ; %s" %
                                     (name, marker.lower(), marker))
                    continue
                for rtype, value in e.items():
                    lines.extend(
                        self.record_lines(name, rtype, value, has_txt))
        return "\n".join(lines) + "\n"

    @staticmethod
    def record_lines(name, rtype, value, has_txt):
        if rtype in ("TXT", "SPF"):
            if is_txt_none(value):
                return ["; %s %s NONE (no record)" % (name, rtype)]
            out_type = "TXT" if rtype == "TXT" or not has_txt else "SPF"
            return ["%s %s %s" % (name, out_type, txt_rdata(value))]
        if rtype == "MX":
            pref, target = value
            return ["%s MX %d %s" % (name, int(pref),
                                     presentation_name(target))]
        if rtype in ("PTR", "CNAME", "NS"):
            return ["%s %s %s" % (name, rtype, presentation_name(value))]
        if rtype in ("A", "AAAA"):
            return ["%s %s %s" % (name, rtype, value)]
        raise ValueError("unsupported zonedata type %r at %s" % (rtype, name))


# --- Reach: the TXT records an evaluation visits -----------------------------

def is_spf(strings):
    text = b"".join(to_bytes(s) for s in strings).decode("latin-1")
    return re.match(r"(?i)v=spf1( |$)", text) is not None, text


class Context:
    def __init__(self, sender, helo, ip):
        self.sender = sender
        self.helo = helo
        self.ip = ip

    def macro_letter(self, letter, domain):
        local, _, sender_domain = self.sender.rpartition("@")
        if not local:
            local = "postmaster"
        if letter == "s":
            return "%s@%s" % (local, sender_domain)
        if letter == "l":
            return local
        if letter == "o":
            return sender_domain
        if letter == "d":
            return domain
        if letter in ("i", "c"):
            if self.ip is None:
                return ""
            if self.ip.version == 4:
                return str(self.ip)
            return ".".join(self.ip.exploded.replace(":", ""))
        if letter == "p":
            return "unknown"
        if letter == "v":
            v4 = self.ip is None or self.ip.version == 4
            return "in-addr" if v4 else "ip6"
        if letter == "h":
            return self.helo
        return None

    def expand(self, spec, domain):
        """RFC 7208 7.3 macro expansion; None when the syntax is bad."""
        out = []
        i = 0
        while i < len(spec):
            c = spec[i]
            if c != "%":
                out.append(c)
                i += 1
                continue
            nxt = spec[i + 1:i + 2]
            if nxt == "%":
                out.append("%")
            elif nxt == "_":
                out.append(" ")
            elif nxt == "-":
                out.append("%20")
            elif nxt == "{":
                m = re.match(r"\{([a-zA-Z])(\d*)(r?)([.\-+,/_=]*)\}",
                             spec[i + 1:], re.I)
                if not m:
                    return None
                value = self.macro_letter(m.group(1).lower(), domain)
                if value is None:
                    return None
                delims = m.group(4) or "."
                parts = re.split("[" + re.escape(delims) + "]", value)
                if m.group(3):
                    parts.reverse()
                if m.group(2):
                    parts = parts[-int(m.group(2)):]
                out.append(".".join(parts))
                i += 1 + len(m.group(0))
                continue
            else:
                return None
            i += 2
        return "".join(out)


def targets(text, domain, context):
    """include: and redirect= targets of an SPF record, expanded."""
    terms = text.split(" ")[1:]
    found, redirect, has_all = [], None, False
    for term in terms:
        body = term[1:] if term[:1] in "+-~?" else term
        lower = body.lower()
        if lower == "all":
            has_all = True
        elif lower.startswith("include:"):
            found.append(body[len("include:"):])
        elif lower.startswith("redirect="):
            redirect = body[len("redirect="):]
    if redirect is not None and not has_all:
        found.append(redirect)
    out = []
    for spec in found:
        expanded = context.expand(spec, domain)
        if expanded:
            out.append(expanded.lower().rstrip("."))
    return out


def reach(scenario, domain, context):
    seen, order = set(), []
    todo = [domain.lower().rstrip(".")]
    while todo:
        name = todo.pop(0)
        hops = 0
        while name in scenario.cname and hops < 8:
            if name not in seen:
                seen.add(name)
                order.append(name)
            name = scenario.cname[name]
            hops += 1
        if name in seen:
            continue
        seen.add(name)
        order.append(name)
        for strings in scenario.txt.get(name, []):
            ok, text = is_spf(strings)
            if ok:
                todo.extend(targets(text, name, context))
    return order


def concerned_domain(test):
    mailfrom = str(test.get("mailfrom") or "")
    helo = str(test.get("helo") or "")
    if "@" in mailfrom:
        domain = mailfrom.rpartition("@")[2]
        return (domain, mailfrom) if domain else (helo, "postmaster@" + helo)
    if mailfrom:
        return mailfrom, "postmaster@" + mailfrom
    return helo, "postmaster@" + helo


def cell(text):
    return str(text).replace("\t", " ").replace("\n", " ")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suite")
    parser.add_argument("--zones", help="all zones in one file")
    parser.add_argument("--tests", help="the tests table (TSV)")
    parser.add_argument("--split-dir", help="one .zone file per scenario")
    args = parser.parse_args()
    if not (args.zones or args.tests or args.split_dir):
        parser.error("give --zones, --tests or --split-dir")

    with open(args.suite, "rb") as f:
        docs = [d for d in yaml.safe_load_all(f) if d]
    scenarios = [Scenario(i + 1, d) for i, d in enumerate(docs)]

    if args.zones:
        with open(args.zones, "w", encoding="ascii") as f:
            for s in scenarios:
                # The test splits the bundle at these lines.
                f.write(";; zone %s\n" % s.zone_name)
                f.write(s.zone_text())
    if args.split_dir:
        os.makedirs(args.split_dir, exist_ok=True)
        for s in scenarios:
            path = os.path.join(args.split_dir, s.zone_name)
            with open(path, "w", encoding="ascii") as f:
                f.write(s.zone_text())
    if args.tests:
        with open(args.tests, "w", encoding="ascii", newline="\n") as f:
            f.write("scenario\tzone\ttest\tdomain\tresult\tspec\treach\n")
            for s in scenarios:
                for test_name, test in s.tests.items():
                    domain, sender = concerned_domain(test)
                    try:
                        ip = ipaddress.ip_address(str(test.get("host")))
                        if ip.version == 6 and ip.ipv4_mapped is not None:
                            ip = ip.ipv4_mapped
                    except ValueError:
                        ip = None
                    context = Context(sender, str(test.get("helo") or ""), ip)
                    result = test.get("result")
                    results = result if isinstance(result, list) else [result]
                    names = reach(s, domain, context)
                    f.write("\t".join([
                        s.description, s.zone_name, str(test_name),
                        cell(domain),
                        ",".join(str(r) for r in results),
                        cell(test.get("spec", "")),
                        " ".join(presentation_name(n) for n in names),
                    ]) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
