"""Command line of the entities module.

``python -m loaders.entities --conll FILE`` reads ``token<TAB>tag`` lines (the tag is
ignored) and prints ``token<TAB>predicted`` for every token in input order, with a blank
line between sentences. ``python -m loaders.entities train [--dev]`` rebuilds the
shipped word clusters and CRF model from ../shared (never from rifat1493/test.txt);
``python -m loaders.entities person-words`` rebuilds the layout's list of person-name
words (``loaders/data/person_words.txt``) from the same annotated sentences, and
``common-stems`` its word stems that any story says (``loaders/data/common_stems.txt``);
``python -m loaders.entities tables`` rebuilds only the precomputed per-word tables
(``model/tables.npz``) from the shipped model.
"""
from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from loaders.entities.conll import read_conll
from loaders.entities.tagger import default_tagger
from loaders.textnorm import clean

logger = logging.getLogger(__name__)


def tag_conll(path: Path, out=sys.stdout) -> int:
    """Print the predicted tag of every token of a CoNLL file; returns the number of sentences."""
    tagger = default_tagger()
    sentences = read_conll(path)
    for index, sentence in enumerate(sentences):
        tokens = [token for token, _ in sentence]
        # Empty tokens cannot be tagged; they get O and keep the output aligned with the input.
        present = [i for i, token in enumerate(tokens) if clean(token)]
        tags = ["O"] * len(tokens)
        for i, tag in zip(present, tagger.tags([clean(tokens[i]) for i in present])):
            tags[i] = tag
        if index:
            out.write("\n")
        out.writelines(f"{token}\t{tag}\n" for token, tag in zip(tokens, tags))
    return len(sentences)


def main(argv: list[str] | None = None) -> int:
    """Parse the command line and run the chosen action."""
    parser = argparse.ArgumentParser(prog="python -m loaders.entities", description=__doc__.splitlines()[0])
    parser.add_argument("--conll", metavar="FILE", type=Path, help="tag a token<TAB>tag file")
    sub = parser.add_subparsers(dest="command")
    train_parser = sub.add_parser("train", help="rebuild model/clusters.tsv and model/model.crfsuite")
    train_parser.add_argument("--dev", action="store_true", help="hold out every tenth training sentence and score it")
    train_parser.add_argument("--banglakit", action="store_true",
                              help="add banglakit/main.jsonl to rifat1493/train.txt (lowers dev F1; off by default)")
    train_parser.add_argument("--keep-clusters", action="store_true", help="reuse the existing clusters.tsv")
    sub.add_parser("person-words", help="rebuild loaders/data/person_words.txt (the layout's author-name words)")
    sub.add_parser("common-stems", help="rebuild loaders/data/common_stems.txt (stems any story says)")
    sub.add_parser("tables", help="rebuild model/tables.npz (the precomputed per-word tables) from the shipped model")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if args.command == "train":
        from loaders.entities.training import BANGLAKIT, TrainingConfig, train

        config = TrainingConfig(dev=args.dev, rebuild_clusters=not args.keep_clusters,
                                banglakit=BANGLAKIT if args.banglakit else None)
        for key, value in train(config).items():
            print(f"{key}\t{value:.4f}" if isinstance(value, float) else f"{key}\t{value}")
        return 0
    if args.command == "person-words":
        from loaders.entities.training import TrainingConfig, write_person_words

        print(write_person_words(TrainingConfig()))
        return 0
    if args.command == "common-stems":
        from loaders.entities.training import TrainingConfig, write_common_stems

        print(write_common_stems(TrainingConfig()))
        return 0
    if args.command == "tables":
        from loaders.entities.precomputed import build_tables

        print(build_tables())
        return 0
    if args.conll:
        try:
            tag_conll(args.conll)
        except OSError as err:
            print(f"error: {args.conll}: {err.strerror or err}", file=sys.stderr)
            return 2
        return 0
    parser.print_help(sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
