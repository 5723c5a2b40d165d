"""SMTP sink for Buzón's tests: a real SMTP server (aiosmtpd) that records what it receives.

Each accepted message becomes two files in --spool: NAME.eml (the DATA payload exactly as
received, dot-unstuffed, CRLF kept) and NAME.json (mail_from, rcpt_tos, auth_login, listener, helo),
both written to a tmp/ file first and renamed, the .json last: a reader that sees the .json
sees the complete .eml. NAME sorts by arrival.

Test hooks: a recipient whose local part starts with "tempfail" gets 451, "reject" gets 550.
AUTH PLAIN/LOGIN accepts the users in --users (JSON {"name": "password"}); others get 535.
Listeners: --port (plain, STARTTLS offered, AUTH allowed) and --tls-port (implicit TLS).
Run with Debian's /usr/bin/python3 (python3-aiosmtpd). Exits on SIGTERM or when its parent dies.
"""
import argparse
import asyncio
import itertools
import json
import os
import signal
import ssl
import time

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Recorder:
    def __init__(self, spool, listener):
        self.spool = spool
        self.listener = listener

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("tempfail"):
            return "451 4.3.0 Temporary failure requested by the test address"
        if local.startswith("reject"):
            return "550 5.1.1 Recipient rejected by the test address"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        name = "%020d-%08d" % (time.time_ns(), next(COUNTER))
        login = getattr(session, "login_data", None)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "auth_login": login.decode("utf-8", "replace") if isinstance(login, bytes) else login,
            "listener": self.listener,
            "helo": session.host_name,
        }
        write_atomically(self.spool, name + ".eml", envelope.original_content)
        write_atomically(self.spool, name + ".json", json.dumps(record).encode())
        return "250 2.0.0 OK queued as " + name


COUNTER = itertools.count()


def write_atomically(spool, name, data):
    temporary = os.path.join(spool, "tmp", name)
    with open(temporary, "wb") as handle:
        handle.write(data)
    os.rename(temporary, os.path.join(spool, name))


def authenticator(users):
    def check(server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        login = auth_data.login.decode("utf-8", "replace")
        password = auth_data.password.decode("utf-8", "replace")
        if users.get(login) == password:
            return AuthResult(success=True, auth_data=auth_data)
        return AuthResult(success=False, handled=False)
    return check


async def serve(arguments):
    users = json.load(open(arguments.users))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(arguments.cert, arguments.key)
    loop = asyncio.get_running_loop()
    os.makedirs(os.path.join(arguments.spool, "tmp"), exist_ok=True)

    def factory(listener, starttls):
        return lambda: SMTP(
            Recorder(arguments.spool, listener), hostname="sink.localhost",
            tls_context=context if starttls else None, require_starttls=False,
            authenticator=authenticator(users), auth_required=False, auth_require_tls=False,
            decode_data=False, enable_SMTPUTF8=True, data_size_limit=64 * 1024 * 1024)

    servers = [await loop.create_server(factory("plain", True), "127.0.0.1", arguments.port)]
    if arguments.tls_port:
        servers.append(await loop.create_server(factory("tls", False), "127.0.0.1",
                                                arguments.tls_port, ssl=context))
    stop = loop.create_future()
    loop.add_signal_handler(signal.SIGTERM, lambda: stop.done() or stop.set_result(None))
    parent = os.getppid()
    while not stop.done():
        if os.getppid() != parent:  # the test process died: do not outlive it
            break
        await asyncio.wait([stop], timeout=1)
    for server in servers:
        server.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--spool", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--tls-port", type=int, default=0)
    parser.add_argument("--cert", required=True)
    parser.add_argument("--key", required=True)
    parser.add_argument("--users", required=True)
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
