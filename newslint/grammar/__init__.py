"""Grammar and spelling through a LanguageTool server: the client service (service.py) and its
per-paragraph cache (cache.py). The `languagetool` rule type (checks/languagetool.py) uses them;
config/select.py binds them to the rules of a run that asks for grammar."""

from .service import DEFAULT_TIMEOUT, ENV_URL, INSTALL_HELP, TYPE_NAME, Match, Request, reset, shared_service

__all__ = ["DEFAULT_TIMEOUT", "ENV_URL", "INSTALL_HELP", "TYPE_NAME", "Match", "Request", "reset", "shared_service"]
