"""Write the Colab/GitHub edition of the chapters: the same notebooks, their MyST rendered as plain Markdown.

    python -m tools.colab_edition                     # every chapter
    python -m tools.colab_edition book/02_*.ipynb     # only these

The chapters (``book/NN_*.ipynb``) are written in MyST, which the HTML book
renders but Colab and GitHub do not: there, ``{cite}`key``` or ``:::{dropdown}``
would show as raw text. This writes ``colab/NN_*.ipynb`` for each chapter: the
same code cells with their outputs and metadata, and Markdown cells with the
markup subset of the chapters (see ``ROLES`` and ``DIRECTIVES``) rendered as
CommonMark that Colab and GitHub show well. Anything outside that subset stops
the conversion with an error that names the chapter and the cell.

``tools.execute_notebooks`` rewrites a chapter's edition after executing it;
``tests/test_colab_edition.py`` fails when an edition is out of date.
"""

from __future__ import annotations

import argparse
import ast
import copy
import functools
import pathlib
import re
from dataclasses import dataclass, field

import nbformat
from docutils.nodes import make_id
from markdown_it import MarkdownIt
from pybtex.database import parse_file
from pybtex.richtext import Text

from tools.bookconfig import BOOK, ROOT, Repository, book_title, chapter_notebooks, edition_path, repository

BIBLIOGRAPHY = BOOK / "references.bib"
REFERENCES_PAGE = BOOK / "references.md"
GLUE_MIME = "application/papermill.record/"
SOLUTION_TAG = "solution"

ROLES = ("cite", "cite:p", "cite:t", "glue", "glue:", "glue:any", "glue:text", "ref", "numref", "doc", "math")
ADMONITIONS = {"note": "Note", "tip": "Tip", "important": "Important", "warning": "Warning"}
DIRECTIVES = (*ADMONITIONS, "admonition", "dropdown")

ROLE_OR_CODE = re.compile(r"\{(?P<role>[a-z][\w:+-]*)\}(?P<role_ticks>`+)|(?P<ticks>`+)")
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,}|:{3,})(?P<info>.*)$")
DIRECTIVE = re.compile(r"^\{(?P<name>[^}]+)\}\s*(?P<argument>.*)$")
OPTION = re.compile(r"^:(?P<key>[\w-]+):\s*(?P<value>.*)$")
TARGET = re.compile(r"^\s*\((?P<label>[^()\s]+)\)=\s*$")
HEADING = re.compile(r"^#{1,6}\s+(?P<title>.+?)\s*#*\s*$")
TITLE = re.compile(r"^#\s+.+$", re.MULTILINE)
EXPLICIT = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]<>$|])")


class MarkupError(ValueError):
    """Markup the edition cannot render; the message says where and what to do."""


@dataclass(frozen=True)
class Reference:
    """One bibliography entry, as an author-year citation shows it (the title shows on hovering the link)."""

    authors: str
    year: str
    title: str

    def link(self, text: str, url: str) -> str:
        title = self.title.replace('"', "'")
        return f'[{text}]({url} "{title}")'


@dataclass(frozen=True)
class Target:
    """A page of the book, or a labelled place on it, and its title."""

    url: str
    title: str | None


@dataclass
class Context:
    """What rendering one notebook needs: where it is, its glued values, the book's targets."""

    source: pathlib.Path
    repo: Repository
    glue: dict[str, dict] = field(default_factory=dict)
    glue_used: bool = False


# --- Bibliography, glued values and cross-reference targets -----------------------------------------------------


def _plain(latex: str) -> str:
    """BibTeX text without its LaTeX: braces dropped, accents as Unicode (``Hallstr{\\"o}m`` -> Hallström)."""
    return Text.from_latex(latex).render_as("text")


def _authors(persons: list) -> str:
    """Author names as the book's author-year citations show them: A; A and B; A et al."""
    names = [_plain(" ".join(person.prelast_names + person.last_names)) for person in persons]
    if len(names) > 2:
        return f"{names[0]} et al."
    return " and ".join(names)


@functools.cache
def bibliography(path: pathlib.Path = BIBLIOGRAPHY) -> dict[str, Reference]:
    """Every entry of ``references.bib``, by key."""
    references = {}
    for key, entry in parse_file(str(path)).entries.items():
        persons = entry.persons.get("author") or entry.persons.get("editor") or []
        authors = _authors(persons) if persons else _plain(entry.fields.get("title", key))
        title = _plain(entry.fields.get("title", key))
        references[key] = Reference(authors, entry.fields.get("year", "n.d."), title)
    return references


def glued_values(notebook: dict) -> dict[str, dict]:
    """What the notebook glued (myst-nb stores it in outputs under ``application/papermill.record/``)."""
    values = {}
    for cell in notebook["cells"]:
        for output in cell.get("outputs", []):
            name = output.get("metadata", {}).get("scrapbook", {}).get("name")
            data = output.get("data", {})
            if name and any(mime.startswith(GLUE_MIME) for mime in data):
                values[name] = {
                    mime.removeprefix(GLUE_MIME): value for mime, value in data.items() if mime.startswith(GLUE_MIME)
                }
    return values


def format_glued_text(text: str, format_spec: str) -> str:
    """A glued ``text/plain`` value with a format such as ``.3f``, exactly as myst-nb's ``{glue:text}`` does."""
    try:
        value = ast.literal_eval(text)
    except (SyntaxError, ValueError):
        value = text
    if not format_spec:
        return str(value)
    kind = format_spec[-1]
    if kind == "s":
        value = str(value)
    elif kind in "bcdoxX":
        value = int(value)
    elif kind in "eEfFgGn%":
        value = float(value)
    return format(value, format_spec)


def _document_title(path: pathlib.Path) -> str | None:
    """The first ``# Title`` of a notebook or Markdown page."""
    if path.suffix == ".ipynb":
        text = "\n".join(
            "".join(cell["source"]) for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "markdown"
        )
    else:
        text = path.read_text()
    match = TITLE.search(text)
    return match.group().lstrip("#").strip() if match else None


def _markdown_sources(path: pathlib.Path) -> list[str]:
    if path.suffix == ".ipynb":
        return [cell.source for cell in nbformat.read(path, as_version=4).cells if cell.cell_type == "markdown"]
    return [path.read_text()]


@functools.cache
def labels(book: pathlib.Path = BOOK) -> dict[str, tuple[pathlib.Path, str, str | None]]:
    """Every ``(label)=`` target of the book: its page, its HTML anchor and the heading below it, if any."""
    found = {}
    for path in sorted([*book.glob("*.ipynb"), *book.glob("*.md")]):
        for source in _markdown_sources(path):
            lines = source.splitlines()
            for index, line in enumerate(lines):
                match = TARGET.match(line)
                if not match:
                    continue
                following = next((later for later in lines[index + 1 :] if later.strip()), "")
                heading = HEADING.match(following.strip())
                found[match["label"]] = (path, make_id(match["label"]), heading["title"] if heading else None)
    return found


def document(path_text: str, context: Context) -> pathlib.Path | None:
    """The page a ``{doc}`` path names, relative to the current one or (``/...``) to the book's root."""
    base = ROOT if path_text.startswith("/") else context.source.parent
    stem = (base / path_text.lstrip("/")).with_suffix("")
    for suffix in (".ipynb", ".md"):
        if stem.with_name(stem.name + suffix).exists():
            return stem.with_name(stem.name + suffix)
    return None


# --- Inline roles -----------------------------------------------------------------------------------------------


def escape_markdown(text: str) -> str:
    """A value pasted into prose, shown as it is (``$`` would start math on Colab and GitHub)."""
    return MARKDOWN_SPECIALS.sub(r"\\\1", text)


def render_cite(role: str, content: str, context: Context) -> str:
    url = context.repo.page_url(REFERENCES_PAGE)
    references = bibliography()
    cited = []
    for key in (key.strip() for key in content.split(",")):
        if key not in references:
            raise MarkupError(f"{{cite}}`{key}`: no such key in {BIBLIOGRAPHY.relative_to(ROOT)}")
        cited.append(references[key])
    if role == "cite:t":
        return "; ".join(ref.link(f"{ref.authors} ({ref.year})", url) for ref in cited)
    return "(" + "; ".join(ref.link(f"{ref.authors}, {ref.year}", url) for ref in cited) + ")"


def render_glue(role: str, content: str, context: Context) -> str:
    """A glued value, from the stored outputs of this notebook (or of ``doc::name``'s notebook)."""
    values = context.glue
    name, format_spec = content, ""
    if role == "glue:text" and ":" in content.replace("::", "\0"):
        name, format_spec = content.rsplit(":", 1)
    if "::" in name:
        other, name = name.split("::", 1)
        path = document(other, context)
        if path is None or path.suffix != ".ipynb":
            raise MarkupError(f"{{{role}}}`{content}`: no notebook {other!r}")
        values = glued_values(nbformat.read(path, as_version=4))
    if name not in values:
        raise MarkupError(
            f"{{{role}}}`{content}`: nothing is glued as {name!r} in the stored outputs; "
            "execute the notebook first (python -m tools.execute_notebooks NOTEBOOK)"
        )
    data = values[name]
    context.glue_used = True
    if role != "glue:text" and "text/markdown" in data:
        return data["text/markdown"]
    if "text/plain" not in data:
        raise MarkupError(f"{{{role}}}`{content}`: the glued value has no text to paste ({sorted(data)})")
    if role == "glue:text":
        return escape_markdown(format_glued_text(data["text/plain"], format_spec))
    return escape_markdown(data["text/plain"])


def render_reference(role: str, content: str, context: Context) -> str:
    """``{ref}``, ``{numref}`` and ``{doc}``: a link to the published page, or plain text where none is known."""
    explicit = EXPLICIT.match(content)
    text, target_name = (explicit["text"], explicit["target"]) if explicit else (None, content.strip())
    target = _find_target(role, target_name, context)
    if role == "numref" and text:
        # The book numbers figures and tables; the edition has no numbers, so "Fig. %s" names the target instead.
        title = target.title if target and target.title else target_name
        text = text.replace("%s", title).replace("{number}", title).replace("{name}", title)
    text = text or (target.title if target else None)
    if not text:
        raise MarkupError(f"{{{role}}}`{content}`: unknown target {target_name!r}, and no link text to show instead")
    if target is None:
        return text
    return f"[{text}]({target.url})"


def _find_target(role: str, name: str, context: Context) -> Target | None:
    if role == "doc":
        path = document(name, context)
        return Target(context.repo.page_url(path), _document_title(path)) if path else None
    if name in labels():
        path, anchor, title = labels()[name]
        return Target(context.repo.page_url(path, anchor), title)
    return None


def render_role(role: str, content: str, context: Context) -> str:
    if role in ("cite", "cite:p", "cite:t"):
        return render_cite(role, content, context)
    if role in ("glue", "glue:", "glue:any", "glue:text"):
        return render_glue(role, content, context)
    if role in ("ref", "numref", "doc"):
        return render_reference(role, content, context)
    if role == "math":
        return f"${content}$"
    raise MarkupError(
        f"unknown role {{{role}}}`{content}`: the Colab edition renders only {', '.join(ROLES)} "
        "(teach tools/colab_edition.py the new one, or use one of these)"
    )


def render_inline(text: str, context: Context) -> str:
    """Render every role in ``text``; code spans (`` `x` ``) are left exactly as they are."""
    out = []
    position = 0
    while match := ROLE_OR_CODE.search(text, position):
        ticks = match["role_ticks"] or match["ticks"]
        closing = re.compile(rf"(?<!`){ticks}(?!`)").search(text, match.end())
        out.append(text[position : match.start()])
        if closing is None:  # an unmatched backtick run is literal text
            out.append(match.group())
            position = match.end()
            continue
        content = text[match.end() : closing.start()]
        if match["role"]:
            out.append(render_role(match["role"], content, context))
        else:
            out.append(match.group() + content + ticks)
        position = closing.end()
    out.append(text[position:])
    return "".join(out)


# --- Blocks: directives, code fences, targets -------------------------------------------------------------------


def _closes(line: str, char: str, length: int) -> bool:
    stripped = line.strip()
    return len(stripped) >= length and set(stripped) == {char}


def _skip_code_fence(lines: list[str], start: int) -> int:
    """Index just after the code fence that opens at ``lines[start]`` (its end, or the end of the text)."""
    fence = FENCE.match(lines[start])["fence"]
    for index in range(start + 1, len(lines)):
        if _closes(lines[index], fence[0], len(fence)):
            return index + 1
    return len(lines)


def _directive_body(lines: list[str], start: int, fence: str) -> tuple[list[str], int]:
    """The lines between a directive's opening fence (``lines[start - 1]``) and its closing one."""
    index = start
    while index < len(lines):
        line = lines[index]
        if _closes(line, fence[0], len(fence)):
            return lines[start:index], index + 1
        inner = FENCE.match(line)
        if fence[0] == ":" and inner and inner["fence"][0] != ":":
            index = _skip_code_fence(lines, index)  # a code block inside may hold any text, ":::" included
        else:
            index += 1
    raise MarkupError(f"the directive opened by {lines[start - 1].strip()!r} is never closed ({fence})")


def _options(body: list[str]) -> tuple[dict[str, str], list[str]]:
    """A directive's ``:key: value`` (or ``---`` YAML) options, and the content after them."""
    options = {}
    if body and body[0].strip() == "---":
        end = next((i for i, line in enumerate(body[1:], start=1) if line.strip() == "---"), None)
        if end is None:
            raise MarkupError("a directive's '---' options block is never closed")
        for line in body[1:end]:
            key, _, value = line.partition(":")
            options[key.strip()] = value.strip()
        return options, body[end + 1 :]
    index = 0
    while index < len(body) and (option := OPTION.match(body[index].strip())):
        options[option["key"]] = option["value"]
        index += 1
    return options, body[index:]


def _dedent(lines: list[str], indent: str) -> list[str]:
    return [line[len(indent) :] if line.startswith(indent) else line.lstrip() for line in lines]


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[0].strip():
        lines = lines[1:]
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def render_directive(name: str, argument: str, body: list[str], context: Context) -> list[str]:
    """An admonition as a blockquote with a bold title; a dropdown as a ``<details>`` block."""
    if name not in DIRECTIVES:
        raise MarkupError(
            f"unknown directive {{{name}}}: the Colab edition renders only {', '.join(DIRECTIVES)} "
            "(teach tools/colab_edition.py the new one, or use one of these)"
        )
    options, content = _options(body)
    if name in ADMONITIONS:
        title = ADMONITIONS[name]
        if argument:  # these take no title: MyST reads text on the opening line as the first line of content
            content = [argument, *content]
    elif name == "admonition":
        if not argument:
            raise MarkupError("an {admonition} needs a title on its opening line")
        title = argument
    else:
        title = argument or "Details"
    inner = _trim(render_blocks(content, context))
    title = render_inline(title, context)
    if name == "dropdown" or "dropdown" in options.get("class", "").split():
        opening = "<details open>" if "open" in options else "<details>"
        summary = MarkdownIt("commonmark").renderInline(title)
        return [opening, f"<summary>{summary}</summary>", "", *inner, "", "</details>"]
    return [f"> **{title}**", ">", *[f"> {line}" if line.strip() else ">" for line in inner]]


def render_blocks(lines: list[str], context: Context) -> list[str]:
    """Render a Markdown text, line by line: directives, code fences and targets; roles in the prose between."""
    out: list[str] = []
    prose: list[str] = []

    def flush() -> None:
        if prose:
            out.extend(render_inline("\n".join(prose), context).split("\n"))
            prose.clear()

    index = 0
    while index < len(lines):
        line = lines[index]
        fence = FENCE.match(line)
        if TARGET.match(line):
            flush()
            index += 1
        elif fence and (directive := DIRECTIVE.match(fence["info"].strip())):
            flush()
            body, index = _directive_body(lines, index + 1, fence["fence"])
            indent = fence["indent"]
            rendered = render_directive(
                directive["name"], directive["argument"].strip(), _dedent(body, indent), context
            )
            out.extend(indent + line if line else line for line in rendered)
        elif fence and fence["fence"][0] == ":":
            raise MarkupError(f"a colon fence without a directive: {line.strip()!r}")
        elif fence and "`" not in fence["info"]:
            flush()
            end = _skip_code_fence(lines, index)
            out.extend(lines[index:end])
            index = end
        else:
            prose.append(line)
            index += 1
    flush()
    return out


def render_markdown(source: str, context: Context) -> str:
    """One Markdown cell of a chapter, as plain CommonMark."""
    return "\n".join(render_blocks(source.split("\n"), context))


# --- Notebooks --------------------------------------------------------------------------------------------------


def edition_note(context: Context, title: str) -> str:
    """The note under a chapter's title: what this notebook is, where the book is, whose numbers these are."""
    page = context.repo.page_url(context.source)
    note = (
        f"> *Colab/GitHub edition of a chapter of [{book_title()}]({context.repo.site_url}), "
        f"generated from its source. Read it as a web page: [{title}]({page}).*"
    )
    if context.glue_used:
        note += (
            "\n>\n> *The numbers quoted in the text are those of the run that built the book; "
            "when you run the notebook, yours will differ slightly.*"
        )
    return note


def _add_edition_note(cells: list, context: Context) -> None:
    """Put the edition note just under the chapter's ``# Title`` (or atop the first Markdown cell)."""
    for cell in cells:
        if cell.cell_type != "markdown":
            continue
        match = TITLE.search(cell.source)
        if match:
            note = edition_note(context, match.group().lstrip("#").strip())
            cell.source = f"{cell.source[: match.end()]}\n\n{note}{cell.source[match.end() :]}"
        else:
            cell.source = f"{edition_note(context, book_title())}\n\n{cell.source}"
        return


def edition(path: pathlib.Path, repo: Repository | None = None) -> nbformat.NotebookNode:
    """The Colab/GitHub edition of the chapter at ``path`` (the file itself is not touched)."""
    source = nbformat.read(path, as_version=4)
    notebook = copy.deepcopy(source)
    context = Context(source=path.resolve(), repo=repo or repository(), glue=glued_values(source))
    for index, cell in enumerate(notebook.cells):
        if cell.cell_type == "markdown":
            try:
                cell.source = render_markdown(cell.source, context)
            except MarkupError as error:
                first_line = cell.source.strip().split("\n", 1)[0][:60]
                raise MarkupError(f"{path.name}, cell {index} ({first_line!r}): {error}") from None
        elif cell.cell_type == "code" and SOLUTION_TAG in cell.metadata.get("tags", []):
            cell.metadata["cellView"] = "form"  # Colab folds it to its "# @title Solution to exercise N"
    _add_edition_note(notebook.cells, context)
    notebook.metadata["colab"] = {"toc_visible": True}  # Colab opens its table of contents beside the chapter
    return notebook


def edition_text(path: pathlib.Path) -> str:
    """The edition of a chapter, as the text written to ``colab/``."""
    text = nbformat.writes(edition(path))
    return text if text.endswith("\n") else text + "\n"  # as nbformat.write ends a file


def write_edition(path: pathlib.Path) -> pathlib.Path:
    """Write (or rewrite) the edition of one chapter; returns where."""
    target = edition_path(path)
    target.parent.mkdir(exist_ok=True)
    text = edition_text(path)
    if not target.exists() or target.read_text() != text:
        target.write_text(text)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", type=pathlib.Path, help="chapters (default: every one)")
    args = parser.parse_args()
    for path in args.notebooks or chapter_notebooks():
        print(f"{path.resolve().relative_to(ROOT)} -> {write_edition(path).relative_to(ROOT)}")


if __name__ == "__main__":
    main()
