"""The Colab/GitHub edition (tools/colab_edition.py): each kind of markup on small made-up cells, then
the committed edition itself, read as Colab and GitHub read it (CommonMark, no MyST), and up to date."""

import re

import nbformat
import pytest
from markdown_it import MarkdownIt

from tools import bookconfig, colab_edition
from tools.bookconfig import BOOK, EDITION, ROOT, Repository, chapter_notebooks, edition_path
from tools.colab_edition import Context, MarkupError, edition, format_glued_text, render_markdown

REPO = Repository("owner", "book-repo", "main", "")
SITE = "https://owner.github.io/book-repo/"
REFERENCES = f"{SITE}book/references.html"
CHAPTER = BOOK / "04_lstm.ipynb"


def glued(value: str) -> dict:
    return {"text/plain": value}


def render(source: str, **glue) -> str:
    context = Context(source=CHAPTER, repo=REPO, glue={name: glued(value) for name, value in glue.items()})
    return render_markdown(source, context)


# --- Roles ------------------------------------------------------------------------------------------------------


def test_cite_is_a_parenthetical_author_year_link_to_the_references_page():
    part5 = '"Using the DynamicRNN API in TensorFlow (5/7)"'
    assert render("as shown {cite}`hallstrom2016part5`.") == f"as shown ([Hallström, 2016]({REFERENCES} {part5}))."
    lstm = '"Long Short-Term Memory"'
    assert render("{cite:p}`hochreiter1997lstm`") == f"([Hochreiter and Schmidhuber, 1997]({REFERENCES} {lstm}))"


def test_cite_t_is_textual_and_several_keys_are_joined():
    forget = '"Learning to Forget: Continual Prediction with LSTM"'
    assert render("{cite:t}`gers2000forget`") == f"[Gers et al. (2000)]({REFERENCES} {forget})"
    bengio = '"Learning Long-Term Dependencies with Gradient Descent is Difficult"'
    pascanu = '"On the Difficulty of Training Recurrent Neural Networks"'
    assert render("{cite}`bengio1994learning, pascanu2013difficulty`") == (
        f"([Bengio et al., 1994]({REFERENCES} {bengio}); [Pascanu et al., 2013]({REFERENCES} {pascanu}))"
    )


def test_an_entry_without_a_year_reads_n_d_and_a_team_author_keeps_its_name():
    xla = '"XLA: Optimizing Compiler for Machine Learning"'
    assert render("{cite}`tfxla`") == f"([The TensorFlow authors, n.d.]({REFERENCES} {xla}))"


def test_an_unknown_citation_key_raises():
    with pytest.raises(MarkupError, match="no_such_key"):
        render("{cite}`no_such_key`")


def test_glue_text_is_formatted_as_the_book_formats_it():
    assert render("a loss of {glue:text}`loss:.3f` in {glue:text}`n` windows", loss="0.11090354", n="666") == (
        "a loss of 0.111 in 666 windows"
    )
    assert render("{glue:text}`share:.0%`", share="0.146") == "15%"
    assert render("*{glue:text}`best`*", best="'recurrent dropout 0.5'") == "*recurrent dropout 0.5*"


@pytest.mark.parametrize(
    ("text", "spec"), [("0.1234567", ".3f"), ("1.25e-06", ".0e"), ("666", ""), ("'a b'", ""), ("3", "d"), ("7", "s")]
)
def test_glue_formatting_matches_myst_nb(text, spec):
    variables = pytest.importorskip("myst_nb.core.variables")
    assert format_glued_text(text, spec) == variables.format_plain_text(text, spec)


def test_glue_any_pastes_the_stored_text():
    assert render("{glue:}`n` and {glue}`n`", n="42") == "42 and 42"


def test_a_glued_value_is_shown_literally_not_as_markup():
    # "$" would start math on Colab and GitHub, "*" emphasis
    assert render("{glue:text}`price`", price="'$5 *each*'") == r"\$5 \*each\*"


def test_a_value_that_was_never_glued_raises_and_says_to_execute_the_notebook():
    with pytest.raises(MarkupError, match="execute the notebook"):
        render("{glue:text}`missing:.2f`")


def test_ref_and_doc_link_to_the_published_pages():
    assert render("see {doc}`05_stacked_lstm`") == f"see [Stacked LSTMs]({SITE}book/05_stacked_lstm.html)"
    assert render("{doc}`chapter 5 <05_stacked_lstm>`") == f"[chapter 5]({SITE}book/05_stacked_lstm.html)"


def test_ref_to_a_labelled_heading_uses_its_anchor_and_title(monkeypatch):
    monkeypatch.setattr(
        colab_edition, "labels", lambda: {"gates_figure": (CHAPTER, "gates-figure", "The gates, drawn")}
    )
    url = f"{SITE}book/04_lstm.html#gates-figure"
    assert render("{ref}`gates_figure`") == f"[The gates, drawn]({url})"
    assert render("{ref}`the figure <gates_figure>`") == f"[the figure]({url})"
    assert render("{numref}`Figure %s <gates_figure>`") == f"[Figure The gates, drawn]({url})"


def test_a_ref_without_a_known_target_keeps_its_text_or_raises():
    assert render("{ref}`this box <nowhere>`") == "this box"
    with pytest.raises(MarkupError, match="nowhere"):
        render("{ref}`nowhere`")


def test_labels_are_collected_from_the_book(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("(my_label)=\n## A section\n\ntext\n\n(loose)=\nA paragraph.\n")
    assert colab_edition.labels.__wrapped__(tmp_path) == {
        "my_label": (page, "my-label", "A section"),
        "loose": (page, "loose", None),
    }


def test_math_role_becomes_dollar_math_and_dollar_math_is_kept():
    assert render("{math}`h_t = \\tanh(x)` and $c_t$") == "$h_t = \\tanh(x)$ and $c_t$"


def test_code_spans_are_left_alone_even_when_they_hold_role_syntax():
    source = "write ``{cite}`key` `` or `{glue:text}` in MyST"
    assert render(source) == source


def test_a_role_may_wrap_across_lines():
    assert render("see {doc}`the next\nchapter <05_stacked_lstm>`") == (
        f"see [the next\nchapter]({SITE}book/05_stacked_lstm.html)"
    )


def test_an_unknown_role_raises_with_its_name():
    with pytest.raises(MarkupError, match=r"unknown role \{sub\}"):
        render("H{sub}`2`O")


# --- Directives and targets -------------------------------------------------------------------------------------


def test_admonitions_become_blockquotes_with_a_bold_title():
    assert render(":::{note}\nThe state is **carried**.\n:::") == "> **Note**\n>\n> The state is **carried**."
    assert render("```{warning}\nCareful.\n\nTwo paragraphs.\n```") == (
        "> **Warning**\n>\n> Careful.\n>\n> Two paragraphs."
    )
    assert render(":::{admonition} Why `tanh`?\nBounded.\n:::") == "> **Why `tanh`?**\n>\n> Bounded."


def test_a_note_with_text_on_its_opening_line_keeps_it_as_content():
    assert render(":::{tip} Try it.\n:::") == "> **Tip**\n>\n> Try it."


def test_a_dropdown_becomes_a_details_block_with_markdown_inside():
    source = ":::{dropdown} For readers of the 2016 series: `MultiRNNCell`\nIt took a list of cells.\n:::"
    assert render(source) == (
        "<details>\n<summary>For readers of the 2016 series: <code>MultiRNNCell</code></summary>\n\n"
        "It took a list of cells.\n\n</details>"
    )


def test_an_admonition_with_class_dropdown_folds_and_open_opens():
    source = "```{admonition} Old code\n:class: dropdown\n:open:\nHidden.\n```"
    assert render(source) == "<details open>\n<summary>Old code</summary>\n\nHidden.\n\n</details>"


def test_nested_dropdown_with_a_code_fence_inside():
    source = "\n".join(
        [
            "::::{dropdown} The 2016 code",
            ":name: old-code",
            "",
            "It ran in a session {cite}`hallstrom2016part1`:",
            "",
            "```python",
            "sess.run(train_step)  # {cite}`not-a-role`",
            ":::",
            "```",
            "",
            ":::{note}",
            "Eager now.",
            ":::",
            "::::",
            "",
            "After.",
        ]
    )
    assert render(source) == "\n".join(
        [
            "<details>",
            "<summary>The 2016 code</summary>",
            "",
            f'It ran in a session ([Hallström, 2016]({REFERENCES} "How to build a Recurrent Neural Network in '
            f'TensorFlow (1/7)")):',
            "",
            "```python",
            "sess.run(train_step)  # {cite}`not-a-role`",
            ":::",
            "```",
            "",
            "> **Note**",
            ">",
            "> Eager now.",
            "",
            "</details>",
            "",
            "After.",
        ]
    )


def test_a_directive_inside_a_list_item_keeps_its_indentation():
    source = "* item\n\n  :::{note}\n  Indented.\n  :::"
    assert render(source) == "* item\n\n  > **Note**\n  >\n  > Indented."


def test_targets_are_dropped_and_code_fences_kept_verbatim():
    assert render("(echo_task)=\n## The task\n\n```python\n(x)=\n{cite}`y`\n```") == (
        "## The task\n\n```python\n(x)=\n{cite}`y`\n```"
    )


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (":::{figure} plot.png\n:::", r"unknown directive \{figure\}"),
        ("```{glue:figure} fig\n```", r"unknown directive \{glue:figure\}"),
        (":::{note}\nnever closed", "never closed"),
        ("text\n:::\n", "colon fence without a directive"),
        (":::{admonition}\nno title\n:::", "needs a title"),
    ],
)
def test_unknown_or_broken_directives_raise(source, message):
    with pytest.raises(MarkupError, match=message):
        render(source)


# --- Whole notebooks --------------------------------------------------------------------------------------------


def made_up_chapter(tmp_path, markdown: str):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# A chapter\n\nIt glued {glue:text}`x:.1f`."),
        nbformat.v4.new_code_cell("glue('x', 2.25)"),
        nbformat.v4.new_markdown_cell(markdown),
        nbformat.v4.new_code_cell(
            "# @title Solution to exercise 1\ncheck(3)", metadata={"tags": ["solution", "hide-input"]}
        ),
    ]
    notebook.cells[1].outputs = [
        nbformat.v4.new_output(
            "display_data",
            data={"application/papermill.record/text/plain": "2.25"},
            metadata={"scrapbook": {"name": "x", "mime_prefix": "application/papermill.record/"}},
        )
    ]
    path = tmp_path / "99_made_up.ipynb"
    nbformat.write(notebook, path)
    return path


def test_a_notebook_edition_keeps_code_and_outputs_and_folds_solutions(tmp_path, monkeypatch):
    monkeypatch.setattr(bookconfig, "ROOT", tmp_path)  # the made-up chapter's page is tmp_path/99_made_up.html
    path = made_up_chapter(tmp_path, "Fine.")
    source = nbformat.read(path, as_version=4)
    result = edition(path, REPO)
    assert [cell.cell_type for cell in result.cells] == [cell.cell_type for cell in source.cells]
    assert result.cells[1] == source.cells[1]
    assert result.cells[3].metadata == {"tags": ["solution", "hide-input"], "cellView": "form"}
    title_cell = result.cells[0].source
    assert title_cell.startswith("# A chapter\n\n> *Colab/GitHub edition")
    assert f"[A chapter]({SITE}99_made_up.html)" in title_cell
    assert "those of the run that built the book" in title_cell and title_cell.endswith("It glued 2.2.")
    assert result.metadata["colab"] == {"toc_visible": True}


def test_an_error_names_the_chapter_and_the_cell(tmp_path):
    path = made_up_chapter(tmp_path, "Intro line\n\n{sub}`2`")
    with pytest.raises(MarkupError, match=r"99_made_up\.ipynb, cell 2 \('Intro line'\): unknown role \{sub\}"):
        edition(path, REPO)


# --- The committed edition --------------------------------------------------------------------------------------

LEFTOVER_IN_HTML = re.compile(r'class="language-\{')  # a backtick directive shown as a code block
LEFTOVER_IN_TEXT = re.compile(
    r"\{(cite|glue|ref|doc|numref|math|eq)[\w:]*\}|\{[a-z][\w:-]*\}<code>|:::|^\s*<p>\([\w.:-]+\)=</p>|\{dropdown\}",
    re.MULTILINE,
)
CODE = re.compile(r"<pre>.*?</pre>|<code>.*?</code>", re.DOTALL)


def markdown_cells(path):
    notebook = nbformat.read(path, as_version=4)
    return [(index, cell.source) for index, cell in enumerate(notebook.cells) if cell.cell_type == "markdown"]


@pytest.mark.parametrize("notebook", chapter_notebooks(), ids=lambda p: p.stem)
def test_the_edition_reads_cleanly_without_myst(notebook):
    """CommonMark (+ GFM tables), as Colab and GitHub render it: no role or directive shows as raw text."""
    path = edition_path(notebook)
    assert path.exists(), f"no edition of {notebook.name}: run `python -m tools.colab_edition {notebook.name}`"
    markdown = MarkdownIt("commonmark").enable("table")
    leftovers = []
    for index, source in markdown_cells(path):
        html = markdown.render(source)
        prose = CODE.sub("", html)
        found = LEFTOVER_IN_HTML.findall(html) + [m.group() for m in LEFTOVER_IN_TEXT.finditer(prose)]
        leftovers += [f"cell {index}: {text}" for text in found]
        assert html.count("<details") == html.count("</details>"), f"cell {index}: unbalanced <details>"
    assert leftovers == [], f"{path.relative_to(ROOT)} shows MyST markup as raw text"


@pytest.mark.parametrize("notebook", chapter_notebooks(), ids=lambda p: p.stem)
def test_the_committed_edition_is_up_to_date(notebook):
    path = edition_path(notebook)
    command = f"python -m tools.colab_edition {notebook.relative_to(ROOT)}"
    assert path.exists(), f"{path.relative_to(ROOT)} is missing: run `{command}`"
    up_to_date = path.read_text() == colab_edition.edition_text(notebook)
    assert up_to_date, (
        f"{path.relative_to(ROOT)} is out of date with {notebook.relative_to(ROOT)}: run `{command}` and commit it"
    )


def test_every_edition_has_a_chapter():
    chapters = {path.name for path in chapter_notebooks()}
    orphans = sorted(path.name for path in EDITION.glob("*.ipynb") if path.name not in chapters)
    assert orphans == [], f"colab/ has editions of chapters that no longer exist: {orphans} (delete them)"


def test_the_edition_leaves_the_source_unchanged():
    before = CHAPTER.read_text()
    edition(CHAPTER)
    assert CHAPTER.read_text() == before


@pytest.mark.parametrize(
    "source",
    [":::{dropdown} Old\nbody\n:::", "```{note}\nx\n```", "a {cite}`key` b", "(label)=\n# T", "{glue:text}`x:.2f`"],
)
def test_the_leftover_check_catches_raw_myst(source):
    html = MarkdownIt("commonmark").render(source)
    assert LEFTOVER_IN_HTML.search(html) or LEFTOVER_IN_TEXT.search(CODE.sub("", html))


def test_executing_a_chapter_rewrites_its_edition(monkeypatch):
    from tools import execute_notebooks

    written, editions = [], []
    monkeypatch.setattr(execute_notebooks, "execute", lambda path: nbformat.read(path, as_version=4))
    monkeypatch.setattr(execute_notebooks.nbformat, "write", lambda notebook, path: written.append(path))
    monkeypatch.setattr(execute_notebooks, "write_edition", lambda path: editions.append(path) or edition_path(path))
    monkeypatch.setattr("sys.argv", ["execute_notebooks", str(CHAPTER)])
    execute_notebooks.main()
    assert written == editions == [CHAPTER]
