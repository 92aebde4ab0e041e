"""Start the server from the command line's options (`newslint serve --help`)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# Only the argument definitions are needed to build the command line's parser: everything else
# is imported by main(), so `newslint check` pays nothing for the server.
TOKEN_ENV = "NEWSLINT_SERVE_TOKEN"


def add_arguments(parser) -> None:
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1, this machine only)"
    )
    parser.add_argument("--port", type=int, default=8081, help="port (default: 8081, LanguageTool's)")
    parser.add_argument(
        "--config",
        action="append",
        default=[],
        metavar="[NAME=]FILE",
        help="a configuration requests may name (repeatable; the first is the default; default: the current folder's)",
    )
    parser.add_argument(
        "--profile",
        default=None,
        help="the house profile for every LanguageTool request "
        "(default: en-GB and kin british, en-US ap, else the configuration's)",
    )
    parser.add_argument(
        "--grammar-server", metavar="URL", help="a LanguageTool server whose matches join newslint's on /v2/check"
    )
    parser.add_argument(
        "--max-bytes", type=int, default=1_000_000, metavar="N", help="largest request body (default: 1000000)"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="time limit for checking one request (default: 10)",
    )
    parser.add_argument(
        "--allow-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="a web origin whose pages may call the server (CORS; repeatable; '*' for any)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="server processes sharing the port (default: 1; one per core for a newsroom's traffic)",
    )
    parser.add_argument(
        "--token", default=None, help=f"require this bearer token (or ${TOKEN_ENV}); advised beyond loopback"
    )


def configs(specs: list[str]) -> dict:
    """NAME=FILE or FILE -> {name: Config}; with none, the current folder's configuration."""
    from ..config import load_config

    if not specs:
        return {"default": load_config(None)}
    out = {}
    for number, spec in enumerate(specs):
        name, _, file = spec.rpartition("=") if "=" in spec else ("", "", spec)
        name = name or ("default" if number == 0 else Path(file).resolve().parent.name or f"config{number}")
        if name in out:
            raise ValueError(f"two configurations named {name!r}; name them: --config NAME=FILE")
        out[name] = load_config(file, file)
    return out


def main(args) -> int:
    import uvicorn

    from ..packs import PROFILES, RuleError
    from .app import build_app
    from .service import Service

    token = args.token or os.environ.get(TOKEN_ENV) or None
    if args.profile and args.profile not in PROFILES:
        print(f"newslint: unknown profile {args.profile!r}; choose one of {', '.join(PROFILES)}", file=sys.stderr)
        return 2
    if args.max_bytes < 1 or not args.timeout > 0 or not 0 < args.port < 65536 or args.workers < 1:
        print(
            "newslint: --max-bytes, --timeout, --workers and --port must be positive (the port below 65536)",
            file=sys.stderr,
        )
        return 2
    try:
        loaded = configs(args.config)
        service = Service(loaded, profile=args.profile)
        for name in loaded:  # load every rule now: a broken pack stops the start, not a request
            service.linter(name)
        _prepare(service)
    except (RuleError, ValueError, OSError) as e:
        print(f"newslint: {e}", file=sys.stderr)
        return 2
    if not _is_loopback(args.host) and not token:
        print(
            f"newslint: warning: listening on {args.host} without a token: anyone who can reach this machine "
            f"can send it text; set --token or ${TOKEN_ENV}",
            file=sys.stderr,
        )
    app = build_app(
        service,
        max_bytes=args.max_bytes,
        timeout=args.timeout,
        allow_origins=args.allow_origin,
        token=token,
        grammar_server=args.grammar_server,
    )
    where = f"http://{'[' + args.host + ']' if ':' in args.host else args.host}:{args.port}"
    config = uvicorn.Config(
        app,
        host=args.host,
        port=args.port,
        log_level="warning",
        access_log=False,
        timeout_keep_alive=30,
        server_header=False,
    )
    try:
        sock = _listen(args.host, args.port)
    except OSError as e:  # the port is taken, or not ours to use
        print(f"newslint: cannot listen on {where}: {e.strerror or e}", file=sys.stderr)
        return 2
    named = ", ".join(f"{n} ({c.source or 'defaults'})" for n, c in loaded.items())
    print(
        f"newslint: serving on {where} (the page at {where}/, LanguageTool clients at {where}/v2); "
        f"configurations: {named}",
        file=sys.stderr,
        flush=True,
    )
    if args.workers == 1:
        uvicorn.Server(config).run(sockets=[sock])
    else:
        _run_workers(config, sock, args.workers)
    return 0


def _prepare(service) -> None:
    """Make the Linters /v2/check asks for now, not on the first request (a profile's rules take
    half a second to load), and before the workers fork, so that they share them. Then move
    everything made so far out of the garbage collector's sight: it lives as long as the
    server, and a full collection would otherwise walk all of it (and, in a worker, write to
    pages it shares with the others) again and again."""
    import gc

    from .languagetool import LANGUAGES

    profiles = [service.profile] if service.profile else [None, *dict.fromkeys(p for _, p in LANGUAGES.values())]
    for profile in profiles:
        service.linter(None, profile)  # every rule: the explanations in the matches
        for paragraph in (False, True):
            service.linter(None, profile, paragraph=paragraph, grammar=False)
    gc.collect()
    gc.freeze()


def _listen(host: str, port: int):
    """The listening socket, bound here so that a taken port is one clear line, not a log."""
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # Named as TCP, not left as protocol 0: asyncio turns Nagle's algorithm off (TCP_NODELAY)
    # only on sockets that say they are TCP, and without that an answer written in two parts
    # (headers, then body) waits for the client's delayed ACK: 40 ms on every request.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    return sock


def _run_workers(config, sock, workers: int) -> None:
    """`workers` processes serving one listening socket. Forked after the rules are loaded, so
    each starts at once; uvicorn's own workers would import the app again by name instead."""
    import signal

    import uvicorn

    children = []
    for _ in range(workers):
        pid = os.fork()
        if pid == 0:  # the worker
            try:
                uvicorn.Server(config).run(sockets=[sock])
            finally:
                os._exit(0)
        children.append(pid)

    def stop(signum, frame):
        for child in children:
            try:
                os.kill(child, signal.SIGTERM)
            except ProcessLookupError:
                pass

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for child in children:
        while True:
            try:
                os.waitpid(child, 0)
                break
            except ChildProcessError:
                break
            except InterruptedError:
                continue
    sock.close()


def _is_loopback(host: str) -> bool:
    import ipaddress

    from .limits import LOOPBACK_HOSTS

    if host in LOOPBACK_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
