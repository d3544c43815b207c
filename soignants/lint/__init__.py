"""The content check (scripts/lint.py): front matter, sections, links, markers, safety, data files.

`run(Project(...), paths)` returns every problem found, each with its file, line, stable code
and a French message saying what is wrong and how to fix it. Modules, one job each:

- report: the Problem, its one-line form, the summary;
- project: where the content is, today's date, the data read once per run;
- reading: bytes -> text (empty, binary, non-UTF-8 files become problems);
- yaml_lines, yaml_errors, schema_messages: YAML and JSON Schema problems at the right line, in French;
- markdown_text: masking code, headings and their ids, links;
- front_matter, structure, markers, links, html_checks, privacy: the checks of a page;
- markdown_checks: all the checks of a page; data_checks: data/*.yml; assets: other files in docs/;
- runner: which files, and no exception ever reaches the editor.
"""

from .project import Project
from .report import Problem, failed, summary
from .runner import Result, run

__all__ = ["Problem", "Project", "Result", "failed", "run", "summary"]
