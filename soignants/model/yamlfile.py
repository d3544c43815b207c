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


# Bounded work: YAML anchors and aliases let a few lines expand into gigabytes (« billion laughs »)
# and no content of ours needs them; a structure nested deeper than this is a mistake too.
MAX_DEPTH = 20
_OPENING = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken,
            yaml.FlowSequenceStartToken)
_CLOSING = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


class UnsafeYamlError(yaml.MarkedYAMLError):
    """YAML that parses but that we refuse (anchors, aliases, deep nesting); `problem` says why."""


def check_bounded(text: str) -> None:
    """Raise UnsafeYamlError on an anchor, an alias or too deep a nesting, before anything is
    built from the text: scanning tokens is linear in the text's length."""
    depth = 0
    for token in yaml.scan(text, Loader=FastTextDateLoader):
        if isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
            raise UnsafeYamlError(problem="anchors and aliases are refused", problem_mark=token.start_mark)
        if isinstance(token, _OPENING):
            depth += 1
            if depth > MAX_DEPTH:
                raise UnsafeYamlError(problem="nesting too deep", problem_mark=token.start_mark)
        elif isinstance(token, _CLOSING):
            depth -= 1


def load_yaml_text(text: str):
    check_bounded(text)
    return yaml.load(text, Loader=FastTextDateLoader)


def load_yaml_file(path):
    with open(path, encoding="utf-8") as handle:
        return load_yaml_text(handle.read())
