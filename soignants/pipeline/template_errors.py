"""A theme template that fails on a page says so in French, with the file and the line.

Material's templates read some values of a page's front matter (template, icon, hide…). The
content check and the build refuse the values they cannot read (soignants/lint/page_fields.py),
but a template that still fails must not show an editor a Jinja traceback: the error names the
page's source file (or, for a mistake in a template of overrides/, the template and its line).
"""

from __future__ import annotations

import jinja2


def message(error: Exception, template_name: str | None, page_path: str | None) -> str:
    detail = str(error).splitlines()[0] if str(error) else type(error).__name__
    if isinstance(error, jinja2.TemplateSyntaxError):
        where = f"{error.filename or error.name or template_name}:{error.lineno or 1}"
        return f"{where}: erreur de syntaxe dans le gabarit ({detail}) ; à corriger par l'équipe technique"
    if isinstance(error, jinja2.TemplateNotFound):
        why = f"le gabarit ou l'icône « {detail} » n'existe pas"
    else:
        why = f"{type(error).__name__} : {detail}"
    if page_path:
        return (f"{page_path}:1: le thème n'a pas pu écrire cette page avec le gabarit « {template_name} » ({why}) : "
                "un champ de l'en-tête (template, icon, hide, status…) a sans doute une valeur qu'il ne sait pas "
                f"lire ; « python scripts/lint.py {page_path} » dit laquelle")
    return f"{template_name}:1: le thème n'a pas pu écrire « {template_name} » ({why}) ; à signaler à l'équipe technique"


def in_french(env: jinja2.Environment, error_class, docs_name: str = "docs") -> jinja2.Environment:
    """Make every template of `env` raise `error_class` with a French `fichier:ligne` message instead
    of a Jinja error (or any other error raised while rendering)."""
    base = env.template_class

    class FrenchErrorsTemplate(base):
        def render(self, *args, **kwargs):
            try:
                return super().render(*args, **kwargs)
            except error_class:
                raise
            except Exception as error:  # noqa: BLE001 - an editor never sees a Jinja traceback
                context = dict(*args, **kwargs)
                page = context.get("page")
                source = getattr(getattr(page, "file", None), "src_uri", None)
                raise error_class(message(error, self.name, f"{docs_name}/{source}" if source else None)) from None

    env.template_class = FrenchErrorsTemplate
    load = env.get_template

    def get_template(name, *args, **kwargs):
        try:
            return load(name, *args, **kwargs)
        except jinja2.TemplateSyntaxError as error:  # a template of overrides/ (or the theme) that does not compile
            raise error_class(message(error, str(name), None)) from None

    env.get_template = get_template
    return env
