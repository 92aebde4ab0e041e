"""`newslint serve`: newslint over HTTP, for the tools copy editors work in.

- LanguageTool's /v2/check and /v2/languages (languagetool.py): LibreOffice, the LanguageTool
  browser add-on (Google Docs, web CMS editors), LTeX, the Obsidian plugins, Emacs and
  language-tool-python take newslint's findings as they take LanguageTool's;
- newslint's own JSON (/api/check, /api/fix) for CMS hooks;
- a page at / to paste or open a draft and work through its findings (static/, no build step).

The web stack (Starlette, uvicorn, python-multipart) is an extra: `pip install 'newslint[serve]'`.
Nothing here is imported by `import newslint` or `newslint check`.
"""

from __future__ import annotations

REQUIREMENTS = ("starlette", "uvicorn", "multipart")
INSTALL_HINT = "newslint serve needs the web extra: pip install 'newslint[serve]'"


def missing_requirement() -> str | None:
    """The first of the server's packages that cannot be imported, or None."""
    import importlib.util

    for name in REQUIREMENTS:
        if importlib.util.find_spec(name) is None:
            return name
    return None
