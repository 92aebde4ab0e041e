"""Configuration: .newslint.yaml or [tool.newslint] -> Config, and which rules a Config runs.

model.py     Config and Vocabulary, the data
files.py     finding and reading the file that governs a draft (load_config)
settings.py  validating what a file says
select.py    which rules run, with the house's settings applied
schema.py    the JSON Schema of the configuration file
"""

from .files import CONFIG_FILES, clear_config_cache, load_config
from .model import Config, Vocabulary

__all__ = ["CONFIG_FILES", "Config", "Vocabulary", "clear_config_cache", "load_config"]
