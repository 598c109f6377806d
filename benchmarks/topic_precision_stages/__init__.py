"""The stages of ``benchmarks/topic_precision.py`` (its entry point and command line), in the
order the data flows:

* :mod:`.sources`: the label files, the texts they point to (team texts, PolNeAR train/dev)
  and the lexicons each batch was drawn from;
* :mod:`.hits`: an article's counted hits, counted per topic and ranked;
* :mod:`.precision`: precision and coverage of a lexicon, agreement of the two labellers;
* :mod:`.grids`: the rule grids each lexicon's parameters were chosen with;
* :mod:`.leading`: precision and coverage of the topics that lead their article (issue 13);
* :mod:`.draw`: a fresh, unlabelled batch of hits;
* :mod:`.report`: the markdown tables the command line prints.
"""
