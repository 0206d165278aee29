"""rnnbook: the helper package of the book "RNNs in TensorFlow, step by step".

It holds what one chapter has taught and later chapters reuse, one module per
job:

* :mod:`rnnbook.data`: the echo task, batch rows and truncated windows (chapter
  1);
* :mod:`rnnbook.baselines`: the losses and accuracies a learner must beat
  (chapter 1);
* :mod:`rnnbook.training`: the truncated-backprop loop that carries state, and
  evaluation (chapter 2);
* :mod:`rnnbook.unrolled`: networks unrolled over Python lists of steps
  (chapters 2 to 5);
* :mod:`rnnbook.states`: LSTM states in the 2016 layout and in Keras's (chapter
  5);
* :mod:`rnnbook.dynamic`: one RNN call, one reshape, one loss (chapter 6);
* :mod:`rnnbook.timing`: medians of repeats, first calls apart (chapters 6 and
  8);
* :mod:`rnnbook.fast`: a whole epoch in one compiled function (chapters 8 and
  9);
* :mod:`rnnbook.legacy`: the six 2016 programs under ``tf.compat.v1``
  (chapters 8 and 10);
* :mod:`rnnbook.sessions`: what those programs share: graph, loss, optimizer,
  session (chapter 10);
* :mod:`rnnbook.port`: legacy LSTM weights moved into Keras 3 (chapter 10);
* :mod:`rnnbook.benchmark_2016`: the command that times the 2016 programs in
  a process of their own (chapter 8);
* :mod:`rnnbook.drawing`: the figure style, palettes, and the figure context,
  arrows, bit tapes and canvases every figure is drawn with;
* :mod:`rnnbook.diagrams`: the echo data drawn: series, batch rows (chapter
  1);
* :mod:`rnnbook.bptt_diagrams`: the unrolled network and truncated windows,
  where state and gradients flow (chapters 1 and 2);
* :mod:`rnnbook.model_diagrams`: one LSTM step, and the reshape before the
  loss (chapters 4 and 6);
* :mod:`rnnbook.layer_diagrams`: a Keras cell as one step, a layer as the
  loop, and what it returns or keeps (chapter 3);
* :mod:`rnnbook.stack_diagrams`: a stacked RNN as a grid, layers up and time
  across (chapter 5);
* :mod:`rnnbook.speed_diagrams`: where each loop of training runs (chapter
  8);
* :mod:`rnnbook.charts`: training curves, gates over time, timings, curves
  over seeds, bars (chapters 2 to 10);
* :mod:`rnnbook.training_charts`: the training figure, losses with epochs
  marked and predictions from the zero state (chapters 2 to 10);
* :mod:`rnnbook.text`: the packaged Shakespeare corpus, characters as ids,
  text cut into parallel streams and windows (chapter 11);
* :mod:`rnnbook.ngram`: counting models with add-k and Kneser-Ney smoothing,
  the baselines of a language model (chapter 11);
* :mod:`rnnbook.charlm`: a character-level language model, its compiled
  training with the state carried or reset, and sampling (chapter 11);
* :mod:`rnnbook.text_plots`: chapter 11's figures: streams of letters, bits
  per character against time, order and position;
* :mod:`rnnbook.environment`: a quiet TensorFlow import and seeds;
* :mod:`rnnbook.notebook`: small conveniences for the chapters themselves.

Importing the package does not import TensorFlow; call
:func:`rnnbook.quiet_tensorflow` first, then ``import tensorflow as tf``.
"""

from rnnbook.environment import on_colab, quiet_tensorflow, seed_everything

__all__ = ["on_colab", "quiet_tensorflow", "seed_everything"]
__version__ = "1.0.0"
