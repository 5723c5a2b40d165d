#!/usr/bin/env python3
"""Peer timing for `buzon-bench parse`: the same corpus, the same work, another parser.

Usage: bench_email_peer.py [--impl email|fast-mail-parser|fast-mail-parser-untrimmed] [--rounds 3] [--serve] CORPUS_DIR

Reads CORPUS_DIR/manifest.tsv (written by `buzon-bench corpus`), loads every file into
memory, then times, on one thread, best of --rounds, for all messages ("with attachments")
and for those without: parse, read the headers the gateway uses (ids, addresses, subject,
date), decode every leaf (text to str, attachments to bytes) and a cheap reply trim.
Prints one JSON object per set: {"impl", "set", "messages", "bytes", "seconds", "failures",
"text_chars", "attachment_bytes", "reply_chars"} (the counts show the work was comparable).

--serve: load, print {"ready": true}, then for every line "round N W" read from standard
input make W untimed warm-up passes over all messages and time both sets, best of N
back-to-back passes, printing the two objects each time. `buzon-bench parse`
uses it to interleave its own rounds with the peers' rounds, so a machine that slows down
for a while (shared cores) slows every implementation alike and best-of-rounds compares
like with like.
"""
import argparse
import json
import os
import re
import sys
import time

# The first line that starts quoted history: a quote attribution (Gmail, Apple, English),
# an Outlook header block or rule, a signature separator, a reply marker, or a `>` line.
QUOTE_START = re.compile(
    r"^(El .*escribi|On .*wrote:|De: |From: |-----Mensaje original-----|-----Original Message-----"
    r"|_{10,}|-- ?$|##- |>)")


def trim(text):
    """What the sender newly wrote: the lines above the first quote-start line."""
    kept = []
    for line in text.splitlines():
        if QUOTE_START.match(line):
            break
        kept.append(line)
    return "\n".join(kept).rstrip()


def work_email(data, counters):
    from email import message_from_bytes, policy
    message = message_from_bytes(data, policy=policy.default)
    for name in ("message-id", "in-reply-to", "references", "subject", "auto-submitted"):
        str(message.get(name, ""))
    for name in ("from", "to", "cc", "reply-to"):
        header = message.get(name)
        if header is not None:
            counters["addresses"] += len(getattr(header, "addresses", ()))
    date = message.get("date")
    if date is not None:
        getattr(date, "datetime", None)
    text = None
    for part in message.walk():
        if part.is_multipart():
            continue
        content = part.get_content()
        if isinstance(content, str):
            if text is None and part.get_content_type() == "text/plain" and not part.is_attachment():
                text = content
            counters["text"] += len(content)
        elif isinstance(content, (bytes, bytearray)):
            counters["attachment"] += len(content)
    counters["reply"] += len(trim(text or ""))


def work_fast_mail_parser(data, counters):
    import fast_mail_parser
    mail = fast_mail_parser.parse_email(data)
    str(mail.subject), str(mail.date), dict(mail.headers)
    text = mail.text_plain[0] if mail.text_plain else ""
    counters["text"] += sum(len(t) for t in mail.text_plain) + sum(len(t) for t in mail.text_html)
    counters["attachment"] += sum(len(a.content) for a in mail.attachments)
    counters["reply"] += len(trim(text))


def work_fast_mail_parser_untrimmed(data, counters):
    """fast-mail-parser parsing and decoding only, as the issue's peer figure was measured:
    the reply trim is left out, so this is less work than Buzón does."""
    import fast_mail_parser
    mail = fast_mail_parser.parse_email(data)
    str(mail.subject), str(mail.date), dict(mail.headers)
    counters["text"] += sum(len(t) for t in mail.text_plain) + sum(len(t) for t in mail.text_html)
    counters["attachment"] += sum(len(a.content) for a in mail.attachments)


IMPLEMENTATIONS = {"email": work_email, "fast-mail-parser": work_fast_mail_parser,
                   "fast-mail-parser-untrimmed": work_fast_mail_parser_untrimmed}


def load(corpus):
    with open(os.path.join(corpus, "manifest.tsv"), encoding="utf-8") as manifest:
        rows = [line.rstrip("\n").split("\t") for line in manifest][1:]
    messages = []
    for file, _kind, _defect, attachment, _size in rows:
        with open(os.path.join(corpus, file), "rb") as handle:
            messages.append((handle.read(), attachment == "1"))
    return messages


def measure(work, inputs, rounds):
    best = float("inf")
    failures = 0
    counters = {}
    for _ in range(rounds):
        counters = {"text": 0, "attachment": 0, "reply": 0, "addresses": 0}
        failures = 0
        start = time.perf_counter()
        for data in inputs:
            try:
                work(data, counters)
            except Exception:  # a peer that raises on bad mail has "given up" on it
                failures += 1
        best = min(best, time.perf_counter() - start)
    return best, failures, counters


def main():
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--impl", choices=sorted(IMPLEMENTATIONS), default="email")
    arguments.add_argument("--rounds", type=int, default=3)
    arguments.add_argument("--serve", action="store_true")
    arguments.add_argument("corpus")
    options = arguments.parse_args()
    work = IMPLEMENTATIONS[options.impl]
    messages = load(options.corpus)
    work(messages[0][0], {"text": 0, "attachment": 0, "reply": 0, "addresses": 0})  # warm imports
    sets = (("with attachments", [m for m, _ in messages]),
            ("without attachments", [m for m, attached in messages if not attached]))

    def report(rounds):
        for name, inputs in sets:
            seconds, failures, counters = measure(work, inputs, rounds)
            print(json.dumps({"impl": options.impl, "set": name, "messages": len(inputs),
                              "bytes": sum(len(m) for m in inputs), "seconds": seconds, "failures": failures,
                              "text_chars": counters["text"], "attachment_bytes": counters["attachment"],
                              "reply_chars": counters["reply"]}))
            sys.stdout.flush()

    if not options.serve:
        report(max(1, options.rounds))
        return
    print(json.dumps({"ready": True}))
    sys.stdout.flush()
    for line in sys.stdin:
        words = line.split()
        if len(words) == 3 and words[0] == "round" and words[1].isdigit() and words[2].isdigit():
            for _ in range(int(words[2])):
                measure(work, sets[0][1], 1)
            report(max(1, int(words[1])))


if __name__ == "__main__":
    main()
