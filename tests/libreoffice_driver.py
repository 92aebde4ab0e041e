"""Run by Debian's python3 (which has LibreOffice's `uno`): point LibreOffice's built-in
LanguageTool Remote Grammar Checker at a server, have it proofread paragraphs, print what it
found as JSON. Usage: python3 libreoffice_driver.py OFFICE_PORT SERVER_URL PARAGRAPH..."""

import json
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.lang import Locale


def connect(port: int):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 60
    while True:
        try:
            return resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def configure(ctx, base_url: str) -> None:
    provider = ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    node = PropertyValue(Name="nodepath", Value="/org.openoffice.Office.Linguistic/GrammarChecking/LanguageTool")
    access = provider.createInstanceWithArguments("com.sun.star.configuration.ConfigurationUpdateAccess", (node,))
    access.setPropertyValue("BaseURL", base_url)
    access.setPropertyValue("IsEnabled", True)
    access.commitChanges()


def main() -> None:
    port, server, paragraphs = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
    ctx = connect(port)
    configure(ctx, server + "/v2")
    checker = ctx.ServiceManager.createInstanceWithContext("org.openoffice.lingu.LanguageToolGrammarChecker", ctx)
    locale = Locale("en", "US", "")
    out = {"has_locale": bool(checker.hasLocale(locale)), "paragraphs": []}
    for number, text in enumerate(paragraphs):
        result = checker.doProofreading(f"doc{number}", text, locale, 0, len(text.encode("utf-16-le")) // 2, ())
        out["paragraphs"].append(
            [
                {
                    "start": e.nErrorStart,
                    "length": e.nErrorLength,
                    "rule": e.aRuleIdentifier,
                    "message": e.aFullComment,
                    "short": e.aShortComment,
                    "suggestions": list(e.aSuggestions),
                }
                for e in result.aErrors
            ]
        )
    print(json.dumps(out))


main()
