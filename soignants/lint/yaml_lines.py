"""Where a key of a YAML document sits in its file.

A schema error says « /structures/3/verifie_le »; an editor needs « data/aide.yml:52 ». We compose
the YAML (nodes keep their start mark) and index every key and list item by its path. The same
pass notices duplicated keys, which PyYAML would otherwise silently resolve to the last one.
"""

import yaml

from ..model.yamlfile import FastTextDateLoader, TextDateLoader, check_bounded


class YamlLines:
    """Lines of the keys of one YAML document, as lines of the file that holds it.

    `first_line` is the file line of the text's first line (2 for a front matter after its
    `---` fence, 1 for a data file); `root_line` is where the document as a whole is reported
    (the opening fence of a front matter).
    """

    def __init__(self, node, first_line: int = 1, root_line: int | None = None):
        self.first_line = first_line
        self.root_line = first_line if root_line is None else root_line
        self._lines: dict[tuple, int] = {}
        #: (path of the duplicated key, file line of its second occurrence)
        self.duplicates: list[tuple[tuple, int]] = []
        #: the document's top node (None for an empty text), to tell a mapping from a list
        self.root = node
        if node is not None:
            self._walk(node, (), set())

    @classmethod
    def from_text(cls, text: str, first_line: int = 1, root_line: int | None = None) -> "YamlLines":
        return load_with_lines(text, first_line, root_line)[1]

    def _walk(self, node, path: tuple, active: set) -> None:
        if id(node) in active:  # a recursive alias: stop, it has no new lines to offer
            return
        active = active | {id(node)}
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key_node, value_node in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
                child = path + (key,)
                line = self.first_line + key_node.start_mark.line
                if key in seen:
                    self.duplicates.append((child, line))
                else:
                    seen.add(key)
                    self._lines[child] = line
                self._walk(value_node, child, active)
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                child = path + (index,)
                self._lines[child] = self.first_line + item.start_mark.line
                self._walk(item, child, active)

    def line(self, path) -> int:
        """File line of a key or list item, or of its nearest ancestor present in the text."""
        path = tuple(path)
        while path:
            if path in self._lines:
                return self._lines[path]
            path = path[:-1]
        return self.root_line

    def has(self, path) -> bool:
        return tuple(path) in self._lines


def load_with_lines(text: str, first_line: int = 1, root_line: int | None = None):
    """Parse a YAML text once: its data (dates kept as text) and the lines of its keys.

    Raises yaml.YAMLError on broken YAML, like the loader the build uses (same class).
    """
    check_bounded(text)
    try:
        return _load(FastTextDateLoader, text, first_line, root_line)
    except yaml.YAMLError:
        # libyaml's nodes have the same lines, but its errors are worded otherwise: a broken text
        # is read again by the pure-Python parser, whose messages lint translates.
        return _load(TextDateLoader, text, first_line, root_line)


def _load(loader_class, text: str, first_line: int, root_line: int | None):
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, YamlLines(node, first_line, root_line)
