"""`journeymap diff`: what a change to journey files does to the journeys, in the method's words.

`changes` is the pure comparison of two sets of models; `sides` builds those sets from
files, folders or git revisions (loading and linting each side).
"""
