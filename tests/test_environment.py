"""The quiet TensorFlow import and the seeds (rnnbook.environment)."""

import subprocess
import sys

from tools.bookconfig import ROOT


def run(code):
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT / "book", capture_output=True, text=True)


def test_tensorflow_imports_without_a_line_on_stderr():
    result = run("import rnnbook; rnnbook.quiet_tensorflow(); import tensorflow as tf; tf.constant(1) + 1")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


def test_stderr_works_again_after_the_import():
    result = run("import os, rnnbook; rnnbook.quiet_tensorflow(); os.write(2, b'still here')")
    assert result.stderr == "still here"


def test_a_failing_import_is_not_silenced():
    code = (
        "import sys, rnnbook.environment as e\n"
        "sys.modules['tensorflow'] = None  # makes `import tensorflow` raise ImportError\n"
        "sys.modules.pop('tensorflow')\n"
        "import builtins\n"
        "real = builtins.__import__\n"
        "def fail(name, *a, **k):\n"
        "    if name == 'tensorflow':\n"
        "        import os; os.write(2, b'native loader message'); raise ImportError('broken install')\n"
        "    return real(name, *a, **k)\n"
        "builtins.__import__ = fail\n"
        "e.quiet_tensorflow()\n"
    )
    result = run(code)
    assert result.returncode != 0
    assert "native loader message" in result.stderr and "broken install" in result.stderr


def test_seeds_make_runs_repeat():
    code = (
        "import rnnbook; rnnbook.quiet_tensorflow(); import keras\n"
        "values = []\n"
        "for _ in range(2):\n"
        "    rnnbook.seed_everything(3); values.append(float(keras.random.normal([1])[0]))\n"
        "print(values[0] == values[1])\n"
    )
    assert run(code).stdout.strip() == "True"


def test_op_determinism_is_on_by_default_and_can_be_left_off():
    code = (
        "import rnnbook; rnnbook.quiet_tensorflow()\n"
        "from rnnbook.environment import op_determinism as on\n"
        "rnnbook.seed_everything(1); first = on()\n"
        "rnnbook.seed_everything(1, op_determinism=False); print(first, on())\n"
    )
    assert run(code).stdout.strip() == "True False"


def test_set_op_determinism_wants_a_bool():
    import pytest

    from rnnbook.environment import set_op_determinism

    with pytest.raises(TypeError, match="enabled must be True or False, got 1"):
        set_op_determinism(1)
