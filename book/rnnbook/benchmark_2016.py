"""Chapter 8's baseline: train and time 2016 programs in a process of their
own.

The 2016 programs need ``TF_USE_LEGACY_KERAS=1`` before TensorFlow is
imported, and chapter 8's own models need Keras 3, so the chapter runs this
command in a second process::

    python -m rnnbook.benchmark_2016 --program dynamic_rnn \\
        --total-series-length 50000 --truncated-backprop-length 15 ...

It prints one JSON object: for each program, its graph's build time, the
wall time of every epoch, the first epoch whose held-out accuracy reaches
chapter 1's bar, and the median time of one training window. TensorFlow's op
determinism stays off (its default) unless ``--op-determinism`` is given, so
that the chapter can time both processes under the same setting. The chapter
builds the command with :func:`command`, from its own parameters, so the
two cannot drift apart.
"""

from __future__ import annotations

import argparse
import json
import numbers
import os
import sys
import time
from collections.abc import Callable, Sequence

from rnnbook._checks import positive_int

__all__ = ["PROGRAMS", "SIZES", "command", "parse_arguments", "run", "main"]

# flag name -> the builder of rnnbook.legacy it times
PROGRAMS = {
    "dynamic_rnn": "part5_dynamic_rnn",
    "static_rnn": "part4_multi_lstm",
}
# the sizes the command takes, named as the chapters' parameters cells name
# them; each becomes a flag, e.g. --state-size
SIZES = (
    "total_series_length",
    "truncated_backprop_length",
    "state_size",
    "num_classes",
    "echo_step",
    "batch_size",
    "num_layers",
    "num_epochs",
    "repeats",
)
# timed windows for "step_seconds" when the caller does not say
DEFAULT_REPEATS = 10


def _flag(name: str) -> str:
    return "--" + name.replace("_", "-")


def _whole_number(minimum: int) -> Callable[[str], int]:
    """An argparse ``type``: a whole number of at least ``minimum``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = None
        if value is None or value < minimum:
            # argparse prefixes the flag's name
            raise argparse.ArgumentTypeError(
                f"expected a whole number of at least {minimum}, got {text!r}"
            )
        return value

    return parse


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m rnnbook.benchmark_2016",
        description="Train and time 2016 tf.compat.v1 programs on the echo "
        "task (chapter 8's baseline); print JSON.",
    )
    parser.add_argument(
        "--program",
        action="append",
        choices=sorted(PROGRAMS),
        help="a program to time; repeat the flag for several "
        "(default: dynamic_rnn, then static_rnn)",
    )
    for name in SIZES:
        parser.add_argument(
            _flag(name), dest=name, type=_whole_number(1), required=True
        )
    parser.add_argument("--seed", type=_whole_number(0), required=True)
    parser.add_argument(
        "--op-determinism",
        action="store_true",
        help="turn TensorFlow's op determinism on (default: off, as "
        "TensorFlow starts)",
    )
    return parser


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command's flags, checked; a bad value exits with a usage line."""
    arguments = _parser().parse_args(argv)
    if arguments.program is None:
        arguments.program = list(PROGRAMS)
    return arguments


def command(
    *,
    programs: Sequence[str] = tuple(PROGRAMS),
    seed: int,
    op_determinism: bool = False,
    **sizes: int,
) -> list[str]:
    """The command line that runs this benchmark in a fresh Python process.

    Takes the keywords of :data:`SIZES` (the chapter passes its parameters
    by name; ``repeats`` may be left out) and ``seed``; checks them here, so
    that a bad value fails in the chapter rather than in the second process.
    ``op_determinism=True`` turns TensorFlow's op determinism on there.
    """
    sizes.setdefault("repeats", DEFAULT_REPEATS)
    missing = [name for name in SIZES if name not in sizes]
    unknown = [name for name in sizes if name not in SIZES]
    if missing or unknown:
        raise TypeError(
            f"command() needs exactly the sizes {', '.join(SIZES)} and seed; "
            f"missing {missing or 'none'}, unknown {unknown or 'none'}."
        )
    for program in programs:
        if program not in PROGRAMS:
            raise ValueError(
                f"unknown program {program!r}; choose among "
                f"{', '.join(PROGRAMS)}."
            )
    if (
        isinstance(seed, bool)
        or not isinstance(seed, numbers.Integral)
        or seed < 0
    ):
        raise ValueError(
            f"seed must be a whole number of at least 0, got {seed!r}."
        )
    if not isinstance(op_determinism, bool):
        raise TypeError(
            f"op_determinism must be True or False, got {op_determinism!r}."
        )
    line = [sys.executable, "-m", "rnnbook.benchmark_2016"]
    for program in programs:
        line += ["--program", program]
    for name in SIZES:
        line += [_flag(name), str(positive_int(name, sizes[name]))]
    line += ["--seed", str(seed)]
    return [*line, "--op-determinism"] if op_determinism else line


def run(arguments: argparse.Namespace) -> dict[str, dict]:
    """Train and time each program; its measurements, by program name."""
    # the imports wait until the environment is set: see main()
    from rnnbook import baselines, legacy, timing, training
    from rnnbook.data import EchoTask
    from rnnbook.environment import op_determinism, set_op_determinism

    set_op_determinism(arguments.op_determinism)

    task = EchoTask(
        arguments.total_series_length,
        arguments.truncated_backprop_length,
        arguments.echo_step,
        arguments.batch_size,
    )
    sizes = legacy.Sizes(
        arguments.batch_size,
        arguments.truncated_backprop_length,
        arguments.state_size,
        arguments.num_classes,
    )
    # untimed: the process's one-off start-up costs
    legacy.part1_hand_rnn(sizes, seed=arguments.seed).close()
    results = {}
    for program_flag in arguments.program:
        builder = getattr(legacy, PROGRAMS[program_flag])
        start = time.perf_counter()
        program = builder(sizes, arguments.num_layers, seed=arguments.seed)
        build_seconds = time.perf_counter() - start
        history = training.fit(
            program.train_step,
            program.predict_step,
            program.zero_state,
            task,
            num_epochs=arguments.num_epochs,
            seed=arguments.seed,
            log=None,
        )
        x_windows, y_windows = task.windows(
            training.epoch_rng(arguments.seed, 0)
        )
        results[program.name] = {
            "build_seconds": build_seconds,
            "epoch_seconds": history.epoch_seconds,
            "epochs_to_learn": history.first_epoch_reaching(
                baselines.learned_bar(
                    arguments.echo_step, arguments.truncated_backprop_length
                )
            ),
            "op_determinism": op_determinism(),
            "step_seconds": timing.median_seconds(
                program.train_step,
                x_windows[0],
                y_windows[0],
                program.zero_state,
                repeats=arguments.repeats,
            ),
        }
        program.close()
    return results


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the flags, run the benchmark, print its JSON to stdout."""
    arguments = parse_arguments(argv)
    # this process exists to run the legacy cells, which must be chosen
    # before TensorFlow is first imported
    if "tensorflow" not in sys.modules:
        os.environ["TF_USE_LEGACY_KERAS"] = "1"
    from rnnbook import quiet_tensorflow

    quiet_tensorflow()
    json.dump(run(arguments), sys.stdout)


if __name__ == "__main__":
    main()
