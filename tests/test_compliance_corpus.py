"""The word list measured on a labelled corpus of live-commerce sentences
(tests/data/compliance_corpus.tsv, written before the list). Figures: docs/compliance.md."""

from collections import Counter
from pathlib import Path

from console.compliance import Matcher, load_rules

CORPUS = Path(__file__).parent / "data" / "compliance_corpus.tsv"
CATEGORIES = {"absolute", "medical", "authority", "investment", "pressure", "diversion",
              "superstition", "disparagement"}


def corpus():
    rows = []
    for line in CORPUS.read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        label, sentence = line.split("\t")
        assert label == "clean" or label in CATEGORIES, label
        rows.append((label, sentence))
    return rows


def test_corpus_precision_recall_and_false_positives():
    matcher = Matcher(load_rules())
    rows = corpus()
    assert len(rows) >= 300
    tp = fp = fn = tn = same_category = 0
    missed, false_alarms = [], []
    for label, sentence in rows:
        hits = matcher.find(sentence)
        if label == "clean":
            if hits:
                fp += 1
                false_alarms.append((sentence, [h.entry.term for h in hits]))
            else:
                tn += 1
        elif hits:
            tp += 1
            same_category += any(h.entry.category == label for h in hits)
        else:
            fn += 1
            missed.append((label, sentence))
    precision, recall, fp_rate = tp / (tp + fp), tp / (tp + fn), fp / (fp + tn)
    counts = Counter(label for label, _ in rows)
    print(f"\ncorpus: {len(rows)} sentences, {tp + fn} violating, {fp + tn} clean; "
          f"by label {dict(sorted(counts.items()))}")
    print(f"TP {tp}  FN {fn}  FP {fp}  TN {tn}")
    print(f"precision {precision:.1%}  recall {recall:.1%}  false-positive rate {fp_rate:.1%}  "
          f"category agreement {same_category / tp:.1%}")
    for item in missed:
        print("missed:", *item)
    for item in false_alarms:
        print("false alarm:", *item)
    assert fp_rate < 0.05
    assert recall >= 0.90
    assert counts["clean"] >= 0.4 * len(rows)
