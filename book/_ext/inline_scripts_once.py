"""Write each ``<script>`` into a page once.

Sphinx 7 registers an inline script that an extension adds after the HTML
builder has started (sphinx-thebe's ``const THEBE_JS_URL = ...``) twice: once
with filename ``None`` and once with ``''``, which compare unequal. Declaring a
``const`` twice is a SyntaxError in the browser. Sphinx 8.2 fixed this
(sphinx-doc/sphinx#13402), but Jupyter Book 1 requires Sphinx 7, so the
duplicates are dropped here, just before each page is rendered.
"""


def _script_key(script):
    return (
        script.filename or "",
        script.priority,
        tuple(sorted(script.attributes.items())),
    )


def drop_repeated_scripts(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if not scripts:
        return
    seen = set()
    unique = []
    for script in scripts:
        key = _script_key(script)
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def setup(app):
    app.connect("html-page-context", drop_repeated_scripts, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
