"""YAML loading that keeps dates as the text the editor wrote.

Editors write `2026-11-23`; PyYAML would turn it into a `date`, JSON Schema expects a string,
and a round trip would lose the original spelling. So the timestamp resolver is removed.
"""

import yaml


class TextDateLoader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as strings."""


TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml_text(text: str):
    return yaml.load(text, Loader=TextDateLoader)


def load_yaml_file(path):
    with open(path, encoding="utf-8") as handle:
        return load_yaml_text(handle.read())
