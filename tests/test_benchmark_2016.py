"""Chapter 8's 2016 benchmark command (rnnbook.benchmark_2016): its flags, the command line the chapter
builds from its parameters, and one tiny real run in a second process."""

import json
import os
import pathlib
import subprocess
import sys

import pytest

from rnnbook import benchmark_2016

BOOK = pathlib.Path(__file__).resolve().parents[1] / "book"
TINY = dict(
    total_series_length=120,
    truncated_backprop_length=5,
    state_size=2,
    num_classes=2,
    echo_step=1,
    batch_size=2,
    num_layers=2,
    num_epochs=1,
    repeats=2,
)


def flags(**changes):
    values = {**TINY, "seed": 0, **changes}
    return [item for name, value in values.items() for item in (f"--{name.replace('_', '-')}", str(value))]


def test_good_flags_parse_to_named_values_and_both_programs_by_default():
    arguments = benchmark_2016.parse_arguments(flags(seed=7))
    assert {name: getattr(arguments, name) for name in TINY} == TINY
    assert arguments.seed == 7
    assert arguments.program == ["dynamic_rnn", "static_rnn"]


def test_program_flag_repeats_and_keeps_its_order():
    arguments = benchmark_2016.parse_arguments(["--program", "static_rnn", "--program", "dynamic_rnn", *flags()])
    assert arguments.program == ["static_rnn", "dynamic_rnn"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (flags(state_size=0), "argument --state-size: expected a whole number of at least 1, got '0'"),
        (flags(batch_size=-5), "argument --batch-size: expected a whole number of at least 1, got '-5'"),
        (flags(num_layers="three"), "argument --num-layers: expected a whole number of at least 1, got 'three'"),
        (flags(repeats="2.5"), "argument --repeats: expected a whole number of at least 1, got '2.5'"),
        (flags(seed=-1), "argument --seed: expected a whole number of at least 0, got '-1'"),
        (["--program", "lists", *flags()], "argument --program: invalid choice: 'lists'"),
        (flags()[2:], "the following arguments are required: --total-series-length"),
    ],
)
def test_bad_flags_exit_with_a_message_that_names_the_flag(argv, message, capsys):
    with pytest.raises(SystemExit) as exit_info:
        benchmark_2016.parse_arguments(argv)
    assert exit_info.value.code == 2
    error = capsys.readouterr().err
    assert message in error
    assert error.startswith("usage: python -m rnnbook.benchmark_2016")


def test_command_round_trips_through_the_parser():
    line = benchmark_2016.command(**TINY, seed=3)
    assert line[:3] == [sys.executable, "-m", "rnnbook.benchmark_2016"]
    arguments = benchmark_2016.parse_arguments(line[3:])
    assert {name: getattr(arguments, name) for name in TINY} == TINY
    assert arguments.seed == 3
    assert arguments.program == ["dynamic_rnn", "static_rnn"]


def test_every_size_the_command_takes_is_a_flag_of_the_parser():
    # the notebook passes SIZES by keyword; the parser must take each one
    arguments = benchmark_2016.parse_arguments(flags())
    assert set(benchmark_2016.SIZES) <= set(vars(arguments))


@pytest.mark.parametrize(
    ("changes", "error", "message"),
    [
        ({"state_size": 0}, ValueError, "state_size must be a positive integer, got 0"),
        ({"state_size": 2.0}, TypeError, "state_size must be a positive integer"),
        ({"seed": -1}, ValueError, "seed must be a whole number of at least 0, got -1"),
        ({"programs": ["lists"]}, ValueError, "unknown program 'lists'; choose among dynamic_rnn, static_rnn"),
        ({"hidden_size": 4}, TypeError, "unknown ['hidden_size']"),
    ],
)
def test_command_rejects_bad_values_in_the_calling_process(changes, error, message):
    with pytest.raises(error) as raised:
        benchmark_2016.command(**{**TINY, "seed": 0, **changes})
    assert message in str(raised.value)


def test_command_says_which_size_is_missing():
    sizes = {name: value for name, value in TINY.items() if name != "echo_step"}
    with pytest.raises(TypeError, match=r"missing \['echo_step'\]"):
        benchmark_2016.command(**sizes, seed=0)


def test_op_determinism_is_off_unless_asked_for_and_round_trips():
    plain = benchmark_2016.command(**TINY, seed=0)
    asked = benchmark_2016.command(**TINY, seed=0, op_determinism=True)
    assert "--op-determinism" not in plain and asked[-1] == "--op-determinism"
    assert benchmark_2016.parse_arguments(plain[3:]).op_determinism is False
    assert benchmark_2016.parse_arguments(asked[3:]).op_determinism is True


def test_op_determinism_must_be_a_bool():
    with pytest.raises(TypeError, match="op_determinism must be True or False, got 'yes'"):
        benchmark_2016.command(**TINY, seed=0, op_determinism="yes")


def test_repeats_may_be_left_out():
    sizes = {name: value for name, value in TINY.items() if name != "repeats"}
    arguments = benchmark_2016.parse_arguments(benchmark_2016.command(**sizes, seed=0)[3:])
    assert arguments.repeats == benchmark_2016.DEFAULT_REPEATS


def run_tiny(**options):
    environment = {key: value for key, value in os.environ.items() if key != "TF_USE_LEGACY_KERAS"}
    environment["PYTHONPATH"] = os.pathsep.join([str(BOOK), environment.get("PYTHONPATH", "")])
    run = subprocess.run(
        benchmark_2016.command(**TINY, seed=0, **options), capture_output=True, text=True, env=environment, timeout=300
    )
    assert run.returncode == 0, run.stderr[-3000:]
    return json.loads(run.stdout)


def test_a_tiny_run_prints_measurements_for_each_program():
    results = run_tiny()
    assert list(results) == ["part 5: dynamic_rnn", "part 4: MultiRNNCell + static_rnn"]
    for measured in results.values():
        assert measured["build_seconds"] > 0
        assert len(measured["epoch_seconds"]) == TINY["num_epochs"]
        assert measured["step_seconds"] > 0
        assert measured["epochs_to_learn"] in (None, 1)
        assert measured["op_determinism"] is False


def test_a_tiny_run_with_op_determinism_reports_it_on():
    results = run_tiny(programs=["static_rnn"], op_determinism=True)
    assert [measured["op_determinism"] for measured in results.values()] == [True]
