"""A second writer for the two-writer tests, run as its own process (one Workspace per
process: peewee's proxy is global).

  python -m tests.db.writer add DATA_DIR PREFIX COUNT [SHARED_USCC]
      COUNT firms, each in its own transaction through the services (and, with SHARED_USCC,
      an update of that firm after each: a read, then a write); prints "ok USCC" for each
      write that succeeded and "fail CODE" for each refused
  python -m tests.db.writer hold DATA_DIR USCC
      opens a write transaction, adds the firm USCC in it, prints "holding", and commits when a
      line arrives on stdin; then prints "released"

Every process prints "waiting" when the database tells it a write has to wait, "waited" when
the wait is over.
"""
from __future__ import annotations

import dataclasses
import sys
from datetime import date

from desktop.domain.errors import DomainError
from desktop.paths import AppPaths
from desktop.services.workspace import Workspace


def say(text: str) -> None:
    print(text, flush=True)


def on_wait(message) -> None:
    say("waiting" if message is not None else "waited")


def uscc_for(prefix: str, number: int) -> str:
    from stdnum.cn import uscc

    body = f"91320583{prefix}{number:05d}"[:17]
    return body + uscc.calc_check_digit(body)


def firm_fields(code: str, name: str) -> dict:
    return {"uscc": code, "name": name, "region_code": "320583", "industry_code": "C4021",
            "registration_date": "2015-03-02"}


def add(workspace: Workspace, prefix: str, count: int, shared: str | None) -> None:
    for number in range(count):
        code = uscc_for(prefix, number)
        try:
            workspace.firms.create_from(firm_fields(code, f"并发写入企业{prefix}{number}"))
            say(f"ok {code}")
            if shared:
                firm = workspace.firms.get_by_uscc(shared)
                workspace.firms.update(dataclasses.replace(firm, notes=f"{prefix}{number}"))
                say(f"ok update {prefix}{number}")
        except DomainError as error:
            say("fail " + ",".join(message.code for message in error.messages))


def hold(workspace: Workspace, code: str) -> None:
    with workspace.context.database.transaction():
        workspace.firms.create_from(firm_fields(code, "持有写锁的企业"))
        say("holding")
        sys.stdin.readline()
    say("released")


def main(argv: list[str]) -> int:
    action, data_dir, *rest = argv
    paths = AppPaths.resolve(data_dir=data_dir)
    with Workspace.open(paths, user="writer", today=lambda: date(2026, 11, 27),
                        on_wait=on_wait) as workspace:
        if action == "add":
            add(workspace, rest[0], int(rest[1]), rest[2] if len(rest) > 2 else None)
        elif action == "hold":
            hold(workspace, rest[0])
        else:
            return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
