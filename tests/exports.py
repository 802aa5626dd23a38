"""Reading an export back the way its reader does: the csv module and openpyxl."""

import csv
import io

from openpyxl import load_workbook

PURPOSE = "Overzicht voor het driehoeksoverleg"


def read_csv(response) -> list[list[str]]:
    """Header, rows and the footer row of a CSV export."""
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def read_xlsx(response):
    return load_workbook(io.BytesIO(b"".join(response.streaming_content)))


def xlsx_rows(response) -> list[tuple]:
    """The data rows of an XLSX export (the header left out)."""
    return list(read_xlsx(response).active.iter_rows(min_row=2, values_only=True))


def confirmed(client):
    """The client's user confirmed their password a moment ago (re-authentication, P29)."""
    import time

    from weerbaar.core.reauth import SESSION_KEY

    session = client.session
    session[SESSION_KEY] = time.time()
    session.save()
    return client


def file_bytes(response) -> bytes:
    """The body of a download, streamed (a file) or not."""
    return b"".join(response.streaming_content) if response.streaming else response.content
