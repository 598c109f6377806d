"""The stages of ``benchmarks/topic_classifier.py`` (issue 13, round 11), in the order the data
flows:

* :mod:`.model`: the team's labelled sentences, their word features, a multinomial naive Bayes
  and a softmax (logistic) regression trained on them, and k-fold cross-validation;
* :mod:`.hits`: the text around each labelled hit (its sentence and paragraph) and around every
  counted hit of PolNeAR train+dev (for coverage), found with the stored offsets;
* :mod:`.rules`: the keep rules (P(topic) >= theta or rank <= r), their tuning and their
  held-out scores, and the AUC of a score between correct and incorrect hits.
"""
