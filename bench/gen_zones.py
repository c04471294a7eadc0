#!/usr/bin/env python3
"""Write N small, realistic, deterministic zones for the many-zones benchmark.

Usage: gen_zones.py N DIR [--seed S]

Writes DIR/<zone>.zone for N zones in the shape of a hosting provider's
customer zones: three provider zones and N - 3 customers (N >= 4).

- hostprov.example   the provider: name servers ns1/ns2 of every zone
- mailhost.example   the shared mail service: mx1/mx2, the outbound relays
                     (_out, an SPF include) and the DKIM key customers CNAME to
- spfhost.example    the shared SPF record every customer includes

Each customer zone has about 30 records: SOA, 2 NS, A/AAAA at the apex,
www/ftp/shop/blog/... (A, AAAA, CNAME), CAA, a site-verification TXT, an
SPF TXT (a, mx, ip4 and include: of spfhost.example), a DKIM key and a
selector CNAMEd to mailhost.example, and a DMARC policy with rua.
Zones cross each other as a provider's do:
- about 70% of customers receive mail on mailhost.example (MX targets in
  another zone of the set), the rest on their own mail.<zone> host;
- every 10th customer is an agency that publishes _spf.<zone> and has its
  own mail host; about 20% of the other customers include an agency's
  _spf (an SPF include into another customer's zone) and about 5% use an
  agency's mail host as MX backup (an MX target in another customer's zone);
- about 0.5% point their second MX at mx3.mailhost.example, which has no
  address, so mx-target-no-address has something to find across zones.

The output depends only on N and the seed: the same arguments always give
the same bytes (file order, names, addresses, choices).
"""
import argparse
import os
import random
import sys

# Two real 2048-bit RSA public keys (DER SubjectPublicKeyInfo, base64), made
# once with `openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 |
# openssl pkey -pubout -outform DER | base64 -w0`, so DKIM key checks decode
# a valid key. Customers share them, as keys do repeat across a provider's
# zones when its panel sets them up.
DKIM_KEYS = (
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA0q5G7ng5B+jCJYRnTjFfjVDzQkSp"
    "GWjZxV5OVUD720HJvp3t1dbfELxV6PFSSuzWbIR8gRt1Aj/GSSeKmLCJUHWnhOEiyDdJY7Pb"
    "BZJ7YCAIdj+/DspjI6TdPwjSrDO0jZcEDvcJegKJd/Z2GC5LZRqhEZx+mqtSD596IJMukdsN"
    "iXyQBUuSJB+ETr+s6+kOPoaP0Q3LQJOakeGrDoEjfC0TLjnvZSHfb+HKUoC7Mu3Qr3FhK1uP"
    "bcUPzqUiFJIoC4jECa8rOAnWW8bAOAxCdJGg0gxtiUiUk5kDQ7llcqDDhIbHDgljMYSrjNN6"
    "BrYPwnldmFMUzgUwub6IZpkriwIDAQAB",
    "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAqPQIiFJifW1eg57JNzuS0puaWHC2"
    "BybRyPiz9YAaUAdvFAyaRDFU1H+qyTZYKFQrwELUxOOLqAMQILWeFWzwluueg2kbuiJGm43h"
    "7tS7+McXcosiJCe1BtwiCy4nqGyCrlmuAcibHbGYxAKfz1LB/bY52fK0C6cw20UpkRkgomg2"
    "l+Svd8rEXI4Ymef1bGIAa/IN4w85U4fGK5FEzn2MKKAicvzgEOV+2K7DUr23r25yqsBnfCdh"
    "bROuot9FazrycqyglhCo2V1rduAz1yhvWvnn5kT2w1SI4XKPR3hnJSZuZFxR0sGwq/JuEg/i"
    "kME7h+zCMXOd5YbKy2S7QnxuhQIDAQAB",
)

PROVIDER = "hostprov.example"
MAILHOST = "mailhost.example"
SPFHOST = "spfhost.example"

ADJECTIVES = (
    "alpine", "amber", "blue", "bright", "cedar", "coastal", "copper", "crisp",
    "delta", "eastern", "golden", "green", "harbor", "iron", "lucky", "maple",
    "north", "oak", "prime", "quiet", "red", "river", "silver", "summit",
)
NOUNS = (
    "bakery", "bikes", "books", "clinic", "consulting", "dental", "design",
    "garden", "hotel", "law", "media", "motors", "music", "optics", "pets",
    "photo", "realty", "studio", "tailor", "tech", "travel", "wines", "yoga",
)

# Shared-hosting web servers: many customers on few addresses, as on a real
# provider; RFC 5737 and RFC 3849 documentation space only.
WEB_V4 = [f"{net}.{h}" for net in ("192.0.2", "198.51.100", "203.0.113")
          for h in range(10, 250)]


def soa(serial):
    return (f"@ IN SOA ns1.{PROVIDER}. hostmaster.{PROVIDER}. (\n"
            f"        {serial} ; serial\n        7200 ; refresh\n"
            "        3600 ; retry\n        1209600 ; expire\n"
            "        300 ) ; minimum\n"
            f"@ NS ns1.{PROVIDER}.\n@ NS ns2.{PROVIDER}.\n")


def dkim(selector, key):
    # Split in two strings, as panels do to stay under 255 octets a string.
    return (f'{selector}._domainkey TXT ( "v=DKIM1; k=rsa; "\n'
            f'    "p={key[:200]}"\n    "{key[200:]}" )\n')


def provider_zones(serial):
    head = lambda name: f"$ORIGIN {name}.\n$TTL 3600\n" + soa(serial)
    zones = {}
    zones[PROVIDER] = head(PROVIDER) + (
        "ns1 A 192.0.2.1\nns1 AAAA 2001:db8::53:1\n"
        "ns2 A 198.51.100.1\nns2 AAAA 2001:db8::53:2\n"
        "@ A 192.0.2.5\n@ AAAA 2001:db8::80:5\nwww CNAME @\n"
        f"@ MX 10 mx1.{MAILHOST}.\n@ MX 20 mx2.{MAILHOST}.\n"
        f'@ TXT "v=spf1 include:{SPFHOST} -all"\n'
        + dkim("default", DKIM_KEYS[0]) +
        f'_dmarc TXT "v=DMARC1; p=reject; rua=mailto:dmarc@{PROVIDER}"\n'
        # Accepts the reports of spfhost.example (RFC 7489 7.1), across zones.
        f'{SPFHOST}._report._dmarc TXT "v=DMARC1"\n')
    zones[MAILHOST] = head(MAILHOST) + (
        "mx1 A 192.0.2.25\nmx1 AAAA 2001:db8::25:1\n"
        "mx2 A 198.51.100.25\nmx2 AAAA 2001:db8::25:2\n"
        "relay1 A 203.0.113.25\nrelay2 A 203.0.113.26\n"
        "@ MX 10 mx1\n@ MX 20 mx2\n"
        f'@ TXT "v=spf1 a:relay1.{MAILHOST} a:relay2.{MAILHOST} -all"\n'
        '_out TXT "v=spf1 ip4:203.0.113.16/28 ip6:2001:db8:25::/48 -all"\n'
        + dkim("mh1", DKIM_KEYS[1]) +
        f'_dmarc TXT "v=DMARC1; p=reject; rua=mailto:dmarc@{MAILHOST}"\n')
    zones[SPFHOST] = head(SPFHOST) + (
        "@ A 192.0.2.6\n"
        f'@ TXT "v=spf1 ip4:192.0.2.0/25 include:_out.{MAILHOST} -all"\n'
        f'_dmarc TXT "v=DMARC1; p=reject; rua=mailto:dmarc@{PROVIDER}"\n')
    return zones


def customer_names(count):
    names = []
    for i in range(count):
        adj = ADJECTIVES[i % len(ADJECTIVES)]
        noun = NOUNS[(i // len(ADJECTIVES)) % len(NOUNS)]
        names.append(f"{adj}-{noun}-{i}.example")
    return names


def customer_zone(i, names, rnd, serial):
    name = names[i]
    agencies = len(names) // 10 + (1 if len(names) % 10 else 0)
    is_agency = i % 10 == 0
    web = WEB_V4[rnd.randrange(len(WEB_V4))]
    v6 = f"2001:db8:{(i >> 16) & 0xffff:x}:{i & 0xffff:x}"
    own_mail = is_agency or rnd.random() < 0.3
    lines = [f"$ORIGIN {name}.\n$TTL 3600\n", soa(serial)]
    lines.append(f"@ A {web}\n@ AAAA {v6}::1\n")
    lines.append("www CNAME @\nftp CNAME www\n")
    lines.append(f"shop A {web}\nblog CNAME www\n")
    lines.append(f"api A {web}\napi AAAA {v6}::2\n")
    lines.append(f"dev A {web}\nstaging CNAME dev\n")
    lines.append(f"autodiscover CNAME autodiscover.{MAILHOST}.\n")
    lines.append('@ CAA 0 issue "letsencrypt.org"\n')
    lines.append(f'@ TXT "site-verification={rnd.getrandbits(64):016x}"\n')

    mx = []
    if own_mail:
        lines.append(f"mail A {web}\nmail AAAA {v6}::25\n")
        mx.append("10 mail")
    else:
        mx.append(f"10 mx1.{MAILHOST}.")
    r = rnd.random()
    if r < 0.005:
        # A host the mail service never set up: found across zones.
        mx.append(f"20 mx3.{MAILHOST}.")
    elif r < 0.055 and not is_agency:
        mx.append(f"20 mail.{names[10 * rnd.randrange(agencies)]}.")
    else:
        mx.append(f"20 mx2.{MAILHOST}.")
    lines.extend(f"@ MX {m}\n" for m in mx)

    spf = ["v=spf1", "a", "mx", f"ip4:{web}", f"include:{SPFHOST}"]
    if not is_agency and rnd.random() < 0.2:
        spf.append(f"include:_spf.{names[10 * rnd.randrange(agencies)]}")
    spf.append("-all" if rnd.random() < 0.6 else "~all")
    lines.append(f'@ TXT "{" ".join(spf)}"\n')
    if is_agency:
        lines.append(f'_spf TXT "v=spf1 ip4:{web} a:mail.{name} -all"\n')

    lines.append(dkim("default", DKIM_KEYS[i % 2]))
    lines.append(f"mh1._domainkey CNAME mh1._domainkey.{MAILHOST}.\n")
    r = rnd.random()
    policy = "none" if r < 0.15 else "quarantine" if r < 0.5 else "reject"
    lines.append(f'_dmarc TXT "v=DMARC1; p={policy}; '
                 f'rua=mailto:dmarc@{name}"\n')
    return name, "".join(lines)


def main(argv):
    ap = argparse.ArgumentParser(
        description="Write N small realistic zones to DIR/<zone>.zone.")
    ap.add_argument("n", type=int, metavar="N",
                    help="number of zones, at least 4 (3 provider zones)")
    ap.add_argument("dir", metavar="DIR", help="output directory (created)")
    ap.add_argument("--seed", type=int, default=1, help="default 1")
    args = ap.parse_args(argv)
    if args.n < 4:
        ap.error("N must be at least 4")
    os.makedirs(args.dir, exist_ok=True)
    rnd = random.Random(args.seed)
    serial = 2026120501
    zones = provider_zones(serial)
    names = customer_names(args.n - len(zones))
    written = 0

    def write(name, text):
        nonlocal written
        with open(os.path.join(args.dir, name + ".zone"), "w",
                  encoding="ascii", newline="\n") as f:
            f.write(text)
        written += len(text)

    for name, text in zones.items():
        write(name, text)
    for i in range(len(names)):
        write(*customer_zone(i, names, rnd, serial))
    print(f"gen_zones.py: {args.n} zones, {written} bytes in {args.dir}",
          file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
