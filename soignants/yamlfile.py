"""YAML loading that keeps dates as the text the editor wrote.

Editors write `2026-11-23`; PyYAML would turn it into a `date`, JSON Schema expects a string,
and a round trip would lose the original spelling. So the timestamp resolver is removed.
"""

import yaml


class TextDateLoader(yaml.SafeLoader):
    """SafeLoader that leaves timestamps as strings."""


# The same with libyaml's parser when PyYAML has it (about ten times faster: the build reads the
# front matter of every page); the pure-Python one keeps the node marks lint reports lines from.
FastTextDateLoader = type("FastTextDateLoader", (getattr(yaml, "CSafeLoader", yaml.SafeLoader),), {})

_WITHOUT_TIMESTAMPS = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
TextDateLoader.yaml_implicit_resolvers = _WITHOUT_TIMESTAMPS
FastTextDateLoader.yaml_implicit_resolvers = _WITHOUT_TIMESTAMPS


def load_yaml_text(text: str):
    return yaml.load(text, Loader=FastTextDateLoader)


def load_yaml_file(path):
    with open(path, encoding="utf-8") as handle:
        return load_yaml_text(handle.read())
